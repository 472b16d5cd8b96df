using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Queue.Remote;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Kiosk;

/// <summary>
/// The lobby kiosk (S-3, S-4): language, then the service group in plain words, then the service, then one big
/// "Take a number". Outside walk-in windows it says when walk-in service is next and offers appointment check-in.
/// The language rides in the address (<c>?culture=en</c>) so that the next client starts in Latvian again.
/// </summary>
public sealed class KioskModel(ClientDeskDb db, Tickets tickets, QueueState state, CalendarStore calendars, IStringLocalizer<QueueTexts> q, TimeProvider clock) : PageModel
{
    public const string TicketKey = "KioskTicket";

    public QueuePlace Place { get; private set; } = null!;

    /// <summary>Language, Menu (groups), Services (of one group) or Take (one service, the big button).</summary>
    public string Step { get; private set; } = "Language";

    public bool WalkInOpen { get; private set; }

    public DateTimeOffset? NextWalkIn { get; private set; }

    public IReadOnlyList<QueueService> Services { get; private set; } = [];

    public IReadOnlyList<string> Letters { get; private set; } = [];

    public string? Letter { get; private set; }

    public QueueService? Service { get; private set; }

    public IReadOnlyDictionary<string, GroupWait> Waits { get; private set; } = new Dictionary<string, GroupWait>();

    public string? Problem { get; private set; }

    public string Culture => Localization.IsEnglish ? Localization.English : Localization.Latvian;

    /// <summary>A kiosk address in the chosen language.</summary>
    public string Link(string query = "") => $"/queue/{Place.Slug}/kiosk?culture={Culture}" + (query.Length > 0 ? "&" + query : "");

    public async Task<IActionResult> OnGetAsync(string slug, string? step, string? group, string? service, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (service is not null)
        {
            Service = Services.FirstOrDefault(s => s.Code == service);
            if (Service is null)
            {
                return NotFound();
            }

            Step = WalkInOpen ? "Take" : "Menu";
        }
        else if (group is not null)
        {
            Letter = Letters.FirstOrDefault(l => l == group);
            if (Letter is null)
            {
                return NotFound();
            }

            Step = WalkInOpen ? "Services" : "Menu";
        }
        else if (step == "menu")
        {
            Step = "Menu";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTakeAsync(string slug, string? service, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Service = Services.FirstOrDefault(s => s.Code == service);
        if (Service is null)
        {
            return NotFound();
        }

        var outcome = await tickets.IssueAsync(new TicketRequest(Place.Id, Service.Id, TicketSource.Kiosk, Culture), ct);
        switch (outcome)
        {
            case IssueOutcome.Issued issued:
                TempData[TicketKey] = $"{issued.Ticket.Id}:{issued.FollowToken}";
                return Redirect($"/queue/{Place.Slug}/kiosk/ticket?culture={Culture}");
            case IssueOutcome.NotWalkInTime closed:
                (WalkInOpen, NextWalkIn, Step) = (false, closed.NextWalkIn, "Menu");
                break;
            case IssueOutcome.NumbersExhausted:
                Problem = q["Kiosk.Exhausted"];
                Step = "Take";
                break;
            default:
                return NotFound();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await WalkInPlaces.LocationAsync(db, slug, ct) is not { } place)
        {
            return false;
        }

        Place = place;
        Services = await WalkInPlaces.ServicesAsync(db, place.Id, ct);
        Letters = [.. Services.Select(s => s.Letter).Distinct()];
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        WalkInOpen = Tickets.InWalkInWindow(calendar, place.Id, now);
        NextWalkIn = WalkInOpen ? null : Tickets.NextWalkIn(calendar, place.Id, now);
        if (WalkInOpen && await state.LobbyAsync(place.Id, ct) is { } lobby)
        {
            Waits = lobby.Groups.ToDictionary(g => g.Letter);
        }

        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
