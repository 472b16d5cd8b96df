using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Remote;

/// <summary>
/// Remote ticket, step 1: the locations that serve walk-in clients today, each saying whether walk-in is open now,
/// how many wait and about how long, or when walk-in starts next.
/// </summary>
public sealed class LocationsModel(ClientDeskDb db, CalendarStore calendars, QueueState state, TimeProvider clock) : PageModel
{
    public sealed record Row(QueuePlace Place, bool OpenNow, int Waiting, int EstimatedMinutes, DateTimeOffset? NextWalkIn);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        var today = RigaTime.Today(clock);
        var places = await db.Locations.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.NameLv)
            .Select(l => new QueuePlace(l.Id, l.Slug, l.NameLv, l.NameEn, l.Address, l.Room)).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var place in places.Where(p => calendar.Day(p.Id, today).Windows.Any(w => w.Kind == WindowKind.WalkIn)))
        {
            if (Tickets.InWalkInWindow(calendar, place.Id, now) && await state.LobbyAsync(place.Id, ct) is { } lobby)
            {
                // A newcomer waits behind everyone of the busiest group at most; the longest estimate is the honest one.
                rows.Add(new Row(place, true, lobby.Waiting, lobby.Groups.Select(g => g.EstimatedMinutes).DefaultIfEmpty(0).Max(), null));
            }
            else
            {
                rows.Add(new Row(place, false, 0, 0, Tickets.NextWalkIn(calendar, place.Id, now)));
            }
        }

        Rows = rows;
    }
}
