using ClientDesk.Notifications;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;

namespace ClientDesk.Queue.Kiosk;

/// <summary>
/// The number just taken at the kiosk, very large, with the people ahead, the estimate and a QR code to follow it on a
/// phone; printable on a receipt. Shown once (the ticket comes through TempData, never in the kiosk's address), then
/// the kiosk returns to its start.
/// </summary>
public sealed class TicketModel(Tickets tickets, QueueState state, IOptions<NotificationOptions> options) : PageModel
{
    public Ticket Ticket { get; private set; } = null!;

    public TicketView View { get; private set; } = null!;

    public string QrCode { get; private set; } = "";

    public string Culture => Localization.IsEnglish ? Localization.English : Localization.Latvian;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var start = $"/queue/{Uri.EscapeDataString(slug)}/kiosk?culture={Culture}&step=menu";
        if (TempData[KioskModel.TicketKey] is not string held || held.Split(':', 2) is not [var idText, var token]
            || !int.TryParse(idText, out var id)
            || await tickets.FindByTokenAsync(id, token, ct) is not { } ticket || ticket.Location.Slug != slug
            || await state.TicketAsync(id, ct) is not { } view)
        {
            return Redirect(start);
        }

        (Ticket, View) = (ticket, view);
        var followUrl = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/queue/tickets/{ticket.Id}?token={Uri.EscapeDataString(token)}";
        QrCode = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(followUrl, QRCodeGenerator.ECCLevel.M, 6));
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }
}
