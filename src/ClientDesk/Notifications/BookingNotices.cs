using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Notifications;

/// <summary>What happened to an appointment that the client must be told.</summary>
public abstract record BookingNotice
{
    private BookingNotice()
    {
    }

    /// <summary>Booked; <paramref name="ManageToken"/> is the secret of the manage link, known only at this moment.</summary>
    public sealed record Confirmed(string? ManageToken = null) : BookingNotice;

    /// <summary>Moved from the earlier local date and time; <paramref name="Reason"/> when staff moved it.</summary>
    public sealed record Moved(DateOnly FromDate, TimeOnly FromStart, string? Reason) : BookingNotice;

    public sealed record Cancelled(string? Reason) : BookingNotice;

    /// <summary>The client lost the link and asked for it again: a new secret, sent to the contact on the booking.</summary>
    public sealed record LinkResent(string ManageToken) : BookingNotice;
}

/// <summary>What a message about an appointment says about its service and its place, in both languages.</summary>
public sealed record NoticeFacts(
    string ServiceLv, string ServiceEn, string DocumentsLv, string DocumentsEn, string PlaceLv, string PlaceEn, string? Address, string? Room)
{
    public static async Task<NoticeFacts> ReadAsync(ClientDeskDb db, int locationId, int serviceId, CancellationToken ct = default)
    {
        var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.NameLv, s.NameEn, s.DocumentsLv, s.DocumentsEn }).SingleAsync(ct);
        var place = await db.Locations.AsNoTracking().Where(l => l.Id == locationId)
            .Select(l => new { l.NameLv, l.NameEn, l.Address, l.Room }).SingleAsync(ct);
        return new NoticeFacts(service.NameLv, service.NameEn, service.DocumentsLv, service.DocumentsEn, place.NameLv, place.NameEn, place.Address, place.Room);
    }
}

