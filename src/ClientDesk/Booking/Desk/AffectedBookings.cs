using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Booking.Desk;

/// <summary>A booked appointment that the calendar as it is now no longer serves, and why.</summary>
public sealed record AffectedAppointment(
    int Id, string Reference, int LocationId, DateOnly Date, TimeOnly Start, TimeOnly End, string ClientName, string? Phone, string? Email, string Service, string Reason);

/// <summary>
/// VAL-2: appointments still booked from today on at days where, by the current calendar, the location is closed
/// (a new one-off holiday, a closure) or the appointment no longer fits an appointment window (a shortened day, a
/// changed rule). Computed from the calendar every time, so nothing has to be remembered when the calendar changes.
/// </summary>
internal static class AffectedBookings
{
    public static async Task<IReadOnlyList<AffectedAppointment>> FindAsync(
        ClientDeskDb db, CalendarStore calendars, TimeProvider clock, IStringLocalizer<DeskTexts> d, IReadOnlySet<int>? scope, CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        var ids = scope?.ToArray() ?? [];
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.Date >= today && (scope == null || ids.Contains(a.LocationId)))
            .OrderBy(a => a.Date).ThenBy(a => a.Start)
            .Select(a => new { a.Id, a.Reference, a.LocationId, a.Date, a.Start, a.End, a.ClientName, a.Phone, a.Email, a.Service.NameLv, a.Service.NameEn })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var calendar = await calendars.GetAsync(db, ct);
        var affected = new List<AffectedAppointment>();
        foreach (var a in rows)
        {
            if (Reason(calendar.Day(a.LocationId, a.Date), a.Start, a.End, d) is { } reason)
            {
                affected.Add(new AffectedAppointment(a.Id, a.Reference, a.LocationId, a.Date, a.Start, a.End, a.ClientName, a.Phone, a.Email, Localization.Pick(a.NameLv, a.NameEn), reason));
            }
        }

        return affected;
    }

    /// <summary>Why the day no longer holds the appointment, or null when it still fits an appointment window.</summary>
    public static string? Reason(LocationDay day, TimeOnly start, TimeOnly end, IStringLocalizer<DeskTexts> d)
    {
        if (!day.Open)
        {
            return day.ClosedBecause switch
            {
                ClosedBecause.Holiday when day.Holiday is { } holiday => d["Affected.Holiday", Localization.Pick(holiday.NameLv, holiday.NameEn)],
                ClosedBecause.Closure when day.Closure is { } closure => d["Affected.Closure", Localization.Pick(closure.ReasonLv, closure.ReasonEn)],
                { } because => d["Affected.Closed." + because],
                null => d["Affected.Closed.NoService"],
            };
        }

        var fits = day.Windows.Any(w => w.Kind == WindowKind.Appointment && w.Start <= start && end <= w.End);
        return fits ? null : day.Shortened ? d["Affected.Shortened"].Value : d["Affected.OutsideHours"].Value;
    }
}
