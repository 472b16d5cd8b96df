using System.Globalization;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception.Staff;

/// <summary>
/// One reception request for the official or an assistant: confirm the wished time, propose another (a date and time
/// not in the past; a warning, to confirm, when outside the hours or on a day off), link a feedback case, mark the
/// meeting held, or cancel with a reason. Confirmations, proposals and cancellations write the client's message.
/// </summary>
[Authorize(Policy = ReceptionAccess.Policy)]
public sealed class RequestModel(
    ClientDeskDb db, Receptions receptions, ReceptionForm form, ReceptionAccess access, TimeProvider clock, IStringLocalizer<ReceptionTexts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Time { get; set; }

    /// <summary>Set after the warnings were shown: staff keep the unusual time.</summary>
    [BindProperty]
    public bool Anyway { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Case { get; set; }

    public ReceptionRequest? Current { get; private set; }

    public OfficialView? Official { get; private set; }

    public string? CaseNumber { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Current!.Status != ReceptionStatus.Requested || Current.WishedDate is null)
        {
            ModelState.AddModelError("", t["Staff.NothingToConfirm"]);
            return Page();
        }

        if (Current.WishedDate.Value.ToDateTime(Current.WishedStart!.Value) <= RigaTime.Now(clock))
        {
            ModelState.AddModelError("", t["Error.Past"]);
            return Page();
        }

        Current.ConfirmWish(clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(ReceptionNotices.ConfirmedKind, "Staff.Done.Confirmed", ct);
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (!Current!.IsOpen)
        {
            ModelState.AddModelError("", t["Status.Closed"]);
            return Page();
        }

        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(nameof(Date), t["Error.Date"]);
        }

        if (!TimeOnly.TryParseExact(Time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            ModelState.AddModelError(nameof(Time), t["Error.Time"]);
        }

        if (ModelState.IsValid && date.ToDateTime(start) <= RigaTime.Now(clock))
        {
            ModelState.AddModelError(nameof(Date), t["Error.Past"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Warnings = await receptions.WarningsAsync(Current.OfficialId, date, start, ct);
        if (Warnings.Count > 0 && !Anyway)
        {
            return Page();
        }

        Current.Propose(date, start, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(ReceptionNotices.ProposedKind, "Staff.Done.Proposed", ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        int? caseId = null;
        if (!string.IsNullOrWhiteSpace(Case) && (caseId = await form.FindCaseAsync(Case, ct)) is null)
        {
            ModelState.AddModelError(nameof(Case), t["Error.Case"]);
            return Page();
        }

        Current!.CaseId = caseId;
        Current.Version = Guid.NewGuid();
        return await SaveAsync(kind: null, "Staff.Done.Linked", ct);
    }

    public async Task<IActionResult> OnPostHeldAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Current!.Status != ReceptionStatus.Confirmed || Current.ConfirmedDate > RigaTime.Today(clock))
        {
            ModelState.AddModelError("", t["Staff.NotConfirmed"]);
            return Page();
        }

        Current.MarkHeld(clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(kind: null, "Staff.Done.Held", ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (!Current!.IsOpen)
        {
            ModelState.AddModelError("", t["Status.Closed"]);
            return Page();
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), t["Error.ReasonRequired"]);
            return Page();
        }

        if (reason.Length > ReceptionInput.ReasonMaxLength)
        {
            ModelState.AddModelError(nameof(Reason), t["Error.TooLong", t["Status.Reason"], ReceptionInput.ReasonMaxLength, reason.Length]);
            return Page();
        }

        Current.Cancel(reason, byClient: false, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(ReceptionNotices.CancelledKind, "Staff.Done.Cancelled", ct);
    }

    private async Task<IActionResult> SaveAsync(string? kind, string done, CancellationToken ct)
    {
        try
        {
            var saved = kind is null ? await SavePlainAsync(ct) : await receptions.SaveWithNoticeAsync(Current!, kind, ct);
            if (!saved)
            {
                await LoadAsync(ct);
                ModelState.AddModelError("", t["Staff.TimeTaken"]);
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            ModelState.AddModelError("", t["Staff.Changed"]);
            return Page();
        }

        TempData[Administration.AdminSupport.SuccessKey] = t[done, Current!.Number].Value;
        return Redirect($"/staff/reception/{Current.Number}");
    }

    private async Task<bool> SavePlainAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Loads the request; a result when it is not found or not the user's to work, or when it changed since the page was shown.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!ReceptionRequest.TryParseNumber(Number, out var year, out var sequence)
            || await db.ReceptionRequests.Include(r => r.RegisteredBy).SingleOrDefaultAsync(r => r.Year == year && r.Sequence == sequence, ct) is not { } request)
        {
            return NotFound();
        }

        if (!await access.CanWorkAsync(User, request.OfficialId, ct))
        {
            return Forbid();
        }

        Current = request;
        Official = (await OfficialView.ListAsync(db, RigaTime.Today(clock), t, activeOnly: false, ct)).Single(o => o.Id == request.OfficialId);
        CaseNumber = request.CaseId is { } caseId
            ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => Feedback.Case.FormatNumber(c.Year, c.Sequence)).SingleAsync(ct)
            : null;
        if (HttpMethods.IsPost(HttpContext.Request.Method) && Version != request.Version)
        {
            ModelState.AddModelError("", t["Staff.Changed"]);
            return Page();
        }

        return null;
    }
}
