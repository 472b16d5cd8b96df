using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking.Desk;

/// <summary>
/// Moves an appointment for the client to another day or time from the times free for staff (a full time only over
/// capacity, with a reason); the client is told the new time with the reason given here.
/// </summary>
public sealed class MoveModel(
    ClientDeskDb db, StaffScope scope, Bookings bookings, CalendarStore calendars, TimeProvider clock, IOptions<BookingOptions> options, IStringLocalizer<DeskTexts> d)
    : AppointmentPage(db, scope)
{
    public const int ReasonLength = 500;

    [TempData(Key = "Desk.Success")]
    public string? Success { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool OverCapacity { get; set; }

    [BindProperty]
    public string? OverCapacityReason { get; set; }

    public DateOnly Day { get; private set; }
    public TimeChoice Choice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Date is not null && !Desk.TryParseDate(Date, out _))
        {
            ModelState.AddModelError(nameof(Date), d["Common.DateInvalid"]);
        }

        await ChoicesAsync(null, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!Desk.TryParseDate(Date, out _))
        {
            ModelState.AddModelError(nameof(Date), d["Common.DateInvalid"]);
            await ChoicesAsync(null, null, ct);
            return Page();
        }

        var times = await TimesAsync(ct);
        var (overReason, timeError, overError) = TimeChecks.Check(d, times, Start, OverCapacity, OverCapacityReason);
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), d["Move.ReasonRequired"]);
        }
        else if (reason.Length > ReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), d["Common.TooLong", d["Move.Reason"], ReasonLength]);
        }

        if (timeError is not null || overError is not null || !ModelState.IsValid)
        {
            ModelState.AddModelError("", d["Common.Fix"]);
            await ChoicesAsync(timeError, overError, ct);
            return Page();
        }

        Desk.TryParseTime(Start, out var start);
        var outcome = await bookings.MoveAsync(id, Day, start, new ChangedBy(Desk.StaffId(User), reason), null, overReason, ct);
        if (outcome is BookingOutcome.Moved moved)
        {
            Success = d["Move.Done", Appointment.Reference, Appointment.ClientName, d.Date(moved.Appointment.Date), Desk.Time(moved.Appointment.Start)];
            return Redirect(IndexModel.DayUrl(Appointment.LocationSlug, moved.Appointment.Date, id));
        }

        ModelState.AddModelError("", d.Refusal(outcome));
        await LoadAsync(id, ct);
        await ChoicesAsync(null, null, ct);
        return Page();
    }

    private async Task<IReadOnlyList<DeskTime>> TimesAsync(CancellationToken ct)
    {
        Day = Desk.TryParseDate(Date, out var day) ? day : Appointment.Date < RigaTime.Today(clock) ? RigaTime.Today(clock) : Appointment.Date;
        Date = Desk.Iso(Day);
        return await Desk.TimesAsync(
            Db, calendars, clock, options.Value, Appointment.LocationId, Appointment.ServiceId, Appointment.Machines, Day,
            Desk.StaffChannelFor(Appointment.Channel), Appointment.Id, ct) ?? [];
    }

    private async Task ChoicesAsync(string? timeError, string? overError, CancellationToken ct)
    {
        var times = await TimesAsync(ct);
        TimeOnly? chosen = Desk.TryParseTime(Start, out var start) ? start : null;
        Choice = new TimeChoice(Day, times, chosen, OverCapacity, OverCapacityReason, timeError, overError);
    }
}
