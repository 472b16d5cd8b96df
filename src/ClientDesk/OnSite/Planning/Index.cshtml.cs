using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Planning;

/// <summary>A request as the planning list and map show it.</summary>
public sealed record OpenRequest(
    int Id, string Number, OnSiteStatus Status, string Service, string Office, int RegionId, string ClientName, string? Phone,
    string Address, string? Directions, double? Latitude, double? Longitude, int Machines, string MachinesDescription,
    DateOnly Earliest, DateOnly Latest, Calendar.Weekdays Weekdays, string? Note, int? RoundId, DateOnly? RoundDate, TimeOnly? From, TimeOnly? To);

public sealed record Choice(string Value, string Text);

/// <summary>A round in the list: when, who, from where, how many stops.</summary>
public sealed record RoundRow(int Id, DateOnly Date, string Inspector, string Office, int Stops, int Untold);

/// <summary>The open on-site requests of my regions on a list and a map, the coming rounds, and a new day's round.</summary>
[Authorize(Policy = Policies.OnSitePlanning)]
public sealed class IndexModel(ClientDeskDb db, Rounds rounds, TimeProvider clock, IStringLocalizer<PlanningTexts> p) : PageModel
{
    public IReadOnlyList<OpenRequest> Requests { get; private set; } = [];
    public IReadOnlyList<RoundRow> Coming { get; private set; } = [];
    public IReadOnlyList<Choice> Inspectors { get; private set; } = [];
    public IReadOnlyList<Choice> Offices { get; private set; } = [];

    /// <summary>Chosen requests that do not suit the chosen date: planned only when the planner says so.</summary>
    public IReadOnlyList<string> Unsuitable { get; private set; } = [];

    [BindProperty]
    public RoundInput Plan { get; set; } = new();

