using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ClientDesk.Notifications;

/// <summary>An appointment as a calendar event: local times in Europe/Riga with the zone described in the file.</summary>
internal sealed record IcsEvent(
    string Reference, DateOnly Date, TimeOnly Start, TimeOnly End, string Summary, string? Location, string Description, int Sequence, DateTime StampUtc);

/// <summary>
/// Writes the <c>.ics</c> file of an appointment (RFC 5545, iTIP). Every version of one appointment has the same UID,
/// and a higher SEQUENCE after each move, so a calendar replaces the earlier event; a cancellation is METHOD:CANCEL
/// for the same UID. Times are the Riga local times the message text shows, with TZID and a VTIMEZONE.
/// </summary>
internal static class IcsCalendar
{
    public const string FileExtension = ".ics";
    private const string Zone = "Europe/Riga";

    public static string Uid(string reference) => $"{reference}@clientdesk.vtua.gov.lv";

    public static string FileName(string reference) => $"vtua-{reference}{FileExtension}";

    public static string Request(IcsEvent appointment, string organizer) => Write(appointment, organizer, cancel: false);

    public static string Cancel(IcsEvent appointment, string organizer) => Write(appointment, organizer, cancel: true);

    /// <summary>REQUEST or CANCEL, read back from a stored file, for the attachment's content type.</summary>
    public static string Method(string content) =>
        content.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "REQUEST";

    private static string Write(IcsEvent appointment, string organizer, bool cancel)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//VTUA//ClientDesk//LV", Method = cancel ? "CANCEL" : "REQUEST" };
        calendar.AddTimeZone(Zone, new DateTime(appointment.Date.Year - 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false);
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(appointment.Reference),
            DtStart = new CalDateTime(appointment.Date, appointment.Start, Zone),
            DtEnd = new CalDateTime(appointment.Date, appointment.End, Zone),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(appointment.StampUtc, DateTimeKind.Utc)),
            Summary = appointment.Summary,
            Location = appointment.Location,
            Description = appointment.Description,
            Sequence = appointment.Sequence,
            Status = cancel ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
        };
        if (MimeKit.MailboxAddress.TryParse(organizer, out var from))
        {
            calendarEvent.Organizer = new Organizer("mailto:" + from.Address) { CommonName = string.IsNullOrEmpty(from.Name) ? null : from.Name };
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
