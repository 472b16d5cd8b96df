using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Catalogue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.OnSite;

/// <summary>Where a request stands, from the client's side (ADR 012).</summary>
public enum OnSiteStatus
{
    /// <summary>Received; waiting for an inspector of the region to plan it.</summary>
    Requested = 0,

    /// <summary>Put into a day's round; the client has been told the day, the window and the inspector.</summary>
    Planned = 1,

    /// <summary>The client confirmed the planned day and window.</summary>
    Confirmed = 2,

    /// <summary>The client asked for another day; it waits to be planned again.</summary>
    OtherDayAsked = 3,

    /// <summary>The inspector came and recorded the outcome.</summary>
    Visited = 4,

    /// <summary>Withdrawn by the client or closed by staff with a reason.</summary>
    Cancelled = 5,
}

/// <summary>How an on-site request reached the agency (S-6).</summary>
public enum OnSiteChannel
{
    Web = 0,
    Phone = 1,
    Email = 2,
    Post = 3,
    InPerson = 4,
    EServicePortal = 5,
    LatvijaLv = 6,
    EAddress = 7,
}

/// <summary>
/// A client's request for an inspector to come to the machines (S-6, VAL-5): a service marked as possible on-site, the
/// address and an optional point, the machines, the days that suit, and the travel fee shown before sending. Its number
/// ("IZ-2026-00042") follows the year's counter like a case's.
/// </summary>
public sealed class OnSiteRequest
{
    public const string NumberPrefix = "IZ";

    public int Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number => FormatNumber(Year, Sequence);

    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;

    /// <summary>The office whose region's inspectors plan the visit (the client picks the nearest).</summary>
    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;

    public OnSiteChannel Channel { get; set; }
    public OnSiteStatus Status { get; set; }

    /// <summary>Where the machines are: the address as the client writes it (farm name, parish, municipality).</summary>
    [PersonalData]
    public required string Address { get; set; }

    /// <summary>How to find it ("the second gate after the dairy").</summary>
    [PersonalData]
    public string? Directions { get; set; }

    /// <summary>The point on the map, when the client gave one.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>How many machines (tractors, trailers, self-propelled machines) are to be seen.</summary>
    public int Machines { get; set; } = 1;

    /// <summary>What they are, in the client's words ("MTZ-82 and a 2PTS-4 trailer").</summary>
    public string MachinesDescription { get; set; } = "";

    /// <summary>The days that suit: from, to, and on which weekdays.</summary>
    public DateOnly EarliestDate { get; set; }
    public DateOnly LatestDate { get; set; }
    public Weekdays SuitableWeekdays { get; set; } = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

    [PersonalData]
    public required string ClientName { get; set; }

    [PersonalData]
    public string? Phone { get; set; }

    [PersonalData]
    public string? Email { get; set; }

    public string Language { get; set; } = "lv";

    /// <summary>Anything else the client wants the inspector to know.</summary>
    [PersonalData]
    public string? Note { get; set; }

    /// <summary>The travel fee shown to the client when the request was sent, per client (not per machine); null when not known then.</summary>
    public decimal? TravelFeeEur { get; set; }

    /// <summary>The client's reason when asking for another day or withdrawing; staff's when closing.</summary>
    public string? StatusNote { get; set; }

    /// <summary>SHA-256 of the status link's secret; the secret itself is only in the client's link.</summary>
    public required string StatusTokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The staff member who registered a phone, e-mail or post request; null for the web and the API.</summary>
    public string? RegisteredByStaffId { get; set; }
    public StaffMember? RegisteredBy { get; set; }

    /// <summary>The stop of the round it is planned in, when it is.</summary>
    public RoundStop? Stop { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public static string FormatNumber(int year, int sequence) => $"{NumberPrefix}-{year}-{sequence:00000}";

    public static bool TryParseNumber(string? number, out int year, out int sequence)
    {
        year = sequence = 0;
        var parts = (number ?? "").Trim().ToUpperInvariant().Split('-');
        return parts.Length == 3 && parts[0] == NumberPrefix && parts[1].Length == 4 && parts[2].Length is > 0 and <= 6
            && int.TryParse(parts[1], out year) && int.TryParse(parts[2], out sequence) && year >= 2000 && sequence > 0;
    }
}

/// <summary>One inspector's day on the road in a region: the stops in the order driven.</summary>
public sealed class InspectionRound
{
    public int Id { get; set; }

    /// <summary>The office the inspector sets out from; its region's requests are planned into the round.</summary>
    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;

    public DateOnly Date { get; set; }

    public required string InspectorStaffId { get; set; }
    public StaffMember Inspector { get; set; } = null!;

