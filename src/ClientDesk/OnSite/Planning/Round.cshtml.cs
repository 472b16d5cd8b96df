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
    public RoundView Round { get; private set; } = null!;
    public OutcomeChoices OutcomeChoices { get; private set; } = OutcomeChoices.None;

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

        if (Finish.Check(w, ModelState.AddModelError) is not { } input)
        {
            return Page();
        }

        var (outcomeId, problem) = await rounds.RecordOutcomeAsync(stopId, Queue.Workstation.Workstation.StaffId(User), input, ct);
        if (problem is { } failed)
        {
            ModelState.AddModelError(FinishInput.FieldOf(failed), w.Problem(failed));
            return Page();
        }

        Success = p["Done.Outcome", stop.Number, w.Outcome(input.Kind)];
        return Redirect($"/staff/onsite/rounds/{id}#stop-{stopId}");
    }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var regions = await rounds.RegionIdsAsync(User, ct);
        if (await RoundView.LoadAsync(db, id, regions, ct) is not { } round)
        {
            return false;
        }

        Round = round;
        var me = Queue.Workstation.Workstation.StaffId(User);
        var colleagues = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Id != me && u.Locations.Any(l => l.RegionId == round.RegionId))
            .OrderBy(u => u.LastName).Select(u => new { u.Id, u.FirstName, u.LastName, u.PositionLv, u.PositionEn }).ToListAsync(ct);
        OutcomeChoices = await OutcomeChoices.LoadAsync(
            db, [.. colleagues.Select(c => new Option(c.Id, $"{c.FirstName} {c.LastName} — {Localization.Pick(c.PositionLv, c.PositionEn)}"))], ct);
        return true;
    }
}
