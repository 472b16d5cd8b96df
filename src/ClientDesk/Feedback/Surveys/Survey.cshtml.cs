using System.Globalization;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Surveys;

/// <summary>The survey form as typed: scores as text, so that anything sent comes back as a message rather than a binding error.</summary>
public sealed class SurveyForm
{
    public string? Overall { get; set; }
    public string? Professionalism { get; set; }
    public string? Responsibility { get; set; }
    public string? Respect { get; set; }
    public string? Cooperation { get; set; }
    public string? Accessibility { get; set; }
    public string? Simplicity { get; set; }
    public string? Comment { get; set; }
    public bool MayContact { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public string? Score(string field) => field switch
    {
        nameof(Overall) => Overall,
        nameof(Professionalism) => Professionalism,
        nameof(Responsibility) => Responsibility,
        nameof(Respect) => Respect,
        nameof(Cooperation) => Cooperation,
        nameof(Accessibility) => Accessibility,
        nameof(Simplicity) => Simplicity,
        _ => null,
    };
}

/// <summary>Whether the survey of a link can be answered, and if not, why.</summary>
public enum SurveyState
{
    Open,
    Thanks,
    Answered,
    Expired,
    Unknown,
}

/// <summary>
/// The survey of one visit (K-4), opened by its one-time link (e-mailed, sent by SMS, or opened on the desk's tablet):
/// overall satisfaction and the six values, each 1–5 or skipped, a comment, and consent to be contacted.
/// </summary>
public sealed class SurveyModel(SurveyInvitations invitations, SurveyAnswers answers, IStringLocalizer<SurveyTexts> s, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SurveyForm Input { get; set; } = new();

    public SurveyInvitation? Invitation { get; private set; }

    public SurveyState State { get; private set; }

    public string Token { get; private set; } = "";

    /// <summary>The desk's tablet: the kiosk layout, nowhere to wander off to.</summary>
    public bool IsTablet => Invitation?.Channel == SurveyChannel.Tablet;

    /// <summary>Field → message, in the order the form asks.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    [TempData(Key = "Survey.CaseNumber")]
    public string? CaseNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (SurveyPage.RememberLanguage(HttpContext) is { } clean)
        {
            return Redirect(clean);
        }

        return await ShowAsync(token, ct);
    }

    public async Task<IActionResult> OnGetThanksAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (Invitation?.AnsweredAtUtc is not null)
        {
            State = SurveyState.Thanks;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var response = Parse(Input);
        var outcome = await answers.AnswerAsync(token, response, Localization.IsEnglish ? Localization.English : Localization.Latvian, ct);
        switch (outcome)
        {
            case SurveyAnswerOutcome.Saved saved:
                CaseNumber = saved.CaseNumber;
                return Redirect($"/survey/{Uri.EscapeDataString(token)}?handler=thanks");
            case SurveyAnswerOutcome.Invalid invalid:
                foreach (var field in new[] { "Overall" }.Concat(SurveyAnswers.Values).Concat(["Comment", "ContactName", "ContactEmail", "ContactPhone"]))
                {
                    if (invalid.Errors.TryGetValue(field, out var key))
                    {
                        Errors[field] = s[key];
                    }
                }

                break;
        }

        return await ShowAsync(token, ct);
    }

    /// <summary>A score as typed: empty or "can't say" is no score; anything else not 1–5 is kept as out of scale.</summary>
    public static int? ParseScore(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) ? score
        : 0;

    private static SurveyResponse Parse(SurveyForm form) => new(
        string.IsNullOrWhiteSpace(form.Overall) ? null : ParseScore(form.Overall),
        ParseScore(form.Professionalism),
        ParseScore(form.Responsibility),
        ParseScore(form.Respect),
        ParseScore(form.Cooperation),
        ParseScore(form.Accessibility),
        ParseScore(form.Simplicity),
        form.Comment,
        form.MayContact,
        form.ContactName,
        form.ContactEmail,
        form.ContactPhone);

    private async Task<IActionResult> ShowAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (State == SurveyState.Unknown)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        SurveyPage.KeepLinkPrivate(Response);
        Token = token;
        Invitation = await invitations.FindAsync(token, ct);
        State = Invitation switch
        {
            null => SurveyState.Unknown,
            { AnsweredAtUtc: not null } => SurveyState.Answered,
            { } open when open.ExpiresAtUtc <= clock.GetUtcNow().UtcDateTime => SurveyState.Expired,
            _ => SurveyState.Open,
        };
    }
}
