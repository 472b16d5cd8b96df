using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Queue;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.OnSite.Planning;

/// <summary>A stop as the plan and the day sheet show it.</summary>
public sealed record StopView(
    int Id, int Position, int RequestId, string Number, OnSiteStatus Status, string Service, string ClientName, string? Phone, string? Email,
    string Address, string? Directions, double? Latitude, double? Longitude, int Machines, string MachinesDescription, string? Note,
    DateOnly Earliest, DateOnly Latest, Calendar.Weekdays Weekdays, TimeOnly From, TimeOnly To,
    DateTime? NotifiedAtUtc, DateTime? ConfirmedAtUtc, int? OutcomeId, OutcomeKind? OutcomeKind)
{
    public bool Suits(DateOnly date) => date >= Earliest && date <= Latest && Weekdays.HasFlag(Calendar.ScheduleTerms.ToWeekdays(date.DayOfWeek));
}

/// <summary>One round with its stops in order, read for a page.</summary>
public sealed record RoundView(
    int Id, Guid Version, DateOnly Date, int LocationId, int RegionId, string Office, string? OfficePhone,
    string InspectorId, string Inspector, string InspectorPosition, DateTime? NotifiedAtUtc, IReadOnlyList<StopView> Stops)
{
    /// <summary>The round, when it is in one of the regions (null = all); otherwise null, which the pages answer with 404.</summary>
    public static async Task<RoundView?> LoadAsync(ClientDeskDb db, int id, IReadOnlySet<int>? regions, CancellationToken ct)
    {
        var round = await db.InspectionRounds.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.Version, r.Date, r.LocationId, r.Location.RegionId, r.Location.NameLv, r.Location.NameEn, r.Location.Phone,
                r.InspectorStaffId, r.Inspector.FirstName, r.Inspector.LastName, r.Inspector.PositionLv, r.Inspector.PositionEn, r.NotifiedAtUtc,
            })
            .SingleOrDefaultAsync(ct);
        if (round is null || (regions is not null && !regions.Contains(round.RegionId)))
        {
            return null;
        }

        var stops = await db.RoundStops.AsNoTracking().Where(s => s.RoundId == id).OrderBy(s => s.Position)
            .Select(s => new
            {
                s.Id, s.Position, s.OnSiteRequestId, s.Request.Year, s.Request.Sequence, s.Request.Status, s.Request.Service.NameLv, s.Request.Service.NameEn,
                s.Request.ClientName, s.Request.Phone, s.Request.Email, s.Request.Address, s.Request.Directions, s.Request.Latitude, s.Request.Longitude,
                s.Request.Machines, s.Request.MachinesDescription, s.Request.Note, s.Request.EarliestDate, s.Request.LatestDate, s.Request.SuitableWeekdays,
                s.ArriveFrom, s.ArriveTo, s.NotifiedAtUtc, s.ConfirmedAtUtc,
                OutcomeId = s.Outcome == null ? (int?)null : s.Outcome.Id, OutcomeKind = s.Outcome == null ? (OutcomeKind?)null : s.Outcome.Kind,
            })
            .ToListAsync(ct);
        return new RoundView(round.Id, round.Version, round.Date, round.LocationId, round.RegionId, Localization.Pick(round.NameLv, round.NameEn), round.Phone,
            round.InspectorStaffId, round.FirstName + " " + round.LastName, Localization.Pick(round.PositionLv, round.PositionEn), round.NotifiedAtUtc,
            [.. stops.Select(s => new StopView(s.Id, s.Position, s.OnSiteRequestId, OnSiteRequest.FormatNumber(s.Year, s.Sequence), s.Status,
                Localization.Pick(s.NameLv, s.NameEn), s.ClientName, s.Phone, s.Email, s.Address, s.Directions, s.Latitude, s.Longitude, s.Machines,
                s.MachinesDescription, s.Note, s.EarliestDate, s.LatestDate, s.SuitableWeekdays, s.ArriveFrom, s.ArriveTo, s.NotifiedAtUtc,
                s.ConfirmedAtUtc, s.OutcomeId, s.OutcomeKind))]);
    }
}
