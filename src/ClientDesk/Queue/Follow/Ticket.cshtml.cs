using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Follow;

/// <summary>
/// A ticket followed on a phone (the kiosk's QR code, the link sent to a remote ticket): the number, how many are
/// ahead and about how long, then which desk calls it. Live through the ticket's event stream, with a plain refresh
/// link and a periodic read as fallback. Opens only with the secret token; anything else is a plain 404.
/// </summary>
public sealed class FollowTicketModel(Tickets tickets, QueueState state, IStringLocalizer<QueueTexts> q) : PageModel
{
    /// <summary>How a withdrawal by the client is recorded on the ticket (Latvian: staff read it).</summary>
    public const string WithdrawnReason = "Klients atteicās";

    public Ticket Ticket { get; private set; } = null!;

    public TicketView View { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public string Link => $"/queue/tickets/{Ticket.Id}?token={Uri.EscapeDataString(Token)}";

    /// <summary>What just happened: Issued or Withdrawn (shown once).</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? token, CancellationToken ct)
    {
        if (!await LoadAsync(id, token, ct))
        {
            return NotFound();
        }

        Message = TempData["QueueMessage"] as string;
        return Page();
    }

    /// <summary>Only the status block, for the page's script to put in place.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, string? token, CancellationToken ct) =>
        await LoadAsync(id, token, ct) ? Partial("_TicketStatus", this) : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, string? token, CancellationToken ct)
    {
        if (!await LoadAsync(id, token, ct))
        {
            return NotFound();
        }

        if (!await tickets.WithdrawAsync(id, WithdrawnReason, ct))
        {
            ModelState.AddModelError("", q["Follow.WithdrawTooLate"]);
            return Page();
        }

        TempData["QueueMessage"] = "Withdrawn";
        return Redirect(Link);
    }

    private async Task<bool> LoadAsync(int id, string? token, CancellationToken ct)
    {
        if (token is null || token.Length > 200 || await tickets.FindByTokenAsync(id, token, ct) is not { } ticket
            || await state.TicketAsync(id, ct) is not { } view)
        {
            return false;
        }

        (Ticket, View, Token) = (ticket, view, token.Trim());
        // The secret link must not leak to other sites through the Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
