using ClientDesk.Calendar;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Booking;

public enum AppointmentStatus
{
    Booked = 0,
    Cancelled = 1,
    Arrived = 2,
    NoShow = 3,
}

/// <summary>
/// A promise to a client: a service at a location on a local date and time in Riga (S-2), booked through a channel
/// (S-6). Its place is held by <see cref="Seat"/> rows, which the database keeps unique.
/// </summary>
public sealed class Appointment
{
    public int Id { get; set; }

    /// <summary>The short code the client and the desk use (8 letters and digits, no look-alikes).</summary>
    public required string Reference { get; set; }

    /// <summary>SHA-256 of the secret in the client's manage link; the secret itself is never stored.</summary>
    public required string ManageTokenHash { get; set; }

    public int LocationId { get; set; }
    public Location Location { get; set; } = null!;
    public int ServiceId { get; set; }
    public Service Service { get; set; } = null!;

    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }

    /// <summary>The instant it starts, derived from the local date and time (ADR 004, 008).</summary>
    public DateTime StartsAtUtc { get; set; }

    public int Machines { get; set; } = 1;
    public BookingChannels Channel { get; set; }
    public AppointmentStatus Status { get; set; }

    public required string ClientName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Optional; never a key, as a person may change it once (L-7).</summary>
    public string? PersonalCode { get; set; }
    public string? CompanyNumber { get; set; }
    public string Language { get; set; } = "lv";
    public string? Note { get; set; }

    /// <summary>The staff member who booked it for a client (phone, desk, e-mail, post…); null for the client's own booking.</summary>
    public string? BookedByStaffId { get; set; }

    /// <summary>Why staff booked beyond capacity, when they did.</summary>
    public string? OverCapacityReason { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>How many times it was moved; clients may move it only a few times (<see cref="BookingOptions.MaxMoves"/>).</summary>
    public int MoveCount { get; set; }

    /// <summary>When it was cancelled, by whom (null: the client), and the reason the client was told.</summary>
    public DateTime? CancelledAtUtc { get; set; }
    public string? CancelledByStaffId { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>When the desk marked the client arrived or not come, and who did.</summary>
    public DateTime? MarkedAtUtc { get; set; }
    public string? MarkedByStaffId { get; set; }
    public List<Seat> Seats { get; set; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One client's place at a location in one interval of the booking grid (ADR 008). The unique index on location,
/// date, start and seat number makes two bookings of the last place impossible; a hold is a seat with an expiry.
/// </summary>
public sealed class Seat
{
    public long Id { get; set; }
    public int LocationId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public int Number { get; set; }
    public int? AppointmentId { get; set; }

    /// <summary>For a hold: its id (shared by the seats of one held time) and when it lapses.</summary>
    public Guid? HoldId { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> appointment)
    {
        appointment.Property(a => a.Reference).HasMaxLength(8);
        appointment.HasIndex(a => a.Reference).IsUnique();
        appointment.Property(a => a.ManageTokenHash).HasMaxLength(64);
        appointment.HasIndex(a => new { a.LocationId, a.Date });
        appointment.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        appointment.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        appointment.Property(a => a.Phone).HasMaxLength(30);
        appointment.Property(a => a.PersonalCode).HasMaxLength(12);
        appointment.Property(a => a.CompanyNumber).HasMaxLength(11);
        appointment.Property(a => a.Language).HasMaxLength(2);
        appointment.Property(a => a.Note).HasMaxLength(1000);
        appointment.Property(a => a.BookedByStaffId).HasMaxLength(450);
        appointment.Property(a => a.OverCapacityReason).HasMaxLength(500);
        appointment.Property(a => a.CancelledByStaffId).HasMaxLength(450);
        appointment.Property(a => a.CancelReason).HasMaxLength(500);
        appointment.Property(a => a.MarkedByStaffId).HasMaxLength(450);
        appointment.HasIndex(a => new { a.ServiceId, a.Status, a.StartsAtUtc });
        // The per-person cap looks a client up by any of these (BookingOptions.ActivePerPersonPerService).
        appointment.HasIndex(a => a.Phone);
        appointment.HasIndex(a => a.Email);
        appointment.HasIndex(a => a.PersonalCode);
        appointment.Property(a => a.Version).IsConcurrencyToken();
        appointment.HasOne(a => a.Location).WithMany().OnDelete(DeleteBehavior.Restrict);
        appointment.HasOne(a => a.Service).WithMany().OnDelete(DeleteBehavior.Restrict);
        appointment.HasMany(a => a.Seats).WithOne().HasForeignKey(s => s.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        appointment.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Appointments_StartBeforeEnd", "\"Start\" < \"End\"");
            t.HasCheckConstraint("CK_Appointments_Machines", "\"Machines\" BETWEEN 1 AND 20");
        });
    }
}

internal sealed class SeatConfiguration : IEntityTypeConfiguration<Seat>
{
    public void Configure(EntityTypeBuilder<Seat> seat)
    {
        seat.HasIndex(s => new { s.LocationId, s.Date, s.Start, s.Number }).IsUnique();
        seat.HasIndex(s => s.HoldId);
        seat.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        seat.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Seats_Number", "\"Number\" >= 1");
            t.HasCheckConstraint("CK_Seats_AppointmentOrHold", "(\"AppointmentId\" IS NULL) <> (\"HoldId\" IS NULL)");
        });
    }
}
