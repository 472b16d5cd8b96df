using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Workstation;

/// <summary>A ticket in the waiting list as the desk sees it; <see cref="NotMine"/> says why this member cannot call it (C-2).</summary>
public sealed record WaitingTicket(int Id, string Code, string Service, DateTime QueuedSinceUtc, int WaitingMinutes, DateTime? DueAtUtc,
    string? TransferredTo, string? NotMine);

/// <summary>The client called to or served at this member's desk.</summary>
public sealed record CurrentClient(int Id, string Code, string Service, string? ClientName, string? AppointmentReference, TicketStatus Status,
    DateTime? CalledAtUtc, int CallCount);

/// <summary>A choice in a select: value and text.</summary>
public sealed record Option(string Value, string Text);

/// <summary>
/// The desk workstation (issue 5, C-2, C-4, C-6, K-2): choose a desk at one of my locations, see today's waiting list,
/// call next or a particular client, and end each visit with its outcome. Issue a ticket for a client at the desk and
/// check an appointment in. Every action goes through <see cref="QueueDesk"/> and <see cref="Tickets"/>.
/// </summary>
[Authorize(Policy = Policies.QueueDesk)]
public sealed class IndexModel(ClientDeskDb db, StaffScope scope, QueueDesk desk, Tickets tickets, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<QueueOptions> options, IStringLocalizer<WorkstationTexts> w)
    : PageModel
{
    [TempData(Key = "Queue.Success")]
    public string? Success { get; set; }

    [TempData(Key = "Queue.Failure")]
    public string? Failure { get; set; }

    /// <summary>The outcome just recorded whose notice or slip the client gets (refused, referred).</summary>
    [TempData(Key = "Queue.NoticeId")]
    public int? NoticeId { get; set; }

    /// <summary>The visit just completed, whose survey the client may answer on the tablet at the desk (K-4).</summary>
    [TempData(Key = "Queue.SurveyTicketId")]
    public int? SurveyTicketId { get; set; }

    /// <summary>The outcome just recorded, so that a mistake admitted at the desk goes straight to the error register (C-7).</summary>
    [TempData(Key = "Queue.OutcomeId")]
    public int? OutcomeId { get; set; }

    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public DeskLocation? Location { get; private set; }
    public Desk? MyDesk { get; private set; }
    public IReadOnlyList<(int Id, int Number, string Note, string? TakenBy)> Desks { get; private set; } = [];
    public IReadOnlyList<WaitingTicket> Waiting { get; private set; } = [];
    public IReadOnlyList<WaitingTicket> Parked { get; private set; } = [];
    public CurrentClient? Current { get; private set; }
    public IReadOnlyList<Option> Services { get; private set; } = [];
    public IReadOnlyList<Option> TransferTargets { get; private set; } = [];
    public OutcomeChoices OutcomeChoices { get; private set; } = OutcomeChoices.None;

    [BindProperty]
    public FinishInput Finish { get; set; } = new();

    [BindProperty]
    public IssueInput Issue { get; set; } = new();

    [BindProperty]
    public string? Reference { get; set; }

    /// <summary>Messages for the finish form's fields, by field name.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public string Slug => Location?.Slug ?? "";

    public async Task<IActionResult> OnGetAsync(string? location, CancellationToken ct) =>
        await LoadAsync(location, ct) ? Page() : NotFound();

    /// <summary>The waiting list alone, re-read when the location's events say something changed (and every 20 s).</summary>
    public async Task<IActionResult> OnGetWaitingAsync(string? location, CancellationToken ct) =>
        await LoadAsync(location, ct) ? Partial("_Waiting", this) : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(string? location, int deskId, CancellationToken ct)
    {
        var deskLocation = await db.Desks.AsNoTracking().Where(d => d.Id == deskId && d.IsActive).Select(d => (int?)d.LocationId).SingleOrDefaultAsync(ct);
        if (deskLocation is not { } locationId || !await scope.CanSeeAsync(User, locationId, ct))
        {
            return NotFound();
        }

        var result = await desk.OpenDeskAsync(deskId, Me, ct);
        if (result.Problem == DeskProblem.DeskTaken)
        {
            var takenBy = await db.Desks.AsNoTracking().Where(d => d.Id == deskId && d.StaffMember != null)
                .Select(d => d.StaffMember!.FirstName + " " + d.StaffMember.LastName).FirstOrDefaultAsync(ct);
            Failure = takenBy is null ? w.Problem(DeskProblem.DeskTaken) : w["Problem.DeskTakenBy", takenBy];
        }
        else
        {
            Report(result, w["Done.Opened"]);
        }

        return Back(await SlugOfAsync(locationId, ct));
    }

    public async Task<IActionResult> OnPostLeaveAsync(string? location, CancellationToken ct)
    {
        Report(await desk.LeaveDeskAsync(Me, ct), w["Done.Left"]);
        return Back(location);
    }

    public async Task<IActionResult> OnPostCallNextAsync(string? location, CancellationToken ct)
    {
        var result = await desk.CallNextAsync(Me, ct);
        Report(result, result.Ticket is { } t ? w["Done.Called", t.Code] : "");
        return Back(location);
    }

    public async Task<IActionResult> OnPostCallAsync(string? location, int ticketId, CancellationToken ct)
    {
        var result = await desk.CallAsync(Me, ticketId, ct);
        Report(result, result.Ticket is { } t ? w["Done.Called", t.Code] : "");
        return Back(location);
    }

    public async Task<IActionResult> OnPostRecallAsync(string? location, int ticketId, CancellationToken ct)
    {
        var result = await desk.RecallAsync(Me, ticketId, ct);
        Report(result, result.Ticket is { } t ? w["Done.Recalled", t.Code] : "");
        return Back(location);
    }

    public async Task<IActionResult> OnPostNoShowAsync(string? location, int ticketId, CancellationToken ct)
    {
        var result = await desk.NoShowAsync(Me, ticketId, ct);
        Report(result, result.Ticket is { } t ? w["Done.NoShow", t.Code] : "");
        return Back(location);
    }

    public async Task<IActionResult> OnPostStartAsync(string? location, int ticketId, CancellationToken ct)
    {
        var result = await desk.StartAsync(Me, ticketId, ct);
        Report(result, result.Ticket is { } t ? w["Done.Started", t.Code] : "");
        return Back(location);
    }

    public async Task<IActionResult> OnPostParkAsync(string? location, int ticketId, CancellationToken ct)
    {
        var result = await desk.ParkAsync(Me, ticketId, ct);
        Report(result, result.Ticket is { } t ? w["Done.Parked", t.Code] : "");
        return Back(location);
    }

    /// <summary>The target is "service:5", "desk:3" or "staff:{id}" from one select.</summary>
    public async Task<IActionResult> OnPostTransferAsync(string? location, int ticketId, string? target, CancellationToken ct)
    {
        var parts = (target ?? "").Split(':', 2);
        TransferTarget? to = parts switch
        {
            ["service", var id] when int.TryParse(id, out var service) => new TransferTarget(ServiceId: service),
            ["desk", var id] when int.TryParse(id, out var deskId) => new TransferTarget(DeskId: deskId),
            ["staff", { Length: > 0 and <= 450 } id] => new TransferTarget(StaffMemberId: id),
            _ => null,
        };
        if (to is null)
        {
            Failure = w["Problem.ChooseTransfer"];
            return Back(location);
        }

        var result = await desk.TransferAsync(Me, ticketId, to, ct);
        Report(result, result.Ticket is { } t ? w["Done.Transferred", t.Code] : "");
        return Back(location);
    }

    /// <summary>Ends the visit with its outcome. What the member can fix comes back on the form with what they typed.</summary>
    public async Task<IActionResult> OnPostFinishAsync(string? location, int ticketId, CancellationToken ct)
    {
        var input = Finish.Check(w, (field, message) => Errors[field] = message);
        if (input is not null)
        {
            var result = await desk.FinishAsync(Me, ticketId, input, ct);
            if (result.Succeeded)
            {
                Success = w["Done.Finished", result.Ticket!.Code, w.Outcome(input.Kind)];
                if (input.Kind is OutcomeKind.Refused or OutcomeKind.Referred)
                {
                    NoticeId = result.Ticket.Outcome?.Id;
                }

                OutcomeId = result.Ticket.Outcome?.Id;
                SurveyTicketId = input.Kind == OutcomeKind.Completed ? result.Ticket.Id : null;

                return Back(location);
            }

            Errors[FinishInput.FieldOf(result.Problem!.Value)] = w.Problem(result.Problem!.Value);
        }

        if (!await LoadAsync(location, ct))
        {
            return NotFound();
        }

        Failure = null;
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(string? location, CancellationToken ct)
    {
        if (!await LoadAsync(location, ct))
        {
            return NotFound();
        }

        if (Issue.ServiceId is not { } serviceId)
        {
            Errors["Issue.ServiceId"] = w["Issue.ChooseService"];
        }

        CheckLength("Issue.ClientName", Issue.ClientName, 200);
        CheckLength("Issue.Phone", Issue.Phone, 30);
        CheckLength("Issue.Email", Issue.Email, 200);
        if (!string.IsNullOrWhiteSpace(Issue.Phone) && !System.Text.RegularExpressions.Regex.IsMatch(Issue.Phone.Trim(), Administration.AdminSupport.PhonePattern))
        {
            Errors["Issue.Phone"] = w["Issue.BadPhone"];
        }

        if (!string.IsNullOrWhiteSpace(Issue.Email) && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Issue.Email.Trim()))
        {
            Errors["Issue.Email"] = w["Issue.BadEmail"];
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var outcome = await tickets.IssueAsync(new TicketRequest(Location!.Id, Issue.ServiceId!.Value, TicketSource.Staff,
            Localization.IsEnglish ? "en" : "lv", Issue.ClientName, Issue.Phone, Issue.Email), ct);
        switch (outcome)
        {
            case IssueOutcome.Issued issued:
                Success = w["Issue.Done", issued.Ticket.Code];
                return Back(Slug);
            case IssueOutcome.NotWalkInTime later:
                Errors["Issue"] = later.NextWalkIn is { } next
                    ? w["Issue.NotWalkInTimeNext", RigaTime.ToLocal(next.UtcDateTime).ToString("d.M. H:mm", System.Globalization.CultureInfo.InvariantCulture)]
                    : w["Issue.NotWalkInTime"];
                break;
            case IssueOutcome.AlreadyQueued queued:
                Errors["Issue"] = w["Issue.AlreadyQueued", queued.Code];
                break;
            case IssueOutcome.NumbersExhausted:
                Errors["Issue"] = w["Issue.NumbersExhausted"];
                break;
            default:
                Errors["Issue.ServiceId"] = w["Issue.NotServedHere"];
                break;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(string? location, CancellationToken ct)
    {
        if (!await LoadAsync(location, ct))
        {
            return NotFound();
        }

        var reference = (Reference ?? "").Trim();
        if (reference.Length is 0 or > 40)
        {
            Errors["Reference"] = w["CheckIn.Required"];
            return Page();
        }

        switch (await tickets.CheckInAsync(Location!.Id, reference, Me, ct))
        {
            case CheckInOutcome.CheckedIn done:
                Success = w["CheckIn.Done", done.Ticket.Code];
                return Back(Slug);
            case CheckInOutcome.AlreadyCheckedIn already:
                Success = w["CheckIn.Already", already.Ticket.Code];
                return Back(Slug);
            case CheckInOutcome.TooEarly early:
                Errors["Reference"] = w["CheckIn.TooEarly", RigaTime.ToLocal(early.OpensAt.UtcDateTime).ToString("H:mm", System.Globalization.CultureInfo.InvariantCulture)];
                break;
            default:
                Errors["Reference"] = w["CheckIn.NotFound", reference];
                break;
        }

        return Page();
    }

    private string Me => Workstation.StaffId(User);

    private void CheckLength(string field, string? text, int max)
    {
        if (text is not null && text.Trim().Length > max)
        {
            Errors[field] = w["Validation.TooLong", max];
        }
    }

    private void Report(DeskResult result, string success)
    {
        if (result.Succeeded)
        {
            Success = success;
        }
        else
        {
            Failure = w.Problem(result.Problem!.Value);
        }
    }

    private RedirectResult Back(string? location) =>
        Redirect(string.IsNullOrEmpty(location) ? "/staff/queue" : $"/staff/queue?location={Uri.EscapeDataString(location)}");

    private Task<string?> SlugOfAsync(int locationId, CancellationToken ct) =>
        db.Locations.AsNoTracking().Where(l => l.Id == locationId).Select(l => l.Slug).SingleOrDefaultAsync(ct);

    /// <summary>
    /// Reads what the page shows. The location is the open desk's, else the one asked for, else the first of mine; one
    /// outside my locations is not found.
    /// </summary>
    private async Task<bool> LoadAsync(string? location, CancellationToken ct)
    {
        var me = Me;
        Locations = await Booking.Desk.Desk.LocationsAsync(db, scope, User, ct);
        MyDesk = await desk.CurrentDeskAsync(me, ct);
        if (MyDesk is not null && string.IsNullOrEmpty(location))
        {
            location = MyDesk.Location.Slug;
        }

        if (Locations.Count == 0)
        {
            return string.IsNullOrEmpty(location);
        }

        Location = string.IsNullOrEmpty(location) ? Locations[0] : Locations.FirstOrDefault(l => l.Slug == location);
        if (Location is null)
        {
            return false;
        }

        var locationId = Location.Id;
        var today = RigaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var dueBy = now + options.Value.AppointmentCallAhead;

        var desks = await db.Desks.AsNoTracking().Where(d => d.LocationId == locationId && d.IsActive).OrderBy(d => d.Number)
            .Select(d => new { d.Id, d.Number, d.NoteLv, d.NoteEn, d.StaffMemberId, Name = d.StaffMember == null ? null : d.StaffMember.FirstName + " " + d.StaffMember.LastName })
            .ToListAsync(ct);
        Desks = [.. desks.Select(d => (d.Id, d.Number, Localization.Pick(d.NoteLv, d.NoteEn), d.StaffMemberId == me ? null : d.Name))];

        var competent = (await db.Users.AsNoTracking().Where(u => u.Id == me).SelectMany(u => u.Competences.Select(c => c.Id)).ToListAsync(ct)).ToHashSet();
        var names = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName, u.PositionLv, u.PositionEn, Here = u.Locations.Any(l => l.Id == locationId) })
            .ToListAsync(ct);
        var nameOf = names.ToDictionary(n => n.Id, n => n.Name);
        var deskNumbers = desks.ToDictionary(d => d.Id, d => d.Number);

        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.Date == today
                && (t.Status == TicketStatus.Waiting || (t.Status == TicketStatus.Parked && t.ParkedByStaffId == me)
                    || (t.StaffMemberId == me && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))))
            .Select(t => new
            {
                t.Id, t.Letter, t.Number, t.ServiceId, t.Service.NameLv, t.Service.NameEn, t.QueuedSinceUtc, t.DueAtUtc, t.Status,
                t.TransferredToStaffId, t.TransferredToDeskId, t.ClientName, Reference = t.Appointment == null ? null : t.Appointment.Reference,
                t.CalledAtUtc, t.CallCount,
            })
            .ToListAsync(ct);

        string? Transfer(string? staff, int? deskId) =>
            staff is not null ? w["Waiting.ToColleague", nameOf.GetValueOrDefault(staff, "?")].Value
            : deskId is { } d ? w["Waiting.ToDesk", deskNumbers.GetValueOrDefault(d)].Value
            : null;

        string? NotMine(string? staff, int? deskId, int serviceId) =>
            staff is not null ? (staff == me ? null : w["Waiting.NotMineTransferred"].Value)
            : deskId is not null ? (deskId == MyDesk?.Id ? null : w["Waiting.NotMineTransferred"].Value)
            : competent.Contains(serviceId) ? null : w["Waiting.NotCompetent"].Value;

        Waiting = [.. rows.Where(t => t.Status == TicketStatus.Waiting)
            .OrderBy(t => t.DueAtUtc is { } due ? (due <= dueBy ? 0 : 2) : 1)
            .ThenBy(t => t.DueAtUtc ?? t.QueuedSinceUtc).ThenBy(t => t.Id)
            .Select(t => new WaitingTicket(t.Id, $"{t.Letter}{t.Number:000}", Localization.Pick(t.NameLv, t.NameEn), t.QueuedSinceUtc,
                Math.Max(0, (int)(now - t.QueuedSinceUtc).TotalMinutes), t.DueAtUtc, Transfer(t.TransferredToStaffId, t.TransferredToDeskId),
                NotMine(t.TransferredToStaffId, t.TransferredToDeskId, t.ServiceId)))];
        Parked = [.. rows.Where(t => t.Status == TicketStatus.Parked).OrderBy(t => t.QueuedSinceUtc)
            .Select(t => new WaitingTicket(t.Id, $"{t.Letter}{t.Number:000}", Localization.Pick(t.NameLv, t.NameEn), t.QueuedSinceUtc,
                Math.Max(0, (int)(now - t.QueuedSinceUtc).TotalMinutes), t.DueAtUtc, null, null))];
        Current = rows.Where(t => t.Status is TicketStatus.Called or TicketStatus.Serving)
            .Select(t => new CurrentClient(t.Id, $"{t.Letter}{t.Number:000}", Localization.Pick(t.NameLv, t.NameEn), t.ClientName, t.Reference, t.Status, t.CalledAtUtc, t.CallCount))
            .FirstOrDefault();

        var services = await db.Services.AsNoTracking().Where(s => s.IsActive && s.Locations.Any(l => l.Id == locationId))
            .OrderBy(s => s.Code).Select(s => new { s.Id, s.NameLv, s.NameEn }).ToListAsync(ct);
        Services = [.. services.Select(s => new Option(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Localization.Pick(s.NameLv, s.NameEn)))];

        if (Current is not null)
        {
            TransferTargets =
            [
                .. services.Select(s => new Option($"service:{s.Id}", w["Transfer.Service", Localization.Pick(s.NameLv, s.NameEn)])),
                .. desks.Where(d => d.StaffMemberId is not null && d.StaffMemberId != me).Select(d => new Option($"desk:{d.Id}", w["Transfer.Desk", d.Number, d.Name ?? ""])),
                .. names.Where(n => n.Here && n.Id != me).OrderBy(n => n.Name).Select(n => new Option($"staff:{n.Id}", w["Transfer.Colleague", n.Name, Localization.Pick(n.PositionLv, n.PositionEn)])),
            ];
            OutcomeChoices = await OutcomeChoices.LoadAsync(db, [.. names.Where(n => n.Id != me).OrderBy(n => n.Name, StringComparer.CurrentCulture)
                .Select(n => new Option(n.Id, $"{n.Name} — {Localization.Pick(n.PositionLv, n.PositionEn)}"))], ct);
        }

        return true;
    }
}


/// <summary>A ticket issued by staff for a client at the desk: the service, and a name and contact if the client wants.</summary>
public sealed class IssueInput
{
    public int? ServiceId { get; set; }
    public string? ClientName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}