    public List<RoundStop> Stops { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedByStaffId { get; set; }

    /// <summary>When the clients were last told the plan; changes after it are told again.</summary>
    public DateTime? NotifiedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A request's place in a round: its order and the arrival window the client is told.</summary>
public sealed class RoundStop
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public InspectionRound Round { get; set; } = null!;

    public int OnSiteRequestId { get; set; }
    public OnSiteRequest Request { get; set; } = null!;

    /// <summary>1, 2, 3… in the order driven.</summary>
    public int Position { get; set; }

    public TimeOnly ArriveFrom { get; set; }
    public TimeOnly ArriveTo { get; set; }

    /// <summary>When the client was told this stop's date, window and inspector.</summary>
    public DateTime? NotifiedAtUtc { get; set; }

    /// <summary>When the client confirmed it.</summary>
    public DateTime? ConfirmedAtUtc { get; set; }

    /// <summary>How the visit ended, recorded on the road exactly as at a desk.</summary>
    public Queue.VisitOutcome? Outcome { get; set; }
}

internal sealed class OnSiteRequestConfiguration : IEntityTypeConfiguration<OnSiteRequest>
{
    public void Configure(EntityTypeBuilder<OnSiteRequest> request)
    {
        request.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        request.HasIndex(r => r.StatusTokenHash).IsUnique();
        request.HasIndex(r => new { r.LocationId, r.Status });
        request.Ignore(r => r.Number);
        request.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Address).HasMaxLength(300);
        request.Property(r => r.Directions).HasMaxLength(500);
        request.Property(r => r.MachinesDescription).HasMaxLength(500);
        request.Property(r => r.ClientName).HasMaxLength(200);
        request.Property(r => r.Phone).HasMaxLength(30);
        request.Property(r => r.Email).HasMaxLength(254);
        request.Property(r => r.Language).HasMaxLength(5);
        request.Property(r => r.Note).HasMaxLength(2000);
        request.Property(r => r.StatusNote).HasMaxLength(1000);
        request.Property(r => r.StatusTokenHash).HasMaxLength(64);
        request.Property(r => r.RegisteredByStaffId).HasMaxLength(450);
        request.Property(r => r.TravelFeeEur).HasPrecision(9, 2);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasOne(r => r.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        request.HasOne(r => r.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        request.HasOne(r => r.RegisteredBy).WithMany().HasForeignKey(r => r.RegisteredByStaffId).OnDelete(DeleteBehavior.Restrict);
        request.ToTable(t =>
        {
            t.HasCheckConstraint("CK_OnSiteRequests_Machines", "\"Machines\" BETWEEN 1 AND 50");
            t.HasCheckConstraint("CK_OnSiteRequests_Days", "\"EarliestDate\" <= \"LatestDate\"");
            t.HasCheckConstraint("CK_OnSiteRequests_Weekdays", "\"SuitableWeekdays\" BETWEEN 1 AND 127");
            t.HasCheckConstraint("CK_OnSiteRequests_Point",
                "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN -90 AND 90 AND \"Longitude\" BETWEEN -180 AND 180)");
            t.HasCheckConstraint("CK_OnSiteRequests_Contact", "\"Phone\" IS NOT NULL OR \"Email\" IS NOT NULL");
        });
    }
}

internal sealed class InspectionRoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> round)
    {
        round.HasIndex(r => new { r.LocationId, r.Date });
        round.HasIndex(r => new { r.InspectorStaffId, r.Date });
        round.Property(r => r.InspectorStaffId).HasMaxLength(450);
        round.Property(r => r.CreatedByStaffId).HasMaxLength(450);
        round.Property(r => r.Version).IsConcurrencyToken();
        round.HasOne(r => r.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        round.HasOne(r => r.Inspector).WithMany().HasForeignKey(r => r.InspectorStaffId).OnDelete(DeleteBehavior.Restrict);
        round.HasMany(r => r.Stops).WithOne(s => s.Round).HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundStopConfiguration : IEntityTypeConfiguration<RoundStop>
{
    public void Configure(EntityTypeBuilder<RoundStop> stop)
    {
        // A request is in one round at a time: planning it twice at once leaves one row.
        stop.HasIndex(s => s.OnSiteRequestId).IsUnique();
        stop.HasIndex(s => new { s.RoundId, s.Position });
        stop.HasOne(s => s.Request).WithOne(r => r.Stop).HasForeignKey<RoundStop>(s => s.OnSiteRequestId).OnDelete(DeleteBehavior.Restrict);
        stop.ToTable(t =>
        {
            t.HasCheckConstraint("CK_RoundStops_Window", "\"ArriveFrom\" < \"ArriveTo\"");
            t.HasCheckConstraint("CK_RoundStops_Position", "\"Position\" >= 1");
        });
    }
}
