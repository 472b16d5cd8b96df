using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Officer;

/// <summary>One case as the dashboard lists it.</summary>
public sealed record CaseRow(
    string Number, CaseKind Kind, CaseChannel Channel, CaseStatus Status, DateTime ReceivedAtUtc, bool IsInformationOnly,
    string Subject, string? Officer, string? Location, EscalationLevel EscalatedTo, bool Extended, Deadline Deadline)
{
    public bool Unassigned => Officer is null;
}

/// <summary>
/// The case officer's dashboard (K-5): the cases the member may see (<see cref="CaseAccess"/>), open ones by deadline,
/// overdue ones marked in words as well as colour, filters by location, type, officer and status, and the counts on top.
/// </summary>
[Authorize(Policy = Policies.Cases)]
public sealed class IndexModel(ClientDeskDb db, CaseAccess access, TimeProvider clock) : PageModel
{
    public const string Mine = "mine";
    public const string Unassigned = "unassigned";
    public static readonly string[] Statuses = ["open", "answered", "closed", "forwarded", "all"];

    [TempData(Key = "Case.Success")]
    public string? Success { get; set; }

    public DateOnly Today { get; private set; }
    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];
    public int OpenCount { get; private set; }
    public int OverdueCount { get; private set; }
    public int DueThisWeekCount { get; private set; }
    public IReadOnlyList<(int Id, string Name)> Locations { get; private set; } = [];
    public IReadOnlyList<StaffChoice> Officers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A filter value that does not bind (an old link) is dropped rather than shown as an error.
        ModelState.Clear();
        Status = Statuses.Contains(Status) ? Status : "open";
        Today = RigaTime.Today(clock);
        var calendar = await CalendarSource.LoadAsync(db, ct);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var visible = await access.CasesAsync(User, ct);

        var open = await visible.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress)
            .Select(c => c.ExtendedAnswerBy ?? c.AnswerBy)
            .ToListAsync(ct);
        var weekEnd = Today.AddDays((7 - (int)Today.DayOfWeek) % 7);
        OpenCount = open.Count;
        OverdueCount = open.Count(d => d < Today);
        DueThisWeekCount = open.Count(d => d >= Today && d <= weekEnd);

        var query = visible.AsNoTracking();
        query = Status switch
        {
            "answered" => query.Where(c => c.Status == CaseStatus.Answered),
            "closed" => query.Where(c => c.Status == CaseStatus.Closed),
            "forwarded" => query.Where(c => c.Status == CaseStatus.Forwarded),
            "all" => query,
            _ => query.Where(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress),
        };
        if (Location is { } locationId)
        {
            query = query.Where(c => c.LocationId == locationId);
        }

        if (Kind is { } kind && Enum.IsDefined(kind))
        {
            query = query.Where(c => c.Kind == kind);
        }

        query = Officer switch
        {
            null or "" => query,
            Mine => query.Where(c => c.AssignedOfficerId == me),
            Unassigned => query.Where(c => c.AssignedOfficerId == null),
            var id => query.Where(c => c.AssignedOfficerId == id),
        };

        var rows = await query
            .Select(c => new
            {
                c.Year, c.Sequence, c.Kind, c.Channel, c.Status, c.ReceivedAtUtc, c.IsInformationOnly, c.Subject,
                Officer = c.AssignedOfficer == null ? null : c.AssignedOfficer.FirstName + " " + c.AssignedOfficer.LastName,
                LocationLv = c.Location == null ? null : c.Location.NameLv,
                LocationEn = c.Location == null ? null : c.Location.NameEn,
                c.EscalatedTo, c.AnswerBy, c.ExtendedAnswerBy,
            })
            .ToListAsync(ct);
        Rows = [.. rows
            .Select(c =>
            {
                var isOpen = c.Status is CaseStatus.Registered or CaseStatus.Assigned or CaseStatus.InProgress;
                return new CaseRow(
                    Case.FormatNumber(c.Year, c.Sequence), c.Kind, c.Channel, c.Status, c.ReceivedAtUtc, c.IsInformationOnly, c.Subject, c.Officer,
                    c.LocationLv is null ? null : Localization.Pick(c.LocationLv, c.LocationEn), c.EscalatedTo, c.ExtendedAnswerBy is not null,
                    Deadline.For(c.ExtendedAnswerBy ?? c.AnswerBy, isOpen, Today, calendar));
            })
            // By deadline; the cases that owe no answer after those that do, newest first among themselves.
            .OrderBy(r => r.Deadline.DueOn is null)
            .ThenBy(r => r.Deadline.DueOn)
            .ThenByDescending(r => r.ReceivedAtUtc)];

        var locations = await db.Locations.AsNoTracking().Where(l => l.IsActive).Select(l => new { l.Id, l.NameLv, l.NameEn }).ToListAsync(ct);
        var seen = await visible.AsNoTracking().Where(c => c.LocationId != null).Select(c => c.LocationId!.Value).Distinct().ToListAsync(ct);
        var mine = await db.Users.AsNoTracking().Where(u => u.Id == me).SelectMany(u => u.Locations).Select(l => l.Id).ToListAsync(ct);
        Locations = [.. locations
            .Where(l => User.IsInRole(Roles.Director) || mine.Contains(l.Id) || seen.Contains(l.Id))
            .Select(l => (l.Id, Localization.Pick(l.NameLv, l.NameEn)))
            .OrderBy(l => l.Item2, StringComparer.CurrentCulture)];
        Officers = await Officials.CaseOfficersAsync(db, ct);
        return Page();
    }
}
