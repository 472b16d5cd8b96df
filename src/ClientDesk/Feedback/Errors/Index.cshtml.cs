using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Errors;

/// <summary>One line of the register.</summary>
public sealed record ErrorRow(int Id, string What, string? LocationLv, string? LocationEn, string Responsible, DateOnly DueOn, DateTime? DoneAtUtc, string? CaseNumber)
{
    public string? Location => LocationLv is null ? null : Localization.Pick(LocationLv, LocationEn);
}

/// <summary>The error register (C-7): open records first by due date, overdue ones flagged in words; then the done ones.</summary>
[Authorize(Policy = Policies.Cases)]
public sealed class IndexModel(ClientDeskDb db, StaffScope scope, TimeProvider clock) : PageModel
{
    public const string SuccessKey = "Errors.Success";

    [TempData(Key = SuccessKey)]
    public string? Success { get; set; }

    /// <summary>open, done or all (empty).</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public IReadOnlyList<ErrorRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        Locations = await Desk.LocationsAsync(db, scope, User, ct);
        var records = await ErrorRegister.VisibleAsync(db, scope, User, ct);
        if (!string.IsNullOrEmpty(Location))
        {
            var chosen = Locations.FirstOrDefault(l => l.Slug == Location);
            if (chosen is null)
            {
                return NotFound();
            }

            records = records.Where(r => r.LocationId == chosen.Id);
        }

        records = State switch
        {
            "open" => records.Where(r => r.DoneAtUtc == null),
            "done" => records.Where(r => r.DoneAtUtc != null),
            _ => records,
        };

        var rows = (await records.AsNoTracking()
            .Select(r => new
            {
                r.Id, r.WhatWentWrong, LocationLv = r.Location == null ? null : r.Location.NameLv, LocationEn = r.Location == null ? null : r.Location.NameEn,
                Responsible = r.Responsible.FirstName + " " + r.Responsible.LastName, r.DueOn, r.DoneAtUtc,
                CaseYear = r.Case == null ? (int?)null : r.Case.Year, CaseSequence = r.Case == null ? 0 : r.Case.Sequence,
            })
            .ToListAsync(ct))
            .Select(r => new ErrorRow(r.Id, r.WhatWentWrong, r.LocationLv, r.LocationEn, r.Responsible, r.DueOn, r.DoneAtUtc,
                r.CaseYear is { } year ? Case.FormatNumber(year, r.CaseSequence) : null));
        Rows = [.. rows.OrderBy(r => r.DoneAtUtc is null ? 0 : 1).ThenBy(r => r.DoneAtUtc is null ? r.DueOn : DateOnly.MaxValue)
            .ThenByDescending(r => r.DoneAtUtc).ThenBy(r => r.Id)];
        return Page();
    }
}
