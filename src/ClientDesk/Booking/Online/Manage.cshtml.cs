using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ClientDesk.Booking.Online;

/// <summary>
/// Step 5 and the client's manage link: the booking with its reference and QR code, what to bring, and moving or
/// cancelling it until the cut-off. Opens only with the secret token; anything else is a plain 404.
/// </summary>
public sealed class ManageModel(Bookings bookings, IOptions<BookingOptions> options, IStringLocalizer<BookingTexts> b, TimeProvider clock) : PageModel
{
    public Appointment Appointment { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public string ManageUrl { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public DateTimeOffset Cutoff { get; private set; }

    public bool CanChange { get; private set; }

    public bool CanMove { get; private set; }

    public int MovesLeft { get; private set; }

    /// <summary>What just happened: Booked, Moved or Cancelled (shown once).</summary>
    public string? Message { get; private set; }

    public IReadOnlyList<string> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, string? token, CancellationToken ct)
    {
        if (!await LoadAsync(reference, token, ct))
        {
            return NotFound();
        }

        Message = TempData["BookingMessage"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference, string? token, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(reference, token, ct))
        {
            return NotFound();
        }

        if (!confirm)
        {
            ModelState.AddModelError("confirm", b["Manage.ConfirmCancel"]);
            return Page();
        }

        var outcome = await bookings.CancelAsync(Appointment.Id, ChangedBy.Client, ct);
        switch (outcome)
        {
            case BookingOutcome.Cancelled:
                TempData["BookingMessage"] = "Cancelled";
                return Redirect($"/booking/{Appointment.Reference}?token={Uri.EscapeDataString(Token)}");
            case BookingOutcome.TooLate:
                ModelState.AddModelError("confirm", b["Manage.TooLate", Catalogue.AgencyContacts.Phone]);
                break;
            default:
                ModelState.AddModelError("confirm", b["Manage.NotActive"]);
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string reference, string? token, CancellationToken ct)
    {
        if (await bookings.FindByLinkAsync(reference, token, ct) is not { } appointment)
        {
            return false;
        }

        Appointment = appointment;
        Token = token!.Trim();
        ManageUrl = $"{Request.Scheme}://{Request.Host}/booking/{appointment.Reference}?token={Uri.EscapeDataString(Token)}";
        QrCode = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(ManageUrl, QRCodeGenerator.ECCLevel.M, 6));
        Cutoff = bookings.ClientCutoff(appointment);
        CanChange = appointment.Status == AppointmentStatus.Booked && clock.GetUtcNow() < Cutoff;
        MovesLeft = Math.Max(0, options.Value.MaxMoves - appointment.MoveCount);
        CanMove = CanChange && MovesLeft > 0;
        Documents = Localization.Pick(appointment.Service.DocumentsLv, appointment.Service.DocumentsEn)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // The secret link must not leak to other sites through the Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
