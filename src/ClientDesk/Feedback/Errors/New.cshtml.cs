using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Errors;

/// <summary>What an error record was started from, shown above the form.</summary>
public sealed record ErrorSource(int? CaseId, string? CaseNumber, int? VisitOutcomeId, string? TicketLabel);

/// <summary>
/// Records a mistake (C-7): from a case (<c>?case=2026-00042</c>: its location, linked), from a desk outcome
/// (<c>?outcome=17</c>: the visit's location, linked) or on its own.
/// </summary>
[Authorize(Policy = Policies.Cases)]
public sealed class NewModel(ClientDeskDb db, StaffScope scope, TimeProvider clock, IStringLocalizer<ErrorTexts> e) : PageModel
{
    [BindProperty]
    public ErrorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "case")]
    public string? CaseNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "outcome")]
    public int? OutcomeId { get; set; }

    public ErrorSource Source { get; private set; } = new(null, null, null, null);
    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.LocationId = SourceLocationId ?? (Locations.Count == 1 ? Locations[0].Id : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var visible = await scope.LocationIdsAsync(User, ct);
        if (await Input.ValidateAsync(ModelState, visible, db, Today, null, e, ct) is not { } dates)
        {
            return Page();
        }

        var record = new ErrorRecord
        {
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedByStaffId = ErrorRegister.StaffId(User),
            CaseId = Source.CaseId,
            VisitOutcomeId = Source.VisitOutcomeId,
            WhatWentWrong = "",
            CorrectiveAction = "",
            ResponsibleStaffId = "",
        };
        Input.ApplyTo(record, dates.DueOn, dates.ApologySentOn);
        db.ErrorRecords.Add(record);
        await db.SaveChangesAsync(ct);
        TempData[IndexModel.SuccessKey] = e["New.Saved"].Value;
        return Redirect($"/staff/errors/{record.Id}");
    }

    private int? SourceLocationId { get; set; }

    /// <summary>The member's locations, the staff to choose from, and the case or outcome it starts from — false when that is not theirs to see.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        Locations = await Desk.LocationsAsync(db, scope, User, ct);
        Staff = await ErrorRegister.ActiveStaffAsync(db, ct);
        var visible = await scope.LocationIdsAsync(User, ct);
        if (!string.IsNullOrWhiteSpace(CaseNumber))
        {
            if (!Cases.TryParseNumber(CaseNumber, out var year, out var sequence))
            {
                return false;
            }

            var found = await db.Cases.AsNoTracking().Where(c => c.Year == year && c.Sequence == sequence)
                .Select(c => new { c.Id, c.Year, c.Sequence, c.LocationId }).FirstOrDefaultAsync(ct);
            if (found is null || (found.LocationId is { } at ? !StaffScope.CanSee(visible, at) : visible is not null))
            {
                return false;
            }

            Source = new ErrorSource(found.Id, Case.FormatNumber(found.Year, found.Sequence), null, null);
            SourceLocationId = found.LocationId;
        }
        else if (OutcomeId is { } outcomeId)
        {
            var found = await db.Tickets.AsNoTracking().Where(t => t.Outcome != null && t.Outcome.Id == outcomeId)
                .Select(t => new { t.Outcome!.Id, t.LocationId, t.Letter, t.Number, t.Date }).FirstOrDefaultAsync(ct);
            if (found is null || !StaffScope.CanSee(visible, found.LocationId))
            {
                return false;
            }

            Source = new ErrorSource(null, null, found.Id, $"{found.Letter}{found.Number:000}, {e.Date(found.Date)}");
            SourceLocationId = found.LocationId;
        }

        return true;
    }
}
