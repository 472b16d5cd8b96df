using System.Globalization;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Workstation;

/// <summary>
/// How a visit ended other than "completed", as a desk clerk or an inspector on the road fills it in (C-6): the same
/// fields, the same checks and the same messages on the workstation and on the round's day sheet.
/// </summary>
public sealed class FinishInput
{
    public const int ExplanationMax = 4000;
    public const int NoteMax = 2000;

    public string? Kind { get; set; }
    public int? LegalBasisId { get; set; }
    public string? Explanation { get; set; }
    public string? InterruptReason { get; set; }
    public string? ReferredToStaffId { get; set; }
    public int? ReferralInstitutionId { get; set; }
    public string? Note { get; set; }

    /// <summary>The outcome to record, or null after <paramref name="error"/> was told each problem under its field's name.</summary>
    public OutcomeInput? Check(IStringLocalizer<WorkstationTexts> w, Action<string, string> error)
    {
        if (!Enum.TryParse<OutcomeKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            error("Finish.Kind", w["Finish.ChooseKind"]);
            return null;
        }

        var problems = 0;
        void Problem(string field, string message)
        {
            error(field, message);
            problems++;
        }

        if (Note?.Trim().Length > NoteMax)
        {
            Problem("Finish.Note", w["Validation.TooLong", NoteMax]);
        }

        InterruptReason? reason = null;
        switch (kind)
        {
            case OutcomeKind.Refused:
                if (LegalBasisId is null)
                {
                    Problem(FieldOf(DeskProblem.MissingLegalBasis), w.Problem(DeskProblem.MissingLegalBasis));
                }

                if (string.IsNullOrWhiteSpace(Explanation))
                {
                    Problem(FieldOf(DeskProblem.MissingExplanation), w.Problem(DeskProblem.MissingExplanation));
                }
                else if (Explanation.Trim().Length > ExplanationMax)
                {
                    Problem("Finish.Explanation", w["Validation.TooLong", ExplanationMax]);
                }

                break;
            case OutcomeKind.Interrupted:
                if (Enum.TryParse<InterruptReason>(InterruptReason, out var parsed) && Enum.IsDefined(parsed))
                {
                    reason = parsed;
                }
                else
                {
                    Problem(FieldOf(DeskProblem.MissingInterruptReason), w.Problem(DeskProblem.MissingInterruptReason));
                }

                break;
            case OutcomeKind.Referred:
                var named = (string.IsNullOrEmpty(ReferredToStaffId) ? 0 : 1) + (ReferralInstitutionId is null ? 0 : 1);
                if (named != 1)
                {
                    Problem(FieldOf(DeskProblem.MissingReferral), named == 0 ? w.Problem(DeskProblem.MissingReferral) : w["Finish.ReferralOnlyOne"]);
                }

                break;
        }

        return problems > 0
            ? null
            : new OutcomeInput(kind, LegalBasisId, Explanation, reason,
                string.IsNullOrEmpty(ReferredToStaffId) ? null : ReferredToStaffId, ReferralInstitutionId, Note);
    }

    /// <summary>The form field a problem found by <see cref="QueueDesk.CheckOutcomeAsync"/> belongs to.</summary>
    public static string FieldOf(DeskProblem problem) => problem switch
    {
        DeskProblem.MissingLegalBasis => "Finish.LegalBasisId",
        DeskProblem.MissingExplanation => "Finish.Explanation",
        DeskProblem.MissingInterruptReason => "Finish.InterruptReason",
        DeskProblem.MissingReferral => "Finish.Referral",
        _ => "Finish",
    };
}

/// <summary>What the outcome fields offer: the legal bases a refusal may cite, colleagues and institutions to refer to.</summary>
public sealed record OutcomeChoices(IReadOnlyList<Option> LegalBases, IReadOnlyList<Option> Colleagues, IReadOnlyList<Option> Institutions)
{
    public static readonly OutcomeChoices None = new([], [], []);

    /// <summary>The active legal bases and referral institutions, with the colleagues the page chose.</summary>
    public static async Task<OutcomeChoices> LoadAsync(ClientDeskDb db, IReadOnlyList<Option> colleagues, CancellationToken ct)
    {
        var bases = await db.LegalBases.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.ActLv).ThenBy(b => b.SectionLv)
            .Select(b => new { b.Id, b.ActLv, b.ActEn, b.SectionLv, b.SectionEn }).ToListAsync(ct);
        var institutions = await db.ReferralInstitutions.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.NameLv)
            .Select(r => new { r.Id, r.NameLv, r.NameEn }).ToListAsync(ct);
        return new OutcomeChoices(
            [.. bases.Select(b => new Option(b.Id.ToString(CultureInfo.InvariantCulture), $"{Localization.Pick(b.ActLv, b.ActEn)}, {Localization.Pick(b.SectionLv, b.SectionEn)}"))],
            colleagues,
            [.. institutions.Select(r => new Option(r.Id.ToString(CultureInfo.InvariantCulture), Localization.Pick(r.NameLv, r.NameEn)))]);
    }
}

/// <summary>
/// The model of <c>_OutcomeFields</c>: what was typed, its messages, the choices, and a suffix that keeps the field ids
/// unique where a page has one form per visit (the day sheet).
/// </summary>
public sealed record OutcomeFields(FinishInput Finish, Func<string, string?> Error, OutcomeChoices Choices, string IdSuffix = "", bool MayAddLegalBases = false);
