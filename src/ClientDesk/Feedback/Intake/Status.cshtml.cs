using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Intake;

/// <summary>What the submitter may see of their case: never the internal notes or who works on it.</summary>
public sealed record SubmitterView(
    string Number, CaseKind Kind, CaseStatus Status, bool IsOpen, bool IsInformationOnly, DateOnly ReceivedOn, DateOnly? AnswerBy,
    string? DeadlineRule, DateOnly? ExtendedAnswerBy, DateOnly? AnsweredOn, DateOnly? ForwardedOn, EscalationLevel EscalatedTo,
    IReadOnlyList<(EscalationLevel Level, DateOnly On)> Requests)
{
    public static SubmitterView Of(Case c) => new(
        c.Number, c.Kind, c.Status, c.IsOpen, c.IsInformationOnly, c.ReceivedOn, c.AnswerBy, c.DeadlineRule, c.ExtendedAnswerBy,
        c.AnsweredAtUtc is { } answered ? DateOnly.FromDateTime(RigaTime.ToLocal(answered)) : null,
        c.ForwardedAtUtc is { } forwarded ? DateOnly.FromDateTime(RigaTime.ToLocal(forwarded)) : null,
        c.EscalatedTo,
        [.. c.Entries.Select(e => (Level: EscalationRequests.LevelOf(e), On: DateOnly.FromDateTime(RigaTime.ToLocal(e.AtUtc)))).Where(r => r.Level != EscalationLevel.None)]);

    /// <summary>The levels the submitter may still ask for: above where the case is and not asked for already.</summary>
    public IReadOnlyList<EscalationLevel> CanAskFor =>
        IsOpen
            ? [.. new[] { EscalationLevel.RegionalHead, EscalationLevel.Director }.Where(l => l > EscalatedTo && Requests.All(r => r.Level < l))]
            : [];
}

/// <summary>
/// The submitter's view of their case, reached with its number and secret (as the manage link of a booking): the
/// status in plain words and the dates that matter. A wrong number or secret gets the same "not found". From here the
/// submitter may ask that the regional head or the director look at the matter (C-5); staff then escalate it.
/// </summary>
public sealed class StatusModel(Cases cases, ClientDeskDb db, TimeProvider clock, SubmitterMessages messages, IStringLocalizer<IntakeTexts> t) : PageModel
{
    public const string AskedKey = "Feedback.Asked";

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Level { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public SubmitterView? Submission { get; private set; }

    public bool JustReceived { get; private set; }

    public string? Asked { get; private set; }

    public string StatusUrl => Submission is null ? "" : messages.StatusUrl(Submission.Number, Token!);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Token))
        {
            return Page();
        }

        if (await cases.FindForSubmitterAsync(Number ?? "", Token, ct) is not { } found)
        {
            return NotFoundPage();
        }

        Submission = SubmitterView.Of(found);
        JustReceived = TempData[SubmitModel.ReceivedKey] is "1";
        Asked = TempData[AskedKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(CancellationToken ct)
    {
        if (await cases.FindForSubmitterAsync(Number ?? "", Token, ct) is not { } found)
        {
            return NotFoundPage();
        }

        Submission = SubmitterView.Of(found);
        var level = IntakeForm.ParseEnum<EscalationLevel>(Level);
        if (level is null || !Submission.CanAskFor.Contains(level.Value))
        {
            ModelState.AddModelError(nameof(Level), found.IsOpen ? t["Ask.ChooseLevel"] : t["Ask.Closed"]);
        }

        if (Reason is { Length: > EscalationRequests.ReasonMaxLength })
        {
            ModelState.AddModelError(nameof(Reason), t["Error.TooLong", t["Ask.Reason"], EscalationRequests.ReasonMaxLength, Reason.Length]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        found.Log(CaseEntryKind.Note, null, clock.GetUtcNow().UtcDateTime, EscalationRequests.Text(level!.Value, Reason));
        await db.SaveChangesAsync(ct);
        TempData[AskedKey] = level.Value.ToString();
        return Redirect($"/feedback/status?number={found.Number}&token={Uri.EscapeDataString(Token!)}");
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        ModelState.AddModelError("", t["Status.NotFound"]);
        return Page();
    }
}
