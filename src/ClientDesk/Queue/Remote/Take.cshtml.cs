using System.ComponentModel.DataAnnotations;
using ClientDesk.Booking;
using ClientDesk.Booking.Online;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClientDesk.Queue.Remote;

/// <summary>
/// Remote ticket, step 3: who takes the number (a phone and/or an e-mail, for the link and the "your turn is near"
/// message), then the ticket. One active remote ticket per person; scripts are kept out as on the booking form
/// (a hidden field people do not fill and a signed note of when the form was shown).
/// </summary>
public sealed class TakeModel(
    ClientDeskDb db, Tickets tickets, QueueState state, RemoteTicketNotice notice, OnlineBooking booking, CalendarStore calendars,
    IOptions<QueueOptions> options, IStringLocalizer<QueueTexts> q, HoursText hours, TimeProvider clock) : PageModel
{
    public const int MaxNotifyWhenAhead = 20;

    public QueuePlace Place { get; private set; } = null!;

    public QueueService Service { get; private set; } = null!;

    public bool OpenNow { get; private set; }

    public DateTimeOffset? NextWalkIn { get; private set; }

    public string FormTicket { get; private set; } = "";

    [BindProperty]
    public RemoteTicketInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, string? service, CancellationToken ct)
    {
        if (!await LoadAsync(slug, service, ct))
        {
            return NotFound();
        }

        Input.Language = Localization.IsEnglish ? Localization.English : Localization.Latvian;
        Input.NotifyWhenAhead = options.Value.NotifyWhenAhead;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? service, CancellationToken ct)
    {
        if (!await LoadAsync(slug, service, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Input.Website) || !booking.TicketIsHuman(Input.Ticket))
        {
            ModelState.AddModelError("", q["Remote.TryAgain"]);
        }

        string? phone = null, email = null;
        if (!string.IsNullOrWhiteSpace(Input.Phone) && (phone = ClientIdentity.Phone(Input.Phone)) is null)
        {
            ModelState.AddModelError("Input.Phone", q["Remote.PhoneInvalid"]);
        }

        if (!string.IsNullOrWhiteSpace(Input.Email) && (email = ClientIdentity.Email(Input.Email)) is null)
        {
            ModelState.AddModelError("Input.Email", q["Remote.EmailInvalid"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Phone) && string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Phone", q["Remote.PhoneOrEmail"]);
        }

        if (Input.NotifyWhenAhead is not (>= 1 and <= MaxNotifyWhenAhead))
        {
            ModelState.Remove("Input.NotifyWhenAhead");
            ModelState.AddModelError("Input.NotifyWhenAhead", q["Remote.NotifyInvalid"]);
        }

        var language = Input.Language == Localization.English ? Localization.English : Localization.Latvian;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await tickets.IssueAsync(
            new TicketRequest(Place.Id, Service.Id, TicketSource.Remote, language, Input.Name, phone, email, Input.NotifyWhenAhead), ct);
        switch (outcome)
        {
            case IssueOutcome.Issued issued:
                var view = await state.TicketAsync(issued.Ticket.Id, ct);
                await notice.SendAsync(issued.Ticket, issued.FollowToken, view!, ct);
                TempData["QueueMessage"] = "Issued";
                return Redirect($"/queue/tickets/{issued.Ticket.Id}?token={Uri.EscapeDataString(issued.FollowToken)}");
            case IssueOutcome.AlreadyQueued held:
                ModelState.AddModelError("", q["Remote.AlreadyQueued", held.Code]);
                break;
            case IssueOutcome.NotWalkInTime closed:
                ModelState.AddModelError("", q["Remote.Closed"] + " " + (closed.NextWalkIn is { } next ? q["Kiosk.NextWalkIn", hours.Instant(next)] : q["Kiosk.NoWalkIn"]));
                break;
            case IssueOutcome.NumbersExhausted:
                ModelState.AddModelError("", q["Kiosk.Exhausted"]);
                break;
            default:
                return NotFound();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string slug, string? service, CancellationToken ct)
    {
        if (await WalkInPlaces.LocationAsync(db, slug, ct) is not { } place
            || (await WalkInPlaces.ServicesAsync(db, place.Id, ct)).FirstOrDefault(s => s.Code == service) is not { } chosen)
        {
            return false;
        }

        (Place, Service) = (place, chosen);
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        OpenNow = Tickets.InWalkInWindow(calendar, place.Id, now);
        NextWalkIn = OpenNow ? null : Tickets.NextWalkIn(calendar, place.Id, now);
        FormTicket = booking.IssueTicket();
        return true;
    }
}

public sealed class RemoteTicketInput
{
    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Remote.Phone")]
    public string? Phone { get; set; }

    [StringLength(254, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Remote.Email")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Remote.Name")]
    public string? Name { get; set; }

    [Display(Name = "Remote.NotifyWhenAhead")]
    public int? NotifyWhenAhead { get; set; }

    [Display(Name = "Remote.Language")]
    public string? Language { get; set; }

    /// <summary>Hidden from people; a script that fills every field fills this one too.</summary>
    public string? Website { get; set; }

    public string? Ticket { get; set; }
}
