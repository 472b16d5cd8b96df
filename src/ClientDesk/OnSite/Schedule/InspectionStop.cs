using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.OnSite.Schedule;

/// <summary>
/// One stop of the mobile inspection schedule (izbraukuma grafiks, issue 7 point 3): inspectors wait at a place on a
/// date between two times, and anyone may bring their machines without booking.
/// </summary>
public sealed class InspectionStop
{
    public const int NameLength = 120;
    public const int WhereLength = 300;
    public const int NoteLength = 500;

    /// <summary>Latvia with a margin: a point outside is a typing error (latitude and longitude swapped, a lost digit).</summary>
    public const double MinLatitude = 55.5, MaxLatitude = 58.2, MinLongitude = 20.8, MaxLongitude = 28.4;

    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;

    /// <summary>The municipality (novads or state city), e.g. "Ludzas novads".</summary>
    public required string Municipality { get; set; }

    /// <summary>The settlement or parish, e.g. "Nirza".</summary>
    public required string PlaceName { get; set; }

    /// <summary>Where exactly, e.g. "pie darbnīcām, Skolas iela 3".</summary>
    public string? WhereExactly { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }

    public string? NoteLv { get; set; }
    public string? NoteEn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Application-managed concurrency token, as elsewhere (SQLite has no row version).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public static bool InLatvia(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;
}

internal sealed class InspectionStopConfiguration : IEntityTypeConfiguration<InspectionStop>
{
    public void Configure(EntityTypeBuilder<InspectionStop> stop)
    {
        // The same stop cannot be entered or imported twice.
        stop.HasIndex(s => new { s.Date, s.StartTime, s.Municipality, s.PlaceName }).IsUnique();
        stop.HasIndex(s => new { s.RegionId, s.Date });
        stop.Property(s => s.Municipality).HasMaxLength(InspectionStop.NameLength);
        stop.Property(s => s.PlaceName).HasMaxLength(InspectionStop.NameLength);
        stop.Property(s => s.WhereExactly).HasMaxLength(InspectionStop.WhereLength);
        stop.Property(s => s.NoteLv).HasMaxLength(InspectionStop.NoteLength);
        stop.Property(s => s.NoteEn).HasMaxLength(InspectionStop.NoteLength);
        stop.Property(s => s.Version).IsConcurrencyToken();
        stop.HasOne(s => s.Region).WithMany().OnDelete(DeleteBehavior.Restrict);
        stop.ToTable(t =>
        {
            t.HasCheckConstraint("CK_InspectionStops_Window", "\"StartTime\" < \"EndTime\"");
            t.HasCheckConstraint("CK_InspectionStops_Point",
                "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN 55.5 AND 58.2 AND \"Longitude\" BETWEEN 20.8 AND 28.4)");
        });
    }
}
