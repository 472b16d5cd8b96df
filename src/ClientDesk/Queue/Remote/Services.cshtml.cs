using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Queue.Remote;

/// <summary>Remote ticket, step 2: the services of the location, by group, with the wait in each group.</summary>
public sealed class ServicesModel(ClientDeskDb db, CalendarStore calendars, QueueState state, TimeProvider clock) : PageModel
{
    public QueuePlace Place { get; private set; } = null!;

    public IReadOnlyList<QueueService> Services { get; private set; } = [];

    public bool OpenNow { get; private set; }

    public DateTimeOffset? NextWalkIn { get; private set; }

    public IReadOnlyDictionary<string, GroupWait> Waits { get; private set; } = new Dictionary<string, GroupWait>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await WalkInPlaces.LocationAsync(db, slug, ct) is not { } place)
        {
            return NotFound();
        }

        Place = place;
        Services = await WalkInPlaces.ServicesAsync(db, place.Id, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        OpenNow = Tickets.InWalkInWindow(calendar, place.Id, now);
        NextWalkIn = OpenNow ? null : Tickets.NextWalkIn(calendar, place.Id, now);
        if (OpenNow && await state.LobbyAsync(place.Id, ct) is { } lobby)
        {
            Waits = lobby.Groups.ToDictionary(g => g.Letter);
        }

        return Page();
    }
}
