using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking.Desk;

/// <summary>The affected appointments of one location on one day, with why the day no longer holds them.</summary>
public sealed record AffectedDay(DeskLocation Location, DateOnly Date, string Reason, IReadOnlyList<AffectedAppointment> Appointments);

/// <summary>
/// VAL-2: the booked appointments a calendar change left without a place (a new holiday, a closure, a shortened
/// day), grouped by location and day, and moving several at once to another day: each to the first free time at or
/// after its own time, else the earliest free one. Each client is told through the Moved notice.
/// </summary>
public sealed class AffectedModel(
    ClientDeskDb db, StaffScope scope, Bookings bookings, CalendarStore calendars, TimeProvider clock, IOptions<BookingOptions> options, IStringLocalizer<DeskTexts> d)
    : PageModel
{
    public const int ReasonLength = 500;

    [TempData(Key = "Desk.Report")]
    public string[]? Report { get; set; }

    [TempData(Key = "Desk.Failure")]
    public string? Failure { get; set; }

    public IReadOnlyList<AffectedDay> Days { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int[]? ids, string? date, string? reason, CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        var text = reason?.Trim();
        var chosen = ids?.Distinct().ToArray() ?? [];
        if (chosen.Length == 0)
        {
            Failure = d["Bulk.NoneChosen"];
        }
        else if (!Desk.TryParseDate(date, out var target) || target < Today)
        {
            Failure = d["Bulk.DateInvalid"];
        }
        else if (string.IsNullOrEmpty(text))
        {
            Failure = d["Bulk.ReasonRequired"];
        }
        else if (text.Length > ReasonLength)
        {
            Failure = d["Common.TooLong", d["Move.Reason"], ReasonLength];
        }
        else
        {
            Report = [.. await MoveAllAsync(chosen, target, text, ct)];
        }

        return Redirect("/staff/bookings/affected");
    }

    private async Task<List<string>> MoveAllAsync(int[] ids, DateOnly target, string reason, CancellationToken ct)
    {
        var visible = await scope.LocationIdsAsync(User, ct);
        var staff = new ChangedBy(Desk.StaffId(User), reason);
        var rows = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.Date).ThenBy(a => a.Start)
            .Select(a => new { a.Id, a.Reference, a.ClientName, a.LocationId, a.ServiceId, a.Machines, a.Channel, a.Start, a.Status })
            .ToListAsync(ct);
        var report = new List<string>();
        foreach (var a in rows.Where(a => StaffScope.CanSee(visible, a.LocationId)))
        {
            if (a.Status != AppointmentStatus.Booked)
            {
                report.Add(d["Bulk.NotActive", a.Reference, a.ClientName, d.Status(a.Status)]);
                continue;
            }

            // Each move changes the day's seats, so the times are read afresh for every appointment.
            var times = await Desk.TimesAsync(db, calendars, clock, options.Value, a.LocationId, a.ServiceId, a.Machines, target, Desk.StaffChannelFor(a.Channel), a.Id, ct) ?? [];
            var free = times.Where(t => t.FreeSeats > 0).ToList();
            if ((free.FirstOrDefault(t => t.Start >= a.Start) ?? free.FirstOrDefault()) is not { } time)
            {
                report.Add(d["Bulk.NoTime", a.Reference, a.ClientName, d.Date(target)]);
                continue;
            }

            var outcome = await bookings.MoveAsync(a.Id, target, time.Start, staff, ct: ct);
            report.Add(outcome is BookingOutcome.Moved
                ? d["Bulk.Moved", a.Reference, a.ClientName, d.Date(target), Desk.Time(time.Start)]
                : d["Bulk.Failed", a.Reference, a.ClientName, d.Refusal(outcome)]);
        }

        return report;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        var visible = await scope.LocationIdsAsync(User, ct);
        var affected = await AffectedBookings.FindAsync(db, calendars, clock, d, visible, ct);
        var locations = (await Desk.LocationsAsync(db, scope, User, ct)).ToDictionary(l => l.Id);
        Days = [.. affected
            .Where(a => locations.ContainsKey(a.LocationId))
            .GroupBy(a => (a.LocationId, a.Date))
            .Select(g => new AffectedDay(locations[g.Key.LocationId], g.Key.Date, g.First().Reason, [.. g]))
            .OrderBy(g => g.Location.Name, StringComparer.CurrentCulture).ThenBy(g => g.Date)];
    }
}
