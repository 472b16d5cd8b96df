using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Planning;

/// <summary>
/// Changing a round before and after the clients are told: the date, each stop's window, the order (up/down, or the
/// automatic order again), removing and adding stops, and telling the clients. Every change goes under the round's version.
/// </summary>
[Authorize(Policy = Policies.OnSitePlanning)]
public sealed class PlanModel(ClientDeskDb db, Rounds rounds, IStringLocalizer<PlanningTexts> p) : PageModel
{
    public RoundView Round { get; private set; } = null!;

    /// <summary>Open requests of the round's region, not in any round, to add.</summary>
    public IReadOnlyList<OpenRequest> Addable { get; private set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public Dictionary<int, string> From { get; set; } = [];

    [BindProperty]
    public Dictionary<int, string> To { get; set; } = [];

    [BindProperty]
    public ProposalInput Proposal { get; set; } = new();

    [TempData(Key = "Planning.Success")]
    public string? Success { get; set; }

    [TempData(Key = "Planning.Failure")]
    public string? Failure { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Date = Planning.Iso(Round.Date);
        return Page();
    }

    /// <summary>Saves the date and the windows as typed.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ReadTyped() is not { } typed)
        {
            return Page();
        }

        return Done(id, await rounds.SaveAsync(id, Version, typed.Date, typed.Windows, ct), p["Done.Saved"]);
    }

    /// <summary>Moves a stop up or down, keeping what was typed (saved first).</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int stopId, int step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ReadTyped() is not { } typed)
        {
            return Page();
        }

        var saved = await rounds.SaveAsync(id, Version, typed.Date, typed.Windows, ct);
        if (!saved.Succeeded)
        {
            return Done(id, saved, "");
        }

        var version = await db.InspectionRounds.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
        return Done(id, await rounds.MoveAsync(id, version, stopId, step, ct), p["Done.Moved"]);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int stopId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Done(id, await rounds.RemoveAsync(id, Version, stopId, ct), p["Done.Removed"]);
    }

    /// <summary>Proposes fresh windows (and, when asked, the automatic order again).</summary>
    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ReadProposal() is not { } proposal)
        {
            Date = Planning.Iso(Round.Date);
            return Page();
        }

        return Done(id, await rounds.ProposeAsync(id, Version, proposal, Proposal.Reorder, ct), p["Done.Proposed"]);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, List<int> requestIds, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var allowed = Addable.Select(r => r.Id).ToHashSet();
        if (requestIds.Count == 0 || !requestIds.All(allowed.Contains))
        {
            Failure = p["Error.NoRequests"];
            return Redirect($"/staff/onsite/rounds/{id}/plan");
        }

        var unsuitable = Addable.Where(r => requestIds.Contains(r.Id) && !IndexModel.Suits(r, Round.Date)).Select(r => r.Number).ToList();
        var result = await rounds.AddAsync(id, Version, requestIds, ct);
        return Done(id, result, unsuitable.Count == 0 ? p["Done.Added"] : p["Done.AddedUnsuitable", string.Join(", ", unsuitable)]);
    }

    /// <summary>Tells the clients not yet told (or told something that has changed).</summary>
    public async Task<IActionResult> OnPostNotifyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (result, toPhone) = await rounds.NotifyAsync(id, Version, ct);
        if (result.Succeeded && toPhone.Count > 0)
        {
            Failure = p["Done.ToPhone", string.Join(", ", toPhone)];
        }

        return Done(id, result, p["Done.Notified"]);
    }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public string FromText(StopView stop) => From.TryGetValue(stop.Id, out var typed) ? typed : Planning.Time(stop.From);

    public string ToText(StopView stop) => To.TryGetValue(stop.Id, out var typed) ? typed : Planning.Time(stop.To);

    private IActionResult Done(int id, PlanResult result, string success)
    {
        if (result.Succeeded)
        {
            Success = success;
        }
        else
        {
            Failure = p["Problem." + result.Problem, string.Join(", ", result.Numbers)];
        }

        return Redirect($"/staff/onsite/rounds/{id}/plan");
    }

    private (DateOnly Date, Dictionary<int, (TimeOnly, TimeOnly)> Windows)? ReadTyped()
    {
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError("Date", p["Error.Date"]);
        }

        var windows = new Dictionary<int, (TimeOnly, TimeOnly)>();
        foreach (var stop in Round.Stops.Where(s => s.OutcomeId is null))
        {
            var from = From.GetValueOrDefault(stop.Id);
            var to = To.GetValueOrDefault(stop.Id);
            if (!Planning.TryTime(from, out var f) || !Planning.TryTime(to, out var t))
            {
                ModelState.AddModelError($"Window.{stop.Id}", p["Error.Time"]);
            }
            else if (f >= t)
            {
                ModelState.AddModelError($"Window.{stop.Id}", p["Problem.BadWindow"]);
            }
            else
            {
                windows[stop.Id] = (f, t);
            }
        }

        return ModelState.IsValid ? (date, windows) : null;
    }

    private WindowProposal? ReadProposal()
    {
        var ok = true;
        if (!Planning.TryTime(Proposal.Start, out var start))
        {
            ModelState.AddModelError("Proposal.Start", p["Error.Time"]);
            ok = false;
        }

        if (Proposal.MinutesPerMachine is not (>= 5 and <= 240) || Proposal.TravelMinutes is not (>= 0 and <= 240) || Proposal.WindowMinutes is not (>= 15 and <= 240))
        {
            ModelState.AddModelError("Proposal.Minutes", p["Error.Minutes"]);
            ok = false;
        }

        return ok ? new WindowProposal(start, Proposal.MinutesPerMachine!.Value, Proposal.TravelMinutes!.Value, Proposal.WindowMinutes!.Value) : null;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var regions = await rounds.RegionIdsAsync(User, ct);
        if (await RoundView.LoadAsync(db, id, regions, ct) is not { } round)
        {
            return false;
        }

        Round = round;
        var rows = await db.OnSiteRequests.AsNoTracking()
            .Where(r => Rounds.Open.Contains(r.Status) && r.Stop == null && r.Location.RegionId == round.RegionId)
            .OrderBy(r => r.Year).ThenBy(r => r.Sequence)
            .Select(r => new { r.Id, r.Year, r.Sequence, r.Status, r.ClientName, r.Address, r.Machines, r.EarliestDate, r.LatestDate, r.SuitableWeekdays })
            .ToListAsync(ct);
        Addable = [.. rows.Select(r => new OpenRequest(r.Id, OnSiteRequest.FormatNumber(r.Year, r.Sequence), r.Status, "", "", round.RegionId, r.ClientName, null,
            r.Address, null, null, null, r.Machines, "", r.EarliestDate, r.LatestDate, r.SuitableWeekdays, null, null, null, null, null))];
        return true;
    }
}

/// <summary>The "propose windows again" form.</summary>
public sealed class ProposalInput
{
    public string? Start { get; set; } = "9:00";
    public int? MinutesPerMachine { get; set; } = WindowProposal.Default.MinutesPerMachine;
    public int? TravelMinutes { get; set; } = WindowProposal.Default.TravelMinutes;
    public int? WindowMinutes { get; set; } = WindowProposal.Default.WindowMinutes;
    public bool Reorder { get; set; }
}
