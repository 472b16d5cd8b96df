using System.Globalization;
using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback.Intake;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Register;

/// <summary>What the member tells the submitter after registering: the number and the deadline.</summary>
public sealed record Registered(string Number, DateOnly? AnswerBy, string? DeadlineRule, bool ItSupport, bool ReceiptEmailed);

/// <summary>
/// Any staff member registers what reaches the agency by phone, post (the scan attached), e-mail, the e-address, the
/// e-service portal, the trust line (CH-7: the recording attached and the message written down) or in person, with
/// when it was received (not in the future) and who registered it. The member then sees the number and the deadline;
/// only those who work cases are pointed on to them.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class RegisterModel(
    ClientDeskDb db, IntakeForm form, SubmitterMessages messages, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<IntakeTexts> t)
    : PageModel
{
    public const long RequestLimit = (CaseFiles.MaxFilesFromStaff * (long)CaseAttachment.MaxBytes) + (10 * 1024 * 1024);

    private const string RegisteredKey = "Feedback.Registered";

    [BindProperty]
    public SubmissionInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public IReadOnlyList<Choice> Services { get; private set; } = [];

    public IReadOnlyList<Choice> StaffMembers { get; private set; } = [];

    public Registered? Done { get; private set; }

    public bool WorksCases { get; private set; }

    public string Now { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData[RegisteredKey] is string done && done.Split('|') is [var number, var answerBy, var rule, var it, var emailed])
        {
            Done = new Registered(
                number, DateOnly.TryParseExact(answerBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var by) ? by : null,
                rule.Length == 0 ? null : rule, it == "1", emailed == "1");
        }

        Input.Language = Localization.Latvian;
        await LoadAsync(ct);
        Input.ReceivedAt = Now;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var staffId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var intake = await form.CheckAsync(Input, Files, staffId, ModelState, ct);
        if (intake is null || !ModelState.IsValid)
        {
            if (Files.Count > 0)
            {
                ModelState.AddModelError("Input.Files", t["Error.ChooseFileAgain"]);
            }

            await LoadAsync(ct);
            return Page();
        }

        var registered = (await messages.RegisterAsync(intake, ct)).Case;
        TempData[RegisteredKey] = string.Join('|',
            registered.Number, registered.AnswerBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", registered.DeadlineRule ?? "",
            registered.Kind == CaseKind.ItProblem ? "1" : "0", registered.Email is null ? "0" : "1");
        return Redirect("/staff/cases/register");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        WorksCases = (await authorization.AuthorizeAsync(User, Policies.Cases)).Succeeded;
        Now = RigaTime.Now(clock).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var english = Localization.IsEnglish;
        Locations = (await db.Locations.AsNoTracking().Where(l => l.IsActive).Select(l => new { l.Slug, l.NameLv, l.NameEn }).ToListAsync(ct))
            .Select(l => new Choice(l.Slug, english ? l.NameEn : l.NameLv)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        Services = (await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => new { s.Code, s.NameLv, s.NameEn }).ToListAsync(ct))
            .Select(s => new Choice(s.Code, english ? s.NameEn : s.NameLv)).ToList();
        StaffMembers = (await db.Users.AsNoTracking().Where(u => u.IsActive)
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.PositionLv, u.PositionEn }).ToListAsync(ct))
            .Select(u => new Choice(u.Id, $"{u.LastName} {u.FirstName}, {(english && u.PositionEn.Length > 0 ? u.PositionEn : u.PositionLv)}")).ToList();
    }
}
