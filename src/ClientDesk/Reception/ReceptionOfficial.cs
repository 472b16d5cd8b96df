using ClientDesk.Access;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Reception;

public enum OfficialKind
{
    /// <summary>The Director: Riga, Republikas laukums 2, room 614, by prior appointment (V-1).</summary>
    Director = 0,

    /// <summary>The head of a regional division of the Technical Supervision Department, by prior appointment (V-2).</summary>
    RegionalHead = 1,
}

/// <summary>
/// An official who receives visitors by prior appointment (V-1, V-2): the post, the region whose requests it answers,
/// where it receives (an office and a room), and optionally the staff member in the post, whose name clients see.
/// Reception hours are calendar data (<see cref="ReceptionHours"/>); with none, clients describe the days that suit.
/// </summary>
public sealed class ReceptionOfficial
{
    public int Id { get; set; }

    /// <summary>A stable name for the post (<c>director</c>, <c>head-vidzeme</c>).</summary>
    public required string Key { get; set; }

    public OfficialKind Kind { get; set; }
    public required string TitleLv { get; set; }
    public required string TitleEn { get; set; }

    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;

    /// <summary>The office where visitors are received; null until known (the sources do not name the regional heads' offices).</summary>
    public int? LocationId { get; set; }
    public Location? Location { get; set; }

    public string? Room { get; set; }

    /// <summary>The staff member in the post; their name is shown to clients when set.</summary>
    public string? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    /// <summary>How to arrange a meeting outside this system (V-1: phone 67027149).</summary>
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public bool IsActive { get; set; } = true;

    public List<ReceptionHours> Hours { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    public string Title(bool english) => english ? TitleEn : TitleLv;
}

/// <summary>A weekly reception window valid over a range of dates; meetings are offered in slots of <see cref="SlotMinutes"/>.</summary>
public sealed class ReceptionHours
{
    public const int DefaultSlotMinutes = 30;

    public int Id { get; set; }
    public int OfficialId { get; set; }
    public ReceptionOfficial Official { get; set; } = null!;

    public DayOfWeek Weekday { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int SlotMinutes { get; set; } = DefaultSlotMinutes;

    public bool AppliesOn(DateOnly date) =>
        date.DayOfWeek == Weekday && date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}

internal sealed class ReceptionOfficialConfiguration : IEntityTypeConfiguration<ReceptionOfficial>
{
    public void Configure(EntityTypeBuilder<ReceptionOfficial> official)
    {
        official.HasIndex(o => o.Key).IsUnique();
        official.Property(o => o.Key).HasMaxLength(60);
        official.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        official.Property(o => o.TitleLv).HasMaxLength(200);
        official.Property(o => o.TitleEn).HasMaxLength(200);
        official.Property(o => o.Room).HasMaxLength(50);
        official.Property(o => o.Phone).HasMaxLength(30);
        official.Property(o => o.Email).HasMaxLength(254);
        official.Property(o => o.StaffMemberId).HasMaxLength(450);
        official.Property(o => o.Version).IsConcurrencyToken();
        official.HasOne(o => o.Region).WithMany().OnDelete(DeleteBehavior.Restrict);
        official.HasOne(o => o.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        official.HasOne(o => o.StaffMember).WithMany().HasForeignKey(o => o.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        official.HasMany(o => o.Hours).WithOne(h => h.Official).HasForeignKey(h => h.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReceptionHoursConfiguration : IEntityTypeConfiguration<ReceptionHours>
{
    public void Configure(EntityTypeBuilder<ReceptionHours> hours)
    {
        hours.ToTable("ReceptionHours", t =>
        {
            t.HasCheckConstraint("CK_ReceptionHours_Times", "\"Start\" < \"End\"");
            t.HasCheckConstraint("CK_ReceptionHours_Dates", "\"ValidTo\" IS NULL OR \"ValidFrom\" <= \"ValidTo\"");
            t.HasCheckConstraint("CK_ReceptionHours_Slot", "\"SlotMinutes\" BETWEEN 10 AND 240");
        });
        hours.HasIndex(h => new { h.OfficialId, h.Weekday });
    }
}
