using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Reports;

/// <summary>One row of a breakdown: a name and how many visits ended each way.</summary>
public sealed record OutcomeCounts(string Name, int Completed, int Refused, int Interrupted, int Referred)
{
    public int Total => Completed + Refused + Interrupted + Referred;
}

/// <summary>Waiting and service times of one service group, in whole minutes (null: no visit yet).</summary>
public sealed record GroupTimes(string Letter, int Issued, int Called, int? MedianWait, int? LongestWait, int? MedianService);

/// <summary>
/// The queue's day at a location (issue 5): tickets issued by source and group, served, no-shows, closed at the end of
/// the day or withdrawn (by their recorded reason), waits (call time − place in time) and service times per group, and
/// outcomes per desk, service and staff member. Read straight from the tickets; nothing is stored for it.
/// </summary>
[Authorize(Policy = Policies.QueueDesk)]
public sealed class ReportModel(ClientDeskDb db, StaffScope scope, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public DeskLocation? Location { get; private set; }
    public DateOnly Date { get; private set; }
    public int Issued { get; private set; }
    public IReadOnlyList<(TicketSource Source, int Count)> BySource { get; private set; } = [];
    public int Served { get; private set; }
    public int NoShows { get; private set; }
    public int StillOpen { get; private set; }
    public IReadOnlyList<(string Reason, int Count)> Closed { get; private set; } = [];
    public IReadOnlyList<GroupTimes> Groups { get; private set; } = [];
    public IReadOnlyList<OutcomeCounts> ByDesk { get; private set; } = [];
    public IReadOnlyList<OutcomeCounts> ByService { get; private set; } = [];
    public IReadOnlyList<(OutcomeCounts Outcomes, int? MedianService)> ByStaff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? location, string? date, CancellationToken ct)
    {
        Locations = await Booking.Desk.Desk.LocationsAsync(db, scope, User, ct);
        Date = Booking.Desk.Desk.TryParseDate(date, out var chosen) ? chosen : RigaTime.Today(clock);
        if (Locations.Count == 0)
        {
            return string.IsNullOrEmpty(location) ? Page() : NotFound();
        }

        Location = string.IsNullOrEmpty(location) ? Locations[0] : Locations.FirstOrDefault(l => l.Slug == location);
        if (Location is null)
        {
            return NotFound();
        }

        var tickets = await db.Tickets.AsNoTracking().Where(t => t.LocationId == Location.Id && t.Date == Date)
            .Select(t => new
            {
                t.Letter, t.Source, t.Status, t.ClosedReason, t.QueuedSinceUtc, t.CalledAtUtc, t.ServingStartedAtUtc, t.FinishedAtUtc,
                Desk = t.Desk == null ? (int?)null : t.Desk.Number,
                t.Service.NameLv, t.Service.NameEn,
                Kind = t.Outcome == null ? (OutcomeKind?)null : t.Outcome.Kind,
                Staff = t.Outcome == null ? null : t.Outcome.RecordedBy.FirstName + " " + t.Outcome.RecordedBy.LastName,
            })
            .ToListAsync(ct);

        Issued = tickets.Count;
        BySource = [.. tickets.GroupBy(t => t.Source).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
        Served = tickets.Count(t => t.Status == TicketStatus.Finished);
        NoShows = tickets.Count(t => t.Status == TicketStatus.NoShow);
        StillOpen = tickets.Count(t => t.Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving or TicketStatus.Parked);
        Closed = [.. tickets.Where(t => t.Status == TicketStatus.Closed).GroupBy(t => t.ClosedReason ?? "").OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count()))];

        static int? Minutes(TimeSpan? span) => span is { } s ? (int)Math.Round(Math.Max(0, s.TotalMinutes)) : null;
        Groups = [.. tickets.GroupBy(t => t.Letter).OrderBy(g => g.Key).Select(g =>
        {
            var waits = g.Where(t => t.CalledAtUtc is not null).Select(t => t.CalledAtUtc!.Value - t.QueuedSinceUtc).ToList();
            var services = g.Where(t => t.Status == TicketStatus.Finished && t.ServingStartedAtUtc is not null && t.FinishedAtUtc is not null)
                .Select(t => t.FinishedAtUtc!.Value - t.ServingStartedAtUtc!.Value).ToList();
            return new GroupTimes(g.Key, g.Count(), waits.Count, Minutes(Median(waits)), Minutes(waits.Count == 0 ? null : waits.Max()), Minutes(Median(services)));
        })];

        var finished = tickets.Where(t => t.Kind is not null).ToList();
        OutcomeCounts Count(string name, IEnumerable<OutcomeKind?> kinds)
        {
            var list = kinds.ToList();
            return new OutcomeCounts(name, list.Count(k => k == OutcomeKind.Completed), list.Count(k => k == OutcomeKind.Refused),
                list.Count(k => k == OutcomeKind.Interrupted), list.Count(k => k == OutcomeKind.Referred));
        }

        ByDesk = [.. finished.Where(t => t.Desk is not null).GroupBy(t => t.Desk!.Value).OrderBy(g => g.Key)
            .Select(g => Count(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Select(t => t.Kind)))];
        ByService = [.. finished.GroupBy(t => Localization.Pick(t.NameLv, t.NameEn)).OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => Count(g.Key, g.Select(t => t.Kind)))];
        ByStaff = [.. finished.GroupBy(t => t.Staff ?? "").OrderBy(g => g.Key, StringComparer.CurrentCulture)
            .Select(g => (Count(g.Key, g.Select(t => t.Kind)), Minutes(Median([.. g.Where(t => t.ServingStartedAtUtc is not null && t.FinishedAtUtc is not null)
                .Select(t => t.FinishedAtUtc!.Value - t.ServingStartedAtUtc!.Value)]))))];
        return Page();
    }

    private static TimeSpan? Median(List<TimeSpan> spans)
    {
        if (spans.Count == 0)
        {
            return null;
        }

        var sorted = spans.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
