using ClientDesk.Booking.Online;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Intake;

/// <summary>A location or service to choose from: its key and its name in the reader's language.</summary>
public sealed record Choice(string Key, string Name);

/// <summary>
/// The public feedback form (K-5, C-5, CH-3…CH-7): a complaint, praise, suggestion, question, report of an employee's
/// improper conduct or IT problem, with an optional file. Scripts are kept out as on the booking form (a hidden field
/// and a signed note of when the form was shown); every POST counts against the public rate limit. After sending, the
/// status page shows the number, the deadline and the link to follow the case.
/// </summary>
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class SubmitModel(
    ClientDeskDb db, OnlineBooking booking, IntakeForm form, SubmitterMessages messages, IStringLocalizer<IntakeTexts> t) : PageModel
{
    /// <summary>Above the 10 MB a file may have, so that a file a little too big gets its message rather than an error page.</summary>
    public const int RequestLimit = 25 * 1024 * 1024;

    public const string ReceivedKey = "Feedback.Received";

    [BindProperty]
    public SubmissionInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public IReadOnlyList<Choice> Services { get; private set; } = [];

    public string FormTicket { get; private set; } = "";

    public async Task OnGetAsync(string? kind, CancellationToken ct)
    {
        Input.Language = Localization.IsEnglish ? Localization.English : Localization.Latvian;
        Input.Kind = IntakeForm.ParseEnum<CaseKind>(kind)?.ToString();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Website) || !booking.TicketIsHuman(Input.FormTicket))
        {
            ModelState.AddModelError("", t["Error.TryAgain"]);
        }

        var intake = await form.CheckAsync(Input, Files, staffId: null, ModelState, ct);
        if (intake is null || !ModelState.IsValid)
        {
            if (Files.Count > 0)
            {
                ModelState.AddModelError("Input.Files", t["Error.ChooseFileAgain"]);
            }

            await LoadAsync(ct);
            return Page();
        }

        var registered = await messages.RegisterAsync(intake, ct);
        TempData[ReceivedKey] = "1";
        return Redirect($"/feedback/status?number={registered.Case.Number}&token={Uri.EscapeDataString(registered.StatusToken)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var english = Localization.IsEnglish;
        Locations = (await db.Locations.AsNoTracking().Where(l => l.IsActive).Select(l => new { l.Slug, l.NameLv, l.NameEn }).ToListAsync(ct))
            .Select(l => new Choice(l.Slug, english ? l.NameEn : l.NameLv)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        Services = (await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Code, s.NameLv, s.NameEn }).ToListAsync(ct))
            .Select(s => new Choice(s.Code, english ? s.NameEn : s.NameLv)).ToList();
        FormTicket = booking.IssueTicket();
    }
}
