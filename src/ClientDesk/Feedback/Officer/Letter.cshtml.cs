using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Officer;

/// <summary>
/// The letter to the submitter, printed on A4 in their language: the answer sent by post (or its text for the
/// e-address), or the extension or forwarding notice when it could not go by e-mail. The agency's address heads it.
/// </summary>
[Authorize(Policy = Policies.Cases)]
public sealed class LetterModel(ClientDeskDb db, CaseAccess access, TimeProvider clock) : PageModel
{
    public Case Current { get; private set; } = null!;
    public CaseLetter Letter { get; private set; } = null!;
    public LetterKind Kind { get; private set; }
    public DateOnly Date { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, LetterKind? kind, CancellationToken ct)
    {
        var @case = await access.FindAsync(User, number, ct);
        Kind = kind is { } k && Enum.IsDefined(k) ? k : LetterKind.Answer;
        var ready = Kind switch
        {
            LetterKind.Extension => @case?.ExtendedAnswerBy is not null,
            LetterKind.Forwarding => @case?.ForwardedToInstitutionId is not null,
            _ => @case?.AnsweredAtUtc is not null,
        };
        if (@case is null || !ready)
        {
            return NotFound();
        }

        Current = @case;
        var signer = Kind == LetterKind.Answer ? @case.AnsweredByStaffId : @case.AssignedOfficerId;
        var staff = signer is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == signer)
            .Select(u => new { u.FirstName, u.LastName, u.PositionLv, u.PositionEn }).SingleOrDefaultAsync(ct);
        var english = @case.Language == "en";
        var name = staff is null ? "" : staff.FirstName + " " + staff.LastName;
        var position = staff is null ? "" : english && staff.PositionEn.Length > 0 ? staff.PositionEn : staff.PositionLv;
        string? institution = null, contact = null;
        if (Kind == LetterKind.Forwarding)
        {
            var i = await db.ReferralInstitutions.AsNoTracking().SingleAsync(r => r.Id == @case.ForwardedToInstitutionId, ct);
            (institution, contact) = (english ? i.NameEn : i.NameLv, CaseModel.Contact(i));
        }

        Letter = CaseNotices.Letter(@case, Kind, name, position, institution, contact);
        var at = Kind switch
        {
            LetterKind.Extension => @case.ExtendedAtUtc,
            LetterKind.Forwarding => @case.ForwardedAtUtc,
            _ => @case.AnsweredAtUtc,
        };
        Date = DateOnly.FromDateTime(Platform.RigaTime.ToLocal(at ?? clock.GetUtcNow().UtcDateTime));
        return Page();
    }
}
