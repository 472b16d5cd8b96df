using System.Text;
using ClientDesk.Notifications;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking.Online;

/// <summary>
/// GET /booking/{reference}/calendar.ics?token=… — the appointment as a calendar file from the manage page, the same
/// event (UID, sequence) the confirmation e-mail carries, so adding both leaves one entry in the client's calendar.
/// </summary>
internal static class CalendarFile
{
    public static IEndpointRouteBuilder MapBookingCalendarFile(this IEndpointRouteBuilder app)
    {
        app.MapGet("/booking/{reference}/calendar.ics", async (string reference, string? token, Bookings bookings, IOptions<EmailOptions> email, TimeProvider clock, CancellationToken ct) =>
        {
            if (await bookings.FindByLinkAsync(reference, token, ct) is not { } appointment)
            {
                return Results.NotFound();
            }

            var english = appointment.Language == Platform.Localization.English;
            string Pick(string lv, string en) => english && !string.IsNullOrWhiteSpace(en) ? en : lv;
            var place = string.Join(", ", new[] { Pick(appointment.Location.NameLv, appointment.Location.NameEn), appointment.Location.Address, appointment.Location.Room }
                .Where(p => !string.IsNullOrWhiteSpace(p)));
            var service = Pick(appointment.Service.NameLv, appointment.Service.NameEn);
            var ics = new IcsEvent(
                appointment.Reference, appointment.Date, appointment.Start, appointment.End, $"VTUA: {service}", place,
                (english ? "Booking code " : "Pieraksta kods ") + appointment.Reference,
                appointment.Status == AppointmentStatus.Cancelled ? appointment.MoveCount + 1 : appointment.MoveCount,
                clock.GetUtcNow().UtcDateTime);
            var content = appointment.Status == AppointmentStatus.Cancelled ? IcsCalendar.Cancel(ics, email.Value.From) : IcsCalendar.Request(ics, email.Value.From);
            return Results.File(Encoding.UTF8.GetBytes(content), "text/calendar; charset=utf-8", IcsCalendar.FileName(appointment.Reference));
        }).ExcludeFromDescription();
        return app;
    }
}
