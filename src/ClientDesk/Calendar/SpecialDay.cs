using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Calendar;

/// <summary>
/// A calendar day entered as data (L-1): a Song and Dance Festival closing day, a one-off holiday set by the Saeima,
/// or one half of a Cabinet-moved working day (the weekday off and the Saturday worked instead).
/// </summary>
public sealed class SpecialDay
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public SpecialDayKind Kind { get; set; }
    public string NameLv { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>The legal basis, e.g. "MK rīkojums Nr. 146" or the law amendment; empty when not known.</summary>
    public string LegalBasis { get; set; } = "";

    /// <summary>For a moved working Saturday: the weekday made a day off in exchange.</summary>
    public DateOnly? MovedFrom { get; set; }

    /// <summary>Where the fact comes from (an address).</summary>
    public string Source { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();

    public SpecialDayRecord ToRecord() =>
        new(Date, Kind, NameLv, NameEn, LegalBasis.Length == 0 ? null : LegalBasis, MovedFrom);
}

internal sealed class SpecialDayConfiguration : IEntityTypeConfiguration<SpecialDay>
{
    public void Configure(EntityTypeBuilder<SpecialDay> builder)
    {
        builder.HasIndex(d => new { d.Date, d.Kind }).IsUnique();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.LegalBasis).HasMaxLength(500);
        builder.Property(d => d.Source).HasMaxLength(500);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
