using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Queue;

/// <summary>A ticket just called, as the lobby display shows it: no client data, the desk and who serves there (C-3).</summary>
public sealed record CalledTicket(string Code, int DeskNumber, string StaffName, string PositionLv, string PositionEn, DateTime CalledAtUtc, int CallCount, bool Serving);

/// <summary>How many wait in a service group and about how long a newcomer waits (rounded up to whole minutes).</summary>
public sealed record GroupWait(string Letter, int Waiting, int EstimatedMinutes);

/// <summary>What a location's lobby display shows, and the API's <c>/queue</c> answer: no personal data.</summary>
public sealed record LobbyView(int LocationId, string Slug, string NameLv, string NameEn, bool WalkInOpen, DateTimeOffset? NextWalkIn,
    int DesksOpen, IReadOnlyList<CalledTicket> Called, IReadOnlyList<GroupWait> Groups, DateTime AsOfUtc)
{
    public int Waiting => Groups.Sum(g => g.Waiting);
}

/// <summary>A ticket as its holder follows it: status, how many are ahead, the estimate, and the desk once called.</summary>
public sealed record TicketView(int Id, string Code, TicketStatus Status, int Ahead, int EstimatedMinutes, int? DeskNumber, string? StaffName,
    string? ClosedReason, DateTime IssuedAtUtc);

/// <summary>
/// Reads the queue's live state from the database (ADR 010): what the display shows, a ticket's position and the wait
/// estimates. The estimate for a group: the average service time of its last finished visits at the location (the last
/// two weeks), times the clients ahead, divided by the desks open now; with no history, <see cref="QueueOptions.DefaultServiceTime"/>.
/// </summary>
public sealed class QueueState(ClientDeskDb db, Calendar.CalendarStore calendars, IOptions<QueueOptions> options, TimeProvider clock)
{
    private const int CalledShown = 8;
    private const int HistoryVisits = 50;

    public async Task<LobbyView?> LobbyAsync(int locationId, CancellationToken ct = default)
    {
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == locationId)
            .Select(l => new { l.Id, l.Slug, l.NameLv, l.NameEn }).SingleOrDefaultAsync(ct);
        if (location is null)
        {
            return null;
        }

        var today = RigaTime.Today(clock);
        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(db, ct);
        var calledRows = await db.Tickets.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.Date == today && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .OrderByDescending(t => t.CalledAtUtc).Take(CalledShown)
            .Select(t => new
            {
                t.Letter, t.Number, Desk = t.Desk!.Number, t.StaffMember!.FirstName, t.StaffMember.LastName,
                t.StaffMember.PositionLv, t.StaffMember.PositionEn, CalledAt = t.CalledAtUtc!.Value, t.CallCount, t.Status,
            })
            .ToListAsync(ct);
        var called = calledRows.Select(t => new CalledTicket($"{t.Letter}{t.Number:000}", t.Desk, $"{t.FirstName} {t.LastName}",
            t.PositionLv, t.PositionEn, t.CalledAt, t.CallCount, t.Status == TicketStatus.Serving)).ToList();

        var waiting = await db.Tickets.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.Date == today && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.Letter).Select(g => new { Letter = g.Key, Count = g.Count() }).ToListAsync(ct);
        var desksOpen = await DesksOpenAsync(locationId, ct);
        var serviceTimes = await ServiceTimesAsync(locationId, ct);
        var groups = waiting.OrderBy(w => w.Letter)
            .Select(w => new GroupWait(w.Letter, w.Count, Estimate(w.Count, serviceTimes.GetValueOrDefault(w.Letter), desksOpen)))
            .ToList();
        return new LobbyView(location.Id, location.Slug, location.NameLv, location.NameEn,
            Tickets.InWalkInWindow(calendar, locationId, now), Tickets.NextWalkIn(calendar, locationId, now),
            desksOpen, called, groups, now.UtcDateTime);
    }

    /// <summary>
    /// The ticket as its holder sees it. "Ahead" counts the waiting tickets of the same group that the call-next policy
    /// would reach first (appointments by their time, walk-ins by arrival); desks that serve several groups make it an
    /// estimate, which the page says.
    /// </summary>
    public async Task<TicketView?> TicketAsync(int ticketId, CancellationToken ct = default)
    {
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Desk).Include(t => t.StaffMember)
            .SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null)
        {
            return null;
        }

        var ahead = 0;
        var minutes = 0;
        if (ticket.Status == TicketStatus.Waiting)
        {
            var mine = ticket.DueAtUtc ?? ticket.QueuedSinceUtc;
            ahead = await db.Tickets.CountAsync(t => t.LocationId == ticket.LocationId && t.Date == ticket.Date && t.Letter == ticket.Letter
                && t.Status == TicketStatus.Waiting && t.Id != ticket.Id
                && ((t.DueAtUtc ?? t.QueuedSinceUtc) < mine || ((t.DueAtUtc ?? t.QueuedSinceUtc) == mine && t.Id < ticket.Id)), ct);
            var serviceTimes = await ServiceTimesAsync(ticket.LocationId, ct);
            minutes = Estimate(ahead, serviceTimes.GetValueOrDefault(ticket.Letter), await DesksOpenAsync(ticket.LocationId, ct));
        }

        return new TicketView(ticket.Id, ticket.Code, ticket.Status, ahead, minutes, ticket.Desk?.Number,
            ticket.StaffMember is { } s ? s.FullName : null, ticket.ClosedReason, ticket.IssuedAtUtc);
    }

    /// <summary>Minutes until a newcomer behind <paramref name="ahead"/> clients is called, rounded up.</summary>
    public int Estimate(int ahead, TimeSpan serviceTime, int desksOpen)
    {
        var each = serviceTime > TimeSpan.Zero ? serviceTime : options.Value.DefaultServiceTime;
        return (int)Math.Ceiling(ahead * each.TotalMinutes / Math.Max(1, desksOpen));
    }

    public Task<int> DesksOpenAsync(int locationId, CancellationToken ct = default) =>
        db.Desks.CountAsync(d => d.LocationId == locationId && d.IsActive && d.StaffMemberId != null, ct);

    /// <summary>The average service time per group letter over the last finished visits of the last two weeks.</summary>
    public async Task<Dictionary<string, TimeSpan>> ServiceTimesAsync(int locationId, CancellationToken ct = default)
    {
        var since = RigaTime.Today(clock).AddDays(-14);
        var visits = await db.Tickets.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.Date >= since && t.Status == TicketStatus.Finished
                && t.ServingStartedAtUtc != null && t.FinishedAtUtc != null)
            .OrderByDescending(t => t.FinishedAtUtc).Take(HistoryVisits * QueueLetters.All.Count)
            .Select(t => new { t.Letter, Started = t.ServingStartedAtUtc!.Value, Finished = t.FinishedAtUtc!.Value })
            .ToListAsync(ct);
        return visits.GroupBy(v => v.Letter).ToDictionary(
            g => g.Key,
            g => TimeSpan.FromTicks((long)g.Take(HistoryVisits).Average(v => (v.Finished - v.Started).Ticks)));
    }
}
