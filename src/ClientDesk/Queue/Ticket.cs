using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Queue;

public enum TicketStatus
{
    /// <summary>In the queue, to be called.</summary>
    Waiting = 0,

    /// <summary>Called to a desk; the client is on the way.</summary>
    Called = 1,

    /// <summary>At the desk, being served.</summary>
    Serving = 2,

    /// <summary>Set aside by a staff member (documents to fetch, a call to make); only they call it back.</summary>
    Parked = 3,

    /// <summary>Served; the visit's outcome is recorded.</summary>
    Finished = 4,

    /// <summary>Called and did not come.</summary>
    NoShow = 5,

    /// <summary>Closed without service: at the end of the day, or withdrawn by the client; the reason is kept.</summary>
    Closed = 6,
}

public enum TicketSource
{
    Kiosk = 0,
    Staff = 1,
    Remote = 2,
    Api = 3,
}

/// <summary>
/// A client's visit in the lobby queue (ADR 010): a walk-in ticket, or an appointment checked in. Its number restarts
/// each day per location and carries the letter of the service group; the unique index keeps each number single.
/// Nothing is deleted: a visit ends as Finished (with a <see cref="VisitOutcome"/>), NoShow or Closed.
/// </summary>
public sealed class Ticket
{
    public int Id { get; set; }
    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;

    /// <summary>The local date in Riga the ticket belongs to; numbers restart each day.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The service group's letter (A machinery, B inspections, C drivers, D business, E other).</summary>
    public required string Letter { get; set; }
    public int Number { get; set; }

    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;
    public TicketSource Source { get; set; }
    public string Language { get; set; } = "lv";

    /// <summary>Set when an appointment was checked in: it is called at its time, before walk-ins.</summary>
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public DateTime? DueAtUtc { get; set; }

    /// <summary>Optional contact (remote tickets, or given at the desk): for the "your turn is near" notice.</summary>
    public string? ClientName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Normalised phone or e-mail while the ticket is active, so that one person holds one remote ticket (unique).</summary>
    public string? ActivePersonKey { get; set; }

    /// <summary>Notify the holder when this many clients or fewer are ahead; when it was sent.</summary>
    public int? NotifyWhenAhead { get; set; }
    public DateTime? NotifiedAtUtc { get; set; }

    /// <summary>SHA-256 of the secret in the follow link (the QR code on the ticket); the secret is never stored.</summary>
    public required string FollowTokenHash { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    /// <summary>The client's place in time: walk-ins are called in this order, and it stays the same on a transfer.</summary>
    public DateTime QueuedSinceUtc { get; set; }

    public TicketStatus Status { get; set; }
    public int CallCount { get; set; }
    public DateTime? CalledAtUtc { get; set; }

    /// <summary>The desk and the staff member who called or serve it (C-3: shown on the display with name and position).</summary>
    public int? DeskId { get; set; }
    public Desk? Desk { get; set; }
    public string? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    public DateTime? ServingStartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>A transfer to a colleague or a desk: only they call it next. A transfer to a service changes <see cref="ServiceId"/>.</summary>
    public string? TransferredToStaffId { get; set; }
    public int? TransferredToDeskId { get; set; }

    /// <summary>Who parked it: only they see it in their pool and call it back.</summary>
    public string? ParkedByStaffId { get; set; }

    /// <summary>Why it was closed without service (end of day, withdrawn by the client, the appointment was cancelled).</summary>
    public string? ClosedReason { get; set; }

    public VisitOutcome? Outcome { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public string Code => $"{Letter}{Number:000}";

    public bool IsActive => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving or TicketStatus.Parked;
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Property(t => t.Letter).HasMaxLength(1);
        ticket.HasIndex(t => new { t.LocationId, t.Date, t.Letter, t.Number }).IsUnique();
        ticket.HasIndex(t => new { t.LocationId, t.Date, t.Status });
        ticket.HasIndex(t => t.AppointmentId).IsUnique();
        ticket.HasIndex(t => t.ActivePersonKey).IsUnique();
        ticket.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        ticket.Property(t => t.Language).HasMaxLength(2);
        ticket.Property(t => t.Phone).HasMaxLength(30);
        ticket.Property(t => t.ActivePersonKey).HasMaxLength(200);
        ticket.Property(t => t.FollowTokenHash).HasMaxLength(64);
        ticket.Property(t => t.StaffMemberId).HasMaxLength(450);
        ticket.Property(t => t.TransferredToStaffId).HasMaxLength(450);
        ticket.Property(t => t.ParkedByStaffId).HasMaxLength(450);
        ticket.Property(t => t.ClosedReason).HasMaxLength(500);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.HasOne(t => t.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Appointment).WithMany().HasForeignKey(t => t.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Desk).WithMany().HasForeignKey(t => t.DeskId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<Desk>().WithMany().HasForeignKey(t => t.TransferredToDeskId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.StaffMember).WithMany().HasForeignKey(t => t.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.TransferredToStaffId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.ParkedByStaffId).OnDelete(DeleteBehavior.Restrict);
        ticket.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Tickets_Number", "\"Number\" BETWEEN 1 AND 999");
            t.HasCheckConstraint("CK_Tickets_ParkedHasOwner", "(\"Status\" <> 'Parked') OR (\"ParkedByStaffId\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Tickets_CalledHasDesk", "(\"Status\" NOT IN ('Called', 'Serving')) OR (\"DeskId\" IS NOT NULL AND \"StaffMemberId\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Tickets_ClosedHasReason", "(\"Status\" <> 'Closed') OR (\"ClosedReason\" IS NOT NULL)");
        });
    }
}
