using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Calendar;

/// <summary>
/// When locations serve clients (S-2…S-5), as data: on which weekdays, in which kind of window (walk-in or
/// appointment), from when to when with which breaks, between which dates, with which booking cut-off and through
/// which booking channels. With no locations named it applies at every location; a rule naming locations can
/// replace other rules there (the S-5 Tuesdays replace the agency-wide walk-in and appointment hours).
/// </summary>
public sealed class ScheduleRule
{
    public int Id { get; set; }

    /// <summary>A short identifier the reference data and the administrators use, e.g. "s3-walk-in-tuesdays".</summary>
    public required string Code { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public WindowKind Kind { get; set; }
    public Weekdays Weekdays { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public List<ScheduleBreak> Breaks { get; set; } = [];

    /// <summary>The first and last dates the rule applies (inclusive); empty means open-ended.</summary>
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public CutoffKind CutoffKind { get; set; }

    /// <summary>For <see cref="CutoffKind.WeekdayOfSameWeek"/>: the weekday of the same week before which one must book.</summary>
    public DayOfWeek? CutoffWeekday { get; set; }

    /// <summary>For <see cref="CutoffKind.DaysBefore"/>: how many calendar days before the day.</summary>
    public int? CutoffDaysBefore { get; set; }

    /// <summary>The local time (Europe/Riga) of the cut-off.</summary>
    public TimeOnly? CutoffTime { get; set; }

    /// <summary>For appointment windows: the ways bookings are accepted. Walk-in windows take none.</summary>
    public BookingChannels BookingChannels { get; set; }

    /// <summary>The number to call when bookings are taken by phone, if it is not the location's own (S-5: 25594590).</summary>
    public string? BookingPhone { get; set; }

    /// <summary>The locations it applies at; none means every location.</summary>
    public List<Location> Locations { get; set; } = [];

    /// <summary>Rules that do not apply at this rule's locations while this rule is valid.</summary>
    public List<ScheduleRule> Replaces { get; set; } = [];
    public List<ScheduleRule> ReplacedBy { get; set; } = [];

    public bool IsActive { get; set; } = true;

    /// <summary>Where the standard is silent (ordinary hours), the shipped reading waits for the agency to confirm it.</summary>
    public bool NeedsReview { get; set; }
    public string? ReviewNote { get; set; }

    /// <summary>Where the rule comes from: a requirement of the standard, an order, a decision record.</summary>
    public string Source { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A break within a rule's window (12:00–12:30).</summary>
public sealed class ScheduleBreak
{
    public int Id { get; set; }
    public int ScheduleRuleId { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

internal sealed class ScheduleRuleConfiguration : IEntityTypeConfiguration<ScheduleRule>
{
    public void Configure(EntityTypeBuilder<ScheduleRule> rule)
    {
        rule.Property(r => r.Code).HasMaxLength(40);
        rule.HasIndex(r => r.Code).IsUnique();
        rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        rule.Property(r => r.CutoffKind).HasConversion<string>().HasMaxLength(30);
        rule.Property(r => r.CutoffWeekday).HasConversion<string>().HasMaxLength(10);
        rule.Property(r => r.BookingPhone).HasMaxLength(30);
        rule.Property(r => r.ReviewNote).HasMaxLength(1000);
        rule.Property(r => r.Source).HasMaxLength(2000);
        rule.Property(r => r.Version).IsConcurrencyToken();
        rule.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ScheduleRules_StartBeforeEnd", "\"Start\" < \"End\"");
            t.HasCheckConstraint("CK_ScheduleRules_Weekdays", "\"Weekdays\" BETWEEN 1 AND 127");
            t.HasCheckConstraint("CK_ScheduleRules_ValidRange", "\"ValidFrom\" IS NULL OR \"ValidTo\" IS NULL OR \"ValidFrom\" <= \"ValidTo\"");
            t.HasCheckConstraint("CK_ScheduleRules_CutoffDaysBefore", "\"CutoffDaysBefore\" IS NULL OR \"CutoffDaysBefore\" BETWEEN 0 AND 60");
        });
        rule.HasMany(r => r.Breaks).WithOne().HasForeignKey(b => b.ScheduleRuleId).OnDelete(DeleteBehavior.Cascade);
        rule.HasMany(r => r.Locations).WithMany().UsingEntity("ScheduleRuleLocations");
        rule.HasMany(r => r.Replaces).WithMany(r => r.ReplacedBy).UsingEntity(
            "ScheduleRuleReplacements",
            replaced => replaced.HasOne(typeof(ScheduleRule)).WithMany().HasForeignKey("ReplacedRuleId").OnDelete(DeleteBehavior.Restrict),
            replacing => replacing.HasOne(typeof(ScheduleRule)).WithMany().HasForeignKey("ReplacingRuleId").OnDelete(DeleteBehavior.Cascade));
    }
}

internal sealed class ScheduleBreakConfiguration : IEntityTypeConfiguration<ScheduleBreak>
{
    public void Configure(EntityTypeBuilder<ScheduleBreak> scheduleBreak) =>
        scheduleBreak.ToTable(t => t.HasCheckConstraint("CK_ScheduleBreaks_StartBeforeEnd", "\"Start\" < \"End\""));
}
