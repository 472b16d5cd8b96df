using System.Text.RegularExpressions;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Queue.Remote;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Kiosk;

/// <summary>
/// Appointment check-in at the kiosk: the booking reference typed, or read by a scanner from the booking's QR code
/// (which holds the manage address <c>…/booking/{reference}?token=…</c>; only the reference is used).
/// </summary>
public sealed partial class CheckInModel(ClientDeskDb db, Tickets tickets, IStringLocalizer<QueueTexts> q) : PageModel
{
    public QueuePlace Place { get; private set; } = null!;

    [BindProperty]
    public string? Reference { get; set; }

    public string? Problem { get; private set; }

    public string Culture => Localization.IsEnglish ? Localization.English : Localization.Latvian;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        if (ReadReference(Reference) is not { } reference)
        {
            Problem = q["Kiosk.ReferenceInvalid"];
            return Page();
        }

        switch (await tickets.CheckInAsync(Place.Id, reference, ct: ct))
        {
            case CheckInOutcome.CheckedIn done:
                TempData[KioskModel.TicketKey] = $"{done.Ticket.Id}:{done.FollowToken}";
                return Redirect($"/queue/{Place.Slug}/kiosk/ticket?culture={Culture}");
            case CheckInOutcome.AlreadyCheckedIn already:
                Problem = q["Kiosk.AlreadyCheckedIn", already.Ticket.Code];
                break;
            case CheckInOutcome.TooEarly early:
                Problem = q["Kiosk.TooEarly", TimeOnly.FromDateTime(RigaTime.ToLocal(early.OpensAt.UtcDateTime)).ToString("H:mm", System.Globalization.CultureInfo.InvariantCulture)];
                break;
            default:
                Problem = q["Kiosk.ReferenceUnknown"];
                break;
        }

        return Page();
    }

    /// <summary>The 8-character reference from what was typed or scanned; null when it is neither a reference nor a manage address.</summary>
    public static string? ReadReference(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 500)
        {
            return null;
        }

        var text = input.Trim();
        if (ManageAddress().Match(text) is { Success: true } address)
        {
            return address.Groups[1].Value.ToUpperInvariant();
        }

        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return BareReference().IsMatch(compact) ? compact.ToUpperInvariant() : null;
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await WalkInPlaces.LocationAsync(db, slug, ct) is not { } place)
        {
            return false;
        }

        Place = place;
        Response.Headers.CacheControl = "no-store";
        return true;
    }

    [GeneratedRegex(@"/booking/([A-Za-z0-9]{8})(?:[/?#]|$)")]
    private static partial Regex ManageAddress();

    [GeneratedRegex("^[A-Za-z0-9]{8}$")]
    private static partial Regex BareReference();
}