/// <summary>
/// Writes the messages about an appointment into the outbox, on the same <see cref="ClientDeskDb"/> as the change,
/// so they are saved in the same transaction (ADR 009). Pending reminders of a moved or cancelled appointment are
/// withdrawn and new ones written. Nothing is saved here: the caller's save commits the change and its messages.
/// </summary>
public sealed class BookingNotices(
    ClientDeskDb db, TimeProvider clock, IOptions<NotificationOptions> options, IOptions<EmailOptions> email)
{
    public const string ConfirmedKind = "booking.confirmed";
    public const string MovedKind = "booking.moved";
    public const string CancelledKind = "booking.cancelled";
    public const string LinkKind = "booking.link";
    public const string ReminderPrefix = "booking.reminder";
    public const string DayBeforeKind = "booking.reminder-day-before";
    public const string MorningKind = "booking.reminder-morning";

    /// <summary>The day before at 17:00 and on the day at 7:00, Riga time (ADR 009).</summary>
    public static readonly TimeOnly DayBeforeAt = new(17, 0);
    public static readonly TimeOnly MorningAt = new(7, 0);

    /// <summary>A reminder this soon after the message that confirms the time would only repeat it, so it is not written.</summary>
    public static readonly TimeSpan ReminderGap = TimeSpan.FromHours(1);

    private string BaseUrl => options.Value.PublicBaseUrl;

    /// <summary>
    /// Writes the notice's messages. <paramref name="facts"/> are the service's and the location's texts when the
    /// caller has read them already (a booking reads them with its other facts); otherwise they are read here.
    /// </summary>
    public async Task QueueAsync(Appointment appointment, BookingNotice notice, NoticeFacts? facts = null, CancellationToken ct = default)
    {
        facts ??= await NoticeFacts.ReadAsync(db, appointment.LocationId, appointment.ServiceId, ct);
        var now = clock.GetUtcNow();
        if (notice is BookingNotice.Moved or BookingNotice.Cancelled)
        {
            await WithdrawRemindersAsync(appointment, ct);
        }

        switch (notice)
        {
            case BookingNotice.Confirmed confirmed:
                var link = confirmed.ManageToken is { Length: > 0 } token
                    ? $"{BaseUrl}/booking/{appointment.Reference}?token={Uri.EscapeDataString(token)}"
                    : $"{BaseUrl}/booking";
                Write(appointment, facts, ConfirmedKind, now, link, previous: null, reason: null);
                WriteReminders(appointment, facts, now, link);
                break;
            case BookingNotice.Moved moved:
                Write(appointment, facts, MovedKind, now, $"{BaseUrl}/booking", (moved.FromDate, moved.FromStart), moved.Reason);
                WriteReminders(appointment, facts, now, $"{BaseUrl}/booking");
                break;
            case BookingNotice.Cancelled cancelled:
                Write(appointment, facts, CancelledKind, now, $"{BaseUrl}/booking", previous: null, cancelled.Reason);
                break;
            case BookingNotice.LinkResent resent:
                Write(appointment, facts, LinkKind, now, $"{BaseUrl}/booking/{appointment.Reference}?token={Uri.EscapeDataString(resent.ManageToken)}", previous: null, reason: null);
                break;
        }
    }

    /// <summary>The reminders due at the chosen local times that are still ahead (ADR 009).</summary>
    public static IEnumerable<(string Kind, DateTimeOffset Due)> ReminderTimes(DateOnly date, DateTime startsAtUtc, DateTimeOffset now)
    {
        var start = new DateTimeOffset(DateTime.SpecifyKind(startsAtUtc, DateTimeKind.Utc));
        var dayBefore = RigaTime.ToInstant(date.AddDays(-1), DayBeforeAt);
        if (dayBefore >= now + ReminderGap && dayBefore < start)
        {
            yield return (DayBeforeKind, dayBefore);
        }

        var morning = RigaTime.ToInstant(date, MorningAt);
        if (morning >= now + ReminderGap && morning < start)
        {
            yield return (MorningKind, morning);
        }
    }

    private async Task WithdrawRemindersAsync(Appointment appointment, CancellationToken ct)
    {
        var pending = await db.OutboxMessages
            .Where(m => m.AppointmentId == appointment.Id && m.Status == OutboxStatus.Pending && m.Kind.StartsWith(ReminderPrefix))
            .ToListAsync(ct);
        foreach (var reminder in pending)
        {
            reminder.Status = OutboxStatus.Withdrawn;
        }
    }

    private void WriteReminders(Appointment appointment, NoticeFacts facts, DateTimeOffset now, string link)
    {
        foreach (var (kind, due) in ReminderTimes(appointment.Date, appointment.StartsAtUtc, now))
        {
            Write(appointment, facts, kind, now, link, previous: null, reason: null, due);
        }
    }

    /// <summary>One notice: by e-mail when the client gave an address, by SMS when they gave a mobile number.</summary>
    private void Write(
        Appointment appointment, NoticeFacts facts, string kind, DateTimeOffset now, string link, (DateOnly Date, TimeOnly Start)? previous, string? reason,
        DateTimeOffset? due = null)
    {
        var t = new NoticeTexts(appointment.Language);
        var when = t.When(appointment.Date, appointment.Start, appointment.End);
        var service = t.Pick(facts.ServiceLv, facts.ServiceEn);
        var placeName = t.Pick(facts.PlaceLv, facts.PlaceEn);
        var place = string.Join(", ", new[] { placeName, facts.Address, facts.Room }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var documents = t.Pick(facts.DocumentsLv, facts.DocumentsEn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var suffix = kind[(kind.IndexOf('.') + 1)..] switch
        {
            "confirmed" => "Confirmed",
            "moved" => "Moved",
            "cancelled" => "Cancelled",
            "link" => "Link",
            "reminder-day-before" => "ReminderDayBefore",
            _ => "ReminderMorning",
        };

        if (appointment.Email is { Length: > 0 } address)
        {
            var body = new List<string> { t["Greeting", appointment.ClientName], "", t["Lead." + suffix] };
            if (reason is not null)
            {
                body.Add(t["Line.Reason", reason]);
            }

            body.Add("");
            body.Add(t["Line.Service", service]);
            body.Add(t["Line.Location", place]);
            body.Add(t[kind == CancelledKind ? "Line.CancelledTime" : "Line.When", when]);
            if (previous is { } from)
            {
                // Only the start: the earlier end is not kept, and a move may change the number of machines.
                body.Add(t["Line.PreviousTime", t["When", t.Date(from.Date), t["Time.At", NoticeTexts.Time(from.Start)]]]);
            }

            body.Add(t["Line.Reference", appointment.Reference]);
            if (kind != CancelledKind && documents.Length > 0)
            {
                body.Add("");
                body.Add(t["Documents.Title"]);
                body.AddRange(documents.Select(d => "– " + d));
            }

            string? calendar = null;
            if (kind is ConfirmedKind or MovedKind or CancelledKind)
            {
                var description = string.Join('\n', new[] { t["Ics.Reference", appointment.Reference], link }.Concat(kind == CancelledKind ? [] : documents));
                var ics = new IcsEvent(
                    appointment.Reference, appointment.Date, appointment.Start, appointment.End, t["Ics.Summary", service], place, description,
                    kind == CancelledKind ? appointment.MoveCount + 1 : appointment.MoveCount, now.UtcDateTime);
                calendar = kind == CancelledKind ? IcsCalendar.Cancel(ics, email.Value.From) : IcsCalendar.Request(ics, email.Value.From);
                body.Add("");
                body.Add(t[kind switch { CancelledKind => "Calendar.CancelAttached", MovedKind => "Calendar.Updated", _ => "Calendar.Attached" }]);
            }

            body.Add("");
            body.Add(kind switch
            {
                CancelledKind => t["Manage.BookAgain", link],
                _ when link.Contains("?token=", StringComparison.Ordinal) => t["Manage.Link", link],
                _ => t["Manage.Find", link],
            });
            body.Add("");
            body.Add(t["Contact", Catalogue.AgencyContacts.Phone, Catalogue.AgencyContacts.Email]);
            body.Add(t["Signature"]);

            Add(appointment, new OutboxMessage
            {
                Kind = kind,
                Channel = MessageChannel.Email,
                Recipient = address,
                Language = t.Language,
                Subject = Limit(t["Subject." + suffix, when], 300),
                Body = Limit(string.Join('\n', body), 8000),
                AttachmentName = calendar is null ? null : IcsCalendar.FileName(appointment.Reference),
                AttachmentContent = calendar,
                CreatedAtUtc = now.UtcDateTime,
                DueAtUtc = (due ?? now).UtcDateTime,
            });
        }

        if (MobileNumber(appointment.Phone) is { } mobile)
        {
            var reasonText = reason is null ? "" : t["Sms.Reason", reason];
            Add(appointment, new OutboxMessage
            {
                Kind = kind,
                Channel = MessageChannel.Sms,
                Recipient = mobile,
                Language = t.Language,
                Body = Limit(t["Sms." + suffix, service, placeName, when, appointment.Reference, link, reasonText].Trim(), 8000),
                CreatedAtUtc = now.UtcDateTime,
                DueAtUtc = (due ?? now).UtcDateTime,
            });
        }
    }

    /// <summary>SMS go to mobile numbers: Latvian ones start with 2; a foreign number is taken as given (ADR 009).</summary>
    public static string? MobileNumber(string? phone) => ClientIdentity.Phone(phone) switch
    {
        { } latvian when latvian.Length == 8 && latvian[0] == '2' => "+371" + latvian,
        { } foreign when foreign.StartsWith('+') => foreign,
        _ => null,
    };

    /// <summary>
    /// Adds the message, pointing at the appointment even before the appointment has its id: a new appointment's
    /// temporary key is set as the foreign key, and EF replaces it with the real id when it inserts the appointment.
    /// </summary>
    private void Add(Appointment appointment, OutboxMessage message)
    {
        var entry = db.Entry(appointment);
        message.AppointmentId = entry.State == EntityState.Detached ? appointment.Id : entry.Property(a => a.Id).CurrentValue;
        db.OutboxMessages.Add(message);
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
