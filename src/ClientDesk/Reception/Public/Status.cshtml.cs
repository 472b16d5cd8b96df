using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception.Public;

/// <summary>
/// The client's view of their reception request, reached with its number and secret: the official, place, room, the
/// wished, proposed or confirmed time. A proposed time the client accepts, or asks for another with a reason; an open
/// request the client may cancel. A wrong number or secret gets the same "not found".
/// </summary>
public sealed class StatusModel(ClientDeskDb db, Receptions receptions, ReceptionNotices notices, TimeProvider clock, IStringLocalizer<ReceptionTexts> t) : PageModel
{
    public const string DoneKey = "Reception.Done";

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public ReceptionRequest? Current { get; private set; }

    public OfficialView? Official { get; private set; }

    public bool JustSent { get; private set; }

    public string? Done { get; private set; }

    public string StatusUrl => Current is null ? "" : $"/reception/status?number={Current.Number}&token={Uri.EscapeDataString(Token ?? "")}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Token))
        {
            return Page();
        }

        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        JustSent = TempData[IndexModel.SentKey] is "1";
        Done = TempData[DoneKey] as string;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => ActAsync("Accepted", request =>
    {
        if (request.Status != ReceptionStatus.TimeProposed)
        {
            return t["Status.NothingToAccept"].Value;
        }

        request.Accept(clock.GetUtcNow().UtcDateTime);
        return null;
    }, ct);

    public Task<IActionResult> OnPostAnotherAsync(CancellationToken ct) => ActAsync("Another", request =>
    {
        if (request.Status != ReceptionStatus.TimeProposed)
        {
            return t["Status.NothingToAccept"].Value;
        }

        if (CheckReason() is { } problem)
        {
            return problem;
        }

        request.AskAnother(Reason!.Trim(), clock.GetUtcNow().UtcDateTime);
        return null;
    }, ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => ActAsync("Cancelled", request =>
    {
        if (!request.IsOpen)
        {
            return t["Status.Closed"].Value;
        }

        if (CheckReason() is { } problem)
        {
            return problem;
        }

        request.Cancel(Reason!.Trim(), byClient: true, clock.GetUtcNow().UtcDateTime);
        return null;
    }, ct);

    private string? CheckReason() =>
        string.IsNullOrWhiteSpace(Reason) ? t["Error.ReasonRequired"].Value
        : Reason.Trim().Length > ReceptionInput.ReasonMaxLength ? t["Error.TooLong", t["Status.Reason"], ReceptionInput.ReasonMaxLength, Reason.Trim().Length].Value
        : null;

    /// <summary>Applies the client's step; a problem is shown on the page, a change made meanwhile by staff asks the client to look again.</summary>
    private async Task<IActionResult> ActAsync(string done, Func<ReceptionRequest, string?> step, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        var request = Current!;
        if (request.Version != Version)
        {
            ModelState.AddModelError("", t["Status.Changed"]);
            return Page();
        }

        if (step(request) is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), problem);
            return Page();
        }

        notices.TellOfficial(request, done);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError("", t["Status.Changed"]);
            return Page();
        }
        catch (DbUpdateException e) when (Administration.AdminSupport.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError("", t["Status.TimeTaken"]);
            return Page();
        }

        TempData[DoneKey] = done;
        return Redirect(StatusUrl);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Current = await receptions.FindForClientAsync(Number, Token, ct);
        if (Current is null)
        {
            return false;
        }

        var officials = await OfficialView.ListAsync(db, Platform.RigaTime.Today(clock), t, activeOnly: false, ct);
        Official = officials.Single(o => o.Id == Current.OfficialId);
        return true;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Current = null;
        ModelState.AddModelError("", t["Status.NotFound"]);
        return Page();
    }
}
