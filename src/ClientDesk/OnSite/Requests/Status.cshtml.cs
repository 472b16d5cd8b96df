using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Requests;

/// <summary>
/// The client's status page of an on-site request, found by number and secret (a wrong one of either is the same "not
/// found"). Once planned it names the day, the arrival window and the inspector (C-3); the client confirms, asks for
/// another day with a reason, or withdraws — each only in its state and against the version they saw.
/// </summary>
public sealed class StatusModel(OnSiteRequests requests, IStringLocalizer<RequestTexts> t, TimeProvider clock) : PageModel
{
    public OnSiteRequest? Visit { get; private set; }

    public bool JustReceived { get; private set; }

    public string? Done { get; private set; }

    public string StatusUrl { get; private set; } = "";

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Can(ClientAction action) => Visit is not null && OnSiteRequests.Allows(Visit, action, Today);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Visit is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        JustReceived = TempData[RequestModel.ReceivedKey] is not null;
        Done = TempData["OnSite.Done"] as string;
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid version, CancellationToken ct) => ChangeAsync(ClientAction.Confirm, version, null, ct);

    public Task<IActionResult> OnPostOtherDayAsync(Guid version, string? reason, CancellationToken ct) => ChangeAsync(ClientAction.AskOtherDay, version, reason, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid version, string? reason, CancellationToken ct) => ChangeAsync(ClientAction.Withdraw, version, reason, ct);

    private async Task<IActionResult> ChangeAsync(ClientAction action, Guid version, string? reason, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Visit is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (reason is { Length: > OnSiteRequestInput.ReasonMaxLength })
        {
            ModelState.AddModelError("Reason", t["Error.TooLong", t["Status.Reason"], OnSiteRequestInput.ReasonMaxLength, reason.Length]);
            return Page();
        }

        switch (await requests.ChangeAsync(Visit, action, version, reason, ct))
        {
            case ClientChange.Done:
                TempData["OnSite.Done"] = action.ToString();
                return Redirect($"/onsite/status?number={Uri.EscapeDataString(Visit.Number)}&token={Uri.EscapeDataString(Token!)}");
            case ClientChange.ReasonMissing:
                ModelState.AddModelError("Reason", t["Error.ReasonMissing"]);
                break;
            case ClientChange.Stale:
                ModelState.AddModelError("", t["Error.Stale"]);
                await LoadAsync(ct);
                break;
            default:
                ModelState.AddModelError("", t["Error.NotAllowed"]);
                break;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        Visit = await requests.FindForClientAsync(Number, Token, ct);
        if (Visit is not null)
        {
            StatusUrl = requests.StatusUrl(Visit.Number, Token!);
        }
    }
}
