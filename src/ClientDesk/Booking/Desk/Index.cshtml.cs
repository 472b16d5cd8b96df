using System.Globalization;
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

/// <summary>An appointment as the desk reads it.</summary>
public sealed record DeskAppointment(
    int Id, string Reference, DateOnly Date, TimeOnly Start, TimeOnly End, string ClientName, string? Phone, string? Email,
    string Service, int Machines, BookingChannels Channel, string? BookedBy, string? Note, string? OverCapacityReason,
    AppointmentStatus Status, string? CancelReason);

/// <summary>The day's capacity in one hour of appointment windows: places (an interval at one desk) free of all.</summary>
public sealed record HourCapacity(TimeOnly From, TimeOnly To, int Free, int Total);

/// <summary>
/// The day view of a location (S-6): every appointment of the day in time order, the day's free places per hour,
/// search over the location's recent and coming appointments, and marking a client arrived or not come.
/// </summary>
public sealed class IndexModel(
    ClientDeskDb db, StaffScope scope, Bookings bookings, CalendarStore calendars, TimeProvider clock, IOptions<BookingOptions> options, IStringLocalizer<DeskTexts> d)
    : PageModel
{
    private const int SearchDaysBack = 30;

    [TempData(Key = "Desk.Success")]
    public string? Success { get; set; }

    [TempData(Key = "Desk.Failure")]
    public string? Failure { get; set; }

    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public DeskLocation? Location { get; private set; }
    public DateOnly Date { get; private set; }
    public DateOnly Today { get; private set; }
    public LocationDay? Day { get; private set; }
    public int IntervalMinutes { get; private set; }
    public int Seats { get; private set; }
    public IReadOnlyList<DeskAppointment> Appointments { get; private set; } = [];
    public IReadOnlyList<HourCapacity> Capacity { get; private set; } = [];
    public string? Query { get; private set; }
    public IReadOnlyList<DeskAppointment>? Found { get; private set; }
    public int AffectedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? location, string? date, string? q, CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        Locations = await Desk.LocationsAsync(db, scope, User, ct);
        if (Locations.Count == 0)
        {
            return Page();
        }

        Location = string.IsNullOrEmpty(location) ? Locations[0] : Locations.FirstOrDefault(l => l.Slug == location);
        if (Location is null)
        {
            return NotFound();
        }

        Date = Desk.TryParseDate(date, out var chosen) ? chosen : Today;
        var settings = await db.Locations.AsNoTracking().Where(l => l.Id == Location.Id)
            .Select(l => new { l.BookingIntervalMinutes, l.BookingSeats }).SingleAsync(ct);
        (IntervalMinutes, Seats) = (settings.BookingIntervalMinutes, settings.BookingSeats);

        var calendar = await calendars.GetAsync(db, ct);
        Day = calendar.Day(Location.Id, Date);
        Appointments = await AppointmentsAsync(a => a.LocationId == Location.Id && a.Date == Date, ct);
        Capacity = await CapacityAsync(Day, ct);

        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        if (Query is not null)
        {
            var (from, to) = (Today.AddDays(-SearchDaysBack), Today.AddDays(options.Value.HorizonDays + 1));
            var candidates = await AppointmentsAsync(a => a.LocationId == Location.Id && a.Date >= from && a.Date <= to, ct);
            Found = [.. candidates.Where(a => Matches(a, Query))];
        }

        AffectedCount = (await AffectedBookings.FindAsync(db, calendars, clock, d, new HashSet<int> { Location.Id }, ct)).Count;
        return Page();
    }

    /// <summary>Marks a client arrived or not come, or takes the mark back (status Booked).</summary>
    public async Task<IActionResult> OnPostMarkAsync(int id, string? status, CancellationToken ct)
    {
        var appointment = await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.LocationId, a.Location.Slug, a.Date, a.Reference, a.ClientName }).FirstOrDefaultAsync(ct);
        if (appointment is null || !await scope.CanSeeAsync(User, appointment.LocationId, ct))
        {
            return NotFound();
        }

        var back = DayUrl(appointment.Slug, appointment.Date, id);
        if (!Enum.TryParse<AppointmentStatus>(status, out var mark) || mark == AppointmentStatus.Cancelled || !Enum.IsDefined(mark))
        {
            Failure = d["Mark.Unknown"];
            return Redirect(back);
        }

        if (mark != AppointmentStatus.Booked && appointment.Date > RigaTime.Today(clock))
        {
            Failure = d["Mark.NotYet", appointment.Reference];
            return Redirect(back);
        }

        if (await bookings.MarkAsync(id, mark, Desk.StaffId(User), ct))
        {
            Success = d["Mark.Done." + mark, appointment.Reference, appointment.ClientName];
        }
        else
        {
            Failure = d["Mark.Failed", appointment.Reference];
        }

        return Redirect(back);
    }

    public string DayUrl(DateOnly date) => DayUrl(Location!.Slug, date, null);

    public static string DayUrl(string slug, DateOnly date, int? appointmentId) =>
        $"/staff/bookings?location={Uri.EscapeDataString(slug)}&date={Desk.Iso(date)}" + (appointmentId is { } id ? $"#a-{id}" : "");

    private async Task<IReadOnlyList<DeskAppointment>> AppointmentsAsync(System.Linq.Expressions.Expression<Func<Appointment, bool>> where, CancellationToken ct)
    {
        var rows = await db.Appointments.AsNoTracking().Where(where)
            .OrderBy(a => a.Date).ThenBy(a => a.Start).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Reference, a.Date, a.Start, a.End, a.ClientName, a.Phone, a.Email, a.Service.NameLv, a.Service.NameEn, a.Machines,
                a.Channel, a.BookedByStaffId, a.Note, a.OverCapacityReason, a.Status, a.CancelReason,
            })
            .ToListAsync(ct);
        var names = await Desk.StaffNamesAsync(db, rows.Select(r => r.BookedByStaffId), ct);
        return [.. rows.Select(a => new DeskAppointment(
            a.Id, a.Reference, a.Date, a.Start, a.End, a.ClientName, a.Phone, a.Email, Localization.Pick(a.NameLv, a.NameEn), a.Machines, a.Channel,
            a.BookedByStaffId is { } staff ? names.GetValueOrDefault(staff, staff) : null, a.Note, a.OverCapacityReason, a.Status, a.CancelReason))];
    }

    /// <summary>Free places per hour of the day's appointment windows: each interval at each seat is one place.</summary>
    private async Task<IReadOnlyList<HourCapacity>> CapacityAsync(LocationDay day, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Seats.AsNoTracking()
            .Where(s => s.LocationId == Location!.Id && s.Date == Date && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now))
            .GroupBy(s => s.Start).Select(g => new { Start = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Start, g => g.Count, ct);
        var interval = TimeSpan.FromMinutes(IntervalMinutes);
        var hours = new List<HourCapacity>();
        foreach (var window in day.Windows.Where(w => w.Kind == WindowKind.Appointment))
        {
            for (var start = window.Start; start < window.End && start >= window.Start;)
            {
                var hourEnd = new TimeOnly(start.Hour, 0).AddHours(1);
                var to = hourEnd < window.End && hourEnd > start ? hourEnd : window.End;
                var (free, total) = (0, 0);
                for (var unit = start; unit.Add(interval) <= to && unit >= start; unit = unit.Add(interval))
                {
                    total += Seats;
                    free += Math.Max(0, Seats - taken.GetValueOrDefault(unit));
                }

                if (total > 0)
                {
                    hours.Add(new HourCapacity(start, to, free, total));
                }

                if (to <= start)
                {
                    break;
                }

                start = to;
            }
        }

        return hours;
    }

    /// <summary>By reference, by name (case and accents ignored: "berzins" finds Bērziņš) or by phone digits.</summary>
    private static bool Matches(DeskAppointment a, string query)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        if (a.Reference.Contains(query.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            || compare.IndexOf(a.ClientName, query, loose) >= 0
            || (a.Email is { } email && email.Contains(query, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var digits = new string([.. query.Where(char.IsAsciiDigit)]);
        return digits.Length >= 3 && a.Phone is { } phone && phone.Contains(digits.StartsWith("371", StringComparison.Ordinal) && digits.Length > 8 ? digits[3..] : digits, StringComparison.Ordinal);
    }
}