    [TempData(Key = "Planning.Success")]
    public string? Success { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Plan.Date ??= Planning.Iso(Planning.Today(clock).AddDays(1));
        Plan.InspectorId ??= Inspectors.Any(i => i.Value == Me) ? Me : null;
        Plan.LocationId ??= await db.Users.Where(u => u.Id == Me).SelectMany(u => u.Locations).Select(l => (int?)l.Id)
            .Where(id => Offices.Select(o => o.Value).Contains(id.ToString())).FirstOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!DateOnly.TryParseExact(Plan.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError("Plan.Date", p["Error.Date"]);
        }

        if (Plan.InspectorId is null || Inspectors.All(i => i.Value != Plan.InspectorId))
        {
            ModelState.AddModelError("Plan.InspectorId", p["Error.Inspector"]);
        }

        if (Plan.LocationId is null || Offices.All(o => o.Value != Plan.LocationId.Value.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Plan.LocationId", p["Error.Office"]);
        }

        var proposal = ReadProposal(Plan.Start, Plan.MinutesPerMachine, Plan.TravelMinutes, Plan.WindowMinutes, "Plan");
        var chosen = Requests.Where(r => Plan.RequestIds.Contains(r.Id)).ToList();
        if (chosen.Count == 0 || chosen.Count != Plan.RequestIds.Distinct().Count())
        {
            ModelState.AddModelError("Plan.RequestIds", p["Error.NoRequests"]);
        }
        else if (Plan.LocationId is { } office && await db.Locations.Where(l => l.Id == office).Select(l => l.RegionId).SingleOrDefaultAsync(ct) is var region
            && chosen.Any(r => r.RegionId != region))
        {
            ModelState.AddModelError("Plan.RequestIds", p["Error.OtherRegion"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Unsuitable = [.. chosen.Where(r => !Suits(r, date)).Select(r => r.Number)];
        if (Unsuitable.Count > 0 && !Plan.AcceptUnsuitable)
        {
            ModelState.AddModelError("Plan.AcceptUnsuitable", p["Error.Unsuitable", string.Join(", ", Unsuitable)]);
            return Page();
        }

        var result = await rounds.CreateAsync(new NewRound(Plan.LocationId!.Value, date, Plan.InspectorId!, Plan.RequestIds, proposal!), Me, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Plan.RequestIds", p["Problem." + result.Problem, string.Join(", ", result.Numbers)]);
            await LoadAsync(ct);
            return Page();
        }

        Success = p["Done.Planned", p.Date(date)];
        return Redirect($"/staff/onsite/rounds/{result.RoundId}/plan");
    }

    public static bool Suits(OpenRequest r, DateOnly date) =>
        date >= r.Earliest && date <= r.Latest && r.Weekdays.HasFlag(Calendar.ScheduleTerms.ToWeekdays(date.DayOfWeek));

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Reads the window proposal fields; adds errors and returns null when any is out of range.</summary>
    internal WindowProposal? ReadProposal(string? start, int? perMachine, int? travel, int? window, string prefix)
    {
        var ok = true;
        if (!Planning.TryTime(start, out var startTime))
        {
            ModelState.AddModelError(prefix + ".Start", p["Error.Time"]);
            ok = false;
        }

        if (perMachine is not (>= 5 and <= 240) || travel is not (>= 0 and <= 240) || window is not (>= 15 and <= 240))
        {
            ModelState.AddModelError(prefix + ".Minutes", p["Error.Minutes"]);
            ok = false;
        }

        return ok ? new WindowProposal(startTime, perMachine!.Value, travel!.Value, window!.Value) : null;
    }

    private string Me => Queue.Workstation.Workstation.StaffId(User);

    private async Task LoadAsync(CancellationToken ct)
    {
        var regions = await rounds.RegionIdsAsync(User, ct);
        var today = Planning.Today(clock);
        var shown = new[] { OnSiteStatus.Requested, OnSiteStatus.OtherDayAsked, OnSiteStatus.Planned, OnSiteStatus.Confirmed };
        var rows = await db.OnSiteRequests.AsNoTracking()
            .Where(r => shown.Contains(r.Status) && (regions == null || regions.Contains(r.Location.RegionId)))
            .OrderBy(r => r.EarliestDate).ThenBy(r => r.Year).ThenBy(r => r.Sequence)
            .Select(r => new
            {
                r.Id, r.Year, r.Sequence, r.Status, r.Service.NameLv, r.Service.NameEn, OfficeLv = r.Location.NameLv, OfficeEn = r.Location.NameEn, r.Location.RegionId,
                r.ClientName, r.Phone, r.Address, r.Directions, r.Latitude, r.Longitude, r.Machines, r.MachinesDescription,
                r.EarliestDate, r.LatestDate, r.SuitableWeekdays, r.Note,
                RoundId = r.Stop == null ? (int?)null : r.Stop.RoundId, RoundDate = r.Stop == null ? (DateOnly?)null : r.Stop.Round.Date,
                From = r.Stop == null ? (TimeOnly?)null : r.Stop.ArriveFrom, To = r.Stop == null ? (TimeOnly?)null : r.Stop.ArriveTo,
            })
            .ToListAsync(ct);
        Requests = [.. rows.Select(r => new OpenRequest(r.Id, OnSiteRequest.FormatNumber(r.Year, r.Sequence), r.Status, Localization.Pick(r.NameLv, r.NameEn),
            Localization.Pick(r.OfficeLv, r.OfficeEn), r.RegionId, r.ClientName, r.Phone, r.Address, r.Directions, r.Latitude, r.Longitude, r.Machines,
            r.MachinesDescription, r.EarliestDate, r.LatestDate, r.SuitableWeekdays, r.Note, r.RoundId, r.RoundDate, r.From, r.To))];

        var coming = await db.InspectionRounds.AsNoTracking()
            .Where(r => r.Date >= today && (regions == null || regions.Contains(r.Location.RegionId)))
            .OrderBy(r => r.Date).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Date, r.Inspector.FirstName, r.Inspector.LastName, r.Location.NameLv, r.Location.NameEn,
                Stops = r.Stops.Count, Untold = r.Stops.Count(s => s.NotifiedAtUtc == null && s.Outcome == null),
            })
            .ToListAsync(ct);
        Coming = [.. coming.Select(r => new RoundRow(r.Id, r.Date, r.FirstName + " " + r.LastName, Localization.Pick(r.NameLv, r.NameEn), r.Stops, r.Untold))];

        var offices = await db.Locations.AsNoTracking().Where(l => l.IsActive && (regions == null || regions.Contains(l.RegionId)))
            .OrderBy(l => l.NameLv).Select(l => new { l.Id, l.NameLv, l.NameEn }).ToListAsync(ct);
        Offices = [.. offices.Select(o => new Choice(o.Id.ToString(CultureInfo.InvariantCulture), Localization.Pick(o.NameLv, o.NameEn)))];
        Inspectors = await InspectorsAsync(db, regions, ct);
    }

    /// <summary>Active staff with the Inspector role working at an office of the regions (null = all).</summary>
    internal static async Task<IReadOnlyList<Choice>> InspectorsAsync(ClientDeskDb db, IReadOnlySet<int>? regions, CancellationToken ct)
    {
        var inspectorRole = await db.Roles.Where(r => r.Name == Roles.Inspector).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == inspectorRole)
                && u.Locations.Any(l => regions == null || regions.Contains(l.RegionId)))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.PositionLv, u.PositionEn })
            .ToListAsync(ct);
        return [.. people.Select(u => new Choice(u.Id, $"{u.FirstName} {u.LastName} — {Localization.Pick(u.PositionLv, u.PositionEn)}"))];
    }
}

/// <summary>The new round form: date, inspector, office, the window proposal and the requests.</summary>
public sealed class RoundInput
{
    public string? Date { get; set; }
    public string? InspectorId { get; set; }
    public int? LocationId { get; set; }
    public string? Start { get; set; } = "9:00";
    public int? MinutesPerMachine { get; set; } = WindowProposal.Default.MinutesPerMachine;
    public int? TravelMinutes { get; set; } = WindowProposal.Default.TravelMinutes;
    public int? WindowMinutes { get; set; } = WindowProposal.Default.WindowMinutes;
    public List<int> RequestIds { get; set; } = [];
    public bool AcceptUnsuitable { get; set; }
}
