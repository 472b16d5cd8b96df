using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Booking.Desk;

/// <summary>The appointment a move or cancel page works on, as the member sees it at the top of the page.</summary>
public sealed record AppointmentSummary(
    int Id, string Reference, int LocationId, string LocationSlug, string Location, int ServiceId, string Service, int Machines,
    BookingChannels Channel, DateOnly Date, TimeOnly Start, TimeOnly End, string ClientName, string? Phone, string? Email, AppointmentStatus Status);

/// <summary>What the move and cancel pages share: the appointment, found only inside the member's locations.</summary>
public abstract class AppointmentPage(ClientDeskDb db, StaffScope scope) : PageModel
{
    public AppointmentSummary Appointment { get; private set; } = null!;

    protected ClientDeskDb Db => db;

    public string DayUrl => IndexModel.DayUrl(Appointment.LocationSlug, Appointment.Date, Appointment.Id);

    /// <summary>False for an unknown appointment or one at a location outside the member's scope (the page answers 404).</summary>
    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var row = await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Reference, a.LocationId, a.Location.Slug, LocationLv = a.Location.NameLv, LocationEn = a.Location.NameEn, a.ServiceId,
                ServiceLv = a.Service.NameLv, ServiceEn = a.Service.NameEn, a.Machines, a.Channel, a.Date, a.Start, a.End, a.ClientName, a.Phone, a.Email, a.Status,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || !await scope.CanSeeAsync(User, row.LocationId, ct))
        {
            return false;
        }

        Appointment = new AppointmentSummary(
            row.Id, row.Reference, row.LocationId, row.Slug, Localization.Pick(row.LocationLv, row.LocationEn), row.ServiceId, Localization.Pick(row.ServiceLv, row.ServiceEn),
            row.Machines, row.Channel, row.Date, row.Start, row.End, row.ClientName, row.Phone, row.Email, row.Status);
        return true;
    }
}
