using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Errors;

/// <summary>
/// One error record: its facts and links, the form to correct them while it is open, and "done" with a note.
/// Both forms carry the record's version: a change saved by someone else meanwhile is reported, never overwritten.
/// </summary>
[Authorize(Policy = Policies.Cases)]
public sealed class EditModel(ClientDeskDb db, StaffScope scope, TimeProvider clock, IStringLocalizer<ErrorTexts> e, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public ErrorInput Input { get; set; } = new();

    [BindProperty]
    public string? DoneNote { get; set; }

    [TempData(Key = IndexModel.SuccessKey)]
    public string? Success { get; set; }

    public ErrorRecord Record { get; private set; } = null!;
    public string? CaseNumber { get; private set; }
    public string? TicketLabel { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = ErrorInput.From(Record);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Record.DoneAtUtc is not null)
        {
            ModelState.AddModelError("", e["Edit.AlreadyDone"]);
            return Page();
        }

        var visible = await scope.LocationIdsAsync(User, ct);
        if (await Input.ValidateAsync(ModelState, visible, db, Today, Record.DueOn, e, ct) is not { } dates)
        {
            return Page();
        }

        Input.ApplyTo(Record, dates.DueOn, dates.ApologySentOn);
        return await SaveAsync(Input.Version, e["Edit.Saved"], ct);
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var postedVersion = Input.Version;
        Input = ErrorInput.From(Record);
        var note = DoneNote?.Trim();
        if (Record.DoneAtUtc is not null)
        {
            ModelState.AddModelError("", e["Edit.AlreadyDone"]);
        }
        else if (string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError(nameof(DoneNote), e["Done.NoteRequired"]);
        }
        else if (note.Length > ErrorInput.DoneNoteLength)
        {
            ModelState.AddModelError(nameof(DoneNote), e["Form.TooLong", e["Done.Note"], ErrorInput.DoneNoteLength]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Record.MarkDone(note!, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(postedVersion, e["Done.Saved"], ct);
    }

    private async Task<IActionResult> SaveAsync(Guid postedVersion, string message, CancellationToken ct)
    {
        db.Entry(Record).Property(r => r.Version).OriginalValue = postedVersion;
        Record.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["ConcurrencyFailure"]);
            db.ChangeTracker.Clear();
            await LoadAsync(Record.Id, ct);
            return Page();
        }

        Success = message;
        return Redirect($"/staff/errors/{Record.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        var records = await ErrorRegister.VisibleAsync(db, scope, User, ct);
        var record = await records.Include(r => r.Location).Include(r => r.Responsible).Include(r => r.RecordedBy)
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return false;
        }

        Record = record;
        RecordedBy = record.RecordedBy.FullName;
        CaseNumber = record.CaseId is { } caseId
            ? await db.Cases.Where(c => c.Id == caseId).Select(c => Case.FormatNumber(c.Year, c.Sequence)).FirstOrDefaultAsync(ct)
            : null;
        TicketLabel = record.VisitOutcomeId is { } outcomeId
            ? (await db.Tickets.AsNoTracking().Where(x => x.Outcome != null && x.Outcome.Id == outcomeId)
                .Select(x => new { x.Letter, x.Number, x.Date }).FirstOrDefaultAsync(ct)) is { } ticket
                ? $"{ticket.Letter}{ticket.Number:000}, {e.Date(ticket.Date)}" : null
            : null;
        Locations = await Desk.LocationsAsync(db, scope, User, ct);
        Staff = await ErrorRegister.ActiveStaffAsync(db, ct);
        return true;
    }
}
