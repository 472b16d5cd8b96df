using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Calendar;

/// <summary>Days a location does not serve clients although its rules say it would: staff on leave, inspector on the road.</summary>
public sealed class LocationClosure
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;

    /// <summary>The first and last closed day, inclusive.</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>The reason, as the public reads it ("Inspektors izbraukumā").</summary>
    public string ReasonLv { get; set; } = "";
    public string ReasonEn { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class LocationClosureConfiguration : IEntityTypeConfiguration<LocationClosure>
{
    public void Configure(EntityTypeBuilder<LocationClosure> closure)
    {
        closure.Property(c => c.Version).IsConcurrencyToken();
        closure.HasOne(c => c.Location).WithMany().OnDelete(DeleteBehavior.Cascade);
        closure.HasIndex(c => new { c.LocationId, c.StartsOn });
        closure.ToTable(t => t.HasCheckConstraint("CK_LocationClosures_Range", "\"StartsOn\" <= \"EndsOn\""));
    }
}
