using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Queue;
using ClientDesk.Queue.Workstation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Planning;

/// <summary>
/// The day sheet on the road (printable on A4, usable on a phone): the stops in order with their windows, addresses,
/// directions, phones, machines and confirmation, and each visit's outcome recorded exactly as at a desk
/// (<see cref="QueueDesk.CheckOutcomeAsync"/>, the workstation's texts; the refusal notice is the queue's).
/// </summary>
[Authorize(Policy = Policies.OnSitePlanning)]
public sealed class RoundModel(ClientDeskDb db, Rounds rounds, IStringLocalizer<PlanningTexts> p, IStringLocalizer<WorkstationTexts> w) : PageModel
{
    public const int ExplanationMax = 4000;
    public const int NoteMax = 2000;

    public RoundView Round { get; private set; } = null!;
    public IReadOnlyList<Choice> LegalBases { get; private set; } = [];
    public IReadOnlyList<Choice> Colleagues { get; private set; } = [];
    public IReadOnlyList<Choice> Institutions { get; private set; } = [];

    [BindProperty]
    public FinishInput Finish { get; set; } = new();

    /// <summary>The stop whose outcome form was sent (its form opens again with the messages).</summary>
    public int? FailedStopId { get; private set; }

    [TempData(Key = "Planning.Success")]
    public string? Success { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOutcomeAsync(int id, int stopId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Round.Stops.SingleOrDefault(s => s.Id == stopId) is not { } stop)
        {
            return NotFound();
        }

        FailedStopId = stopId;
        if (stop.OutcomeId is not null)
        {
            ModelState.AddModelError("Finish", w.Problem(DeskProblem.OutcomeAlreadyRecorded));
            return Page();
        }

        if (Validate() is not { } input)
        {
            return Page();
        }

        var (outcomeId, problem) = await rounds.RecordOutcomeAsync(stopId, Queue.Workstation.Workstation.StaffId(User), input, ct);
        if (problem is { } failed)
        {
            ModelState.AddModelError(failed switch
            {
                DeskProblem.MissingLegalBasis => "Finish.LegalBasisId",
                DeskProblem.MissingExplanation => "Finish.Explanation",
                DeskProblem.MissingInterruptReason => "Finish.InterruptReason",
                DeskProblem.MissingReferral => "Finish.Referral",
                _ => "Finish",
            }, w.Problem(failed));
            return Page();
        }

        Success = p["Done.Outcome", stop.Number, w.Outcome(input.Kind)];
        return Redirect($"/staff/onsite/rounds/{id}#stop-{stopId}");
    }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private OutcomeInput? Validate()
    {
        if (!Enum.TryParse<OutcomeKind>(Finish.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Finish.Kind", w["Finish.ChooseKind"]);
            return null;
        }

        if (Finish.Note?.Trim().Length > NoteMax)
        {
            ModelState.AddModelError("Finish.Note", w["Validation.TooLong", NoteMax]);
        }

        InterruptReason? reason = null;
        switch (kind)
        {
            case OutcomeKind.Refused:
                if (Finish.LegalBasisId is null)
                {
                    ModelState.AddModelError("Finish.LegalBasisId", w.Problem(DeskProblem.MissingLegalBasis));
                }

                if (string.IsNullOrWhiteSpace(Finish.Explanation))
                {
                    ModelState.AddModelError("Finish.Explanation", w.Problem(DeskProblem.MissingExplanation));
                }
                else if (Finish.Explanation.Trim().Length > ExplanationMax)
                {
                    ModelState.AddModelError("Finish.Explanation", w["Validation.TooLong", ExplanationMax]);
                }

                break;
            case OutcomeKind.Interrupted:
                if (Enum.TryParse<InterruptReason>(Finish.InterruptReason, out var parsed) && Enum.IsDefined(parsed))
                {
                    reason = parsed;
                }
                else
                {
                    ModelState.AddModelError("Finish.InterruptReason", w.Problem(DeskProblem.MissingInterruptReason));
                }

                break;
            case OutcomeKind.Referred:
                var named = (string.IsNullOrEmpty(Finish.ReferredToStaffId) ? 0 : 1) + (Finish.ReferralInstitutionId is null ? 0 : 1);
                if (named != 1)
                {
                    ModelState.AddModelError("Finish.Referral", named == 0 ? w.Problem(DeskProblem.MissingReferral) : w["Finish.ReferralOnlyOne"]);
                }

                break;
        }

        return ModelState.ErrorCount > 0
            ? null
            : new OutcomeInput(kind, Finish.LegalBasisId, Finish.Explanation, reason,
                string.IsNullOrEmpty(Finish.ReferredToStaffId) ? null : Finish.ReferredToStaffId, Finish.ReferralInstitutionId, Finish.Note);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var regions = await rounds.RegionIdsAsync(User, ct);
        if (await RoundView.LoadAsync(db, id, regions, ct) is not { } round)
        {
            return false;
        }

        Round = round;
        var bases = await db.LegalBases.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.ActLv).ThenBy(b => b.SectionLv)
            .Select(b => new { b.Id, b.ActLv, b.ActEn, b.SectionLv, b.SectionEn }).ToListAsync(ct);
        LegalBases = [.. bases.Select(b => new Choice(b.Id.ToString(CultureInfo.InvariantCulture), $"{Localization.Pick(b.ActLv, b.ActEn)}, {Localization.Pick(b.SectionLv, b.SectionEn)}"))];
        var me = Queue.Workstation.Workstation.StaffId(User);
        var colleagues = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Id != me && u.Locations.Any(l => l.RegionId == round.RegionId))
            .OrderBy(u => u.LastName).Select(u => new { u.Id, u.FirstName, u.LastName, u.PositionLv, u.PositionEn }).ToListAsync(ct);
        Colleagues = [.. colleagues.Select(c => new Choice(c.Id, $"{c.FirstName} {c.LastName} — {Localization.Pick(c.PositionLv, c.PositionEn)}"))];
        var institutions = await db.ReferralInstitutions.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.NameLv)
            .Select(r => new { r.Id, r.NameLv, r.NameEn }).ToListAsync(ct);
        Institutions = [.. institutions.Select(r => new Choice(r.Id.ToString(CultureInfo.InvariantCulture), Localization.Pick(r.NameLv, r.NameEn)))];
        return true;
    }
}
