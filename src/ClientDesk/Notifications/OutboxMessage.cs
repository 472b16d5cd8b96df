using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Notifications;

public enum MessageChannel
{
    Email = 0,
    Sms = 1,
}

public enum OutboxStatus
{
    /// <summary>Waiting for its time or for another attempt.</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Every attempt failed; an administrator sees it and may send it again.</summary>
    Failed = 2,

    /// <summary>No longer to be sent: a reminder of an appointment that was moved or cancelled.</summary>
    Withdrawn = 3,
}

/// <summary>
/// A message to a client, written in the same transaction as what it tells (ADR 009), and sent later by
/// <see cref="OutboxWorker"/>: a crash after the commit loses nothing, and a row is claimed by one worker at a time.
/// The text is final when written, in the client's language, with Riga local times.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>What it is about, e.g. <c>booking.confirmed</c>, <c>booking.reminder-day-before</c>.</summary>
    public required string Kind { get; set; }
    public MessageChannel Channel { get; set; }
    public required string Recipient { get; set; }
    public string Language { get; set; } = "lv";
    public string Subject { get; set; } = "";
    public required string Body { get; set; }

    /// <summary>An attached file (the appointment's <c>.ics</c>), when there is one.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentContent { get; set; }

    /// <summary>The appointment it concerns, so that its pending reminders can be withdrawn when it changes.</summary>
    public int? AppointmentId { get; set; }

    /// <summary>The queue ticket it concerns ("your turn is near", a refusal or referral notice).</summary>
    public int? TicketId { get; set; }

    /// <summary>The feedback case it concerns (receipt, extension or forwarding notice, the answer, an officer's reminder).</summary>
    public int? CaseId { get; set; }

    public OutboxStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not sent before this instant (reminders are written at booking time for later).</summary>
    public DateTime DueAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }

    /// <summary>A worker's claim on the row; another worker takes it only after the claim lapses.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Kind).HasMaxLength(60);
        message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        message.Property(m => m.Recipient).HasMaxLength(254);
        message.Property(m => m.Language).HasMaxLength(2);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.Body).HasMaxLength(8000);
        message.Property(m => m.AttachmentName).HasMaxLength(100);
        message.Property(m => m.AttachmentContent).HasMaxLength(20000);
        message.Property(m => m.ClaimedBy).HasMaxLength(100);
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.HasIndex(m => new { m.Status, m.DueAtUtc });
        message.HasIndex(m => m.AppointmentId);
        message.HasIndex(m => m.TicketId);
        message.HasOne<Queue.Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        message.HasOne<Booking.Appointment>().WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
