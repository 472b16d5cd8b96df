using System.Security.Cryptography;
using ClientDesk.Administration;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Queue;

/// <summary>What a ticket is asked for: at a kiosk, by staff for a client at the desk, or remotely (web, API).</summary>
public sealed record TicketRequest(
    int LocationId,
    int ServiceId,
    TicketSource Source,
    string Language = "lv",
    string? ClientName = null,
    string? Phone = null,
    string? Email = null,
    int? NotifyWhenAhead = null);

public abstract record IssueOutcome
{
    private IssueOutcome() { }

    /// <summary>The ticket, and the secret of its follow link (shown once: on the ticket's QR code and in the link).</summary>
    public sealed record Issued(Ticket Ticket, string FollowToken) : IssueOutcome;

    /// <summary>Not in a walk-in window now; <see cref="NextWalkIn"/> is when the next one starts (null: none in sight).</summary>
    public sealed record NotWalkInTime(DateTimeOffset? NextWalkIn) : IssueOutcome;

    public sealed record NotServedHere : IssueOutcome;

    /// <summary>This phone or e-mail already holds an active ticket (one per person).</summary>
    public sealed record AlreadyQueued(string Code) : IssueOutcome;

    /// <summary>All 999 numbers of the group are used today.</summary>
    public sealed record NumbersExhausted : IssueOutcome;
}

public abstract record CheckInOutcome
{
    private CheckInOutcome() { }

    public sealed record CheckedIn(Ticket Ticket, string FollowToken) : CheckInOutcome;

    /// <summary>Already in the queue: the ticket it has.</summary>
    public sealed record AlreadyCheckedIn(Ticket Ticket) : CheckInOutcome;

    /// <summary>No booked appointment with that reference here today.</summary>
    public sealed record NotFound : CheckInOutcome;

    /// <summary>Too early: check-in opens at <see cref="OpensAt"/>.</summary>
    public sealed record TooEarly(DateTimeOffset OpensAt) : CheckInOutcome;
}

/// <summary>
/// Issues queue tickets (S-3, S-4) and checks appointments in (ADR 010). A walk-in ticket exists only inside a walk-in
/// window of the calendar; its number is the next free one of the day, location and group, kept single by a unique
/// index (two kiosks at the same instant: one retries with the next number).
/// </summary>
public sealed class Tickets(ClientDeskDb db, CalendarStore calendars, IQueueEvents events, IOptions<QueueOptions> options, TimeProvider clock)
{
    private const int NumberAttempts = 3;

    public async Task<IssueOutcome> IssueAsync(TicketRequest request, CancellationToken ct = default)
    {
        var service = await db.Services.AsNoTracking()
            .Where(s => s.Id == request.ServiceId && s.IsActive && s.Locations.Any(l => l.Id == request.LocationId && l.IsActive))
            .Select(s => new { s.Id, s.Code })
            .SingleOrDefaultAsync(ct);
        if (service is null)
        {
            return new IssueOutcome.NotServedHere();
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(db, ct);
        if (!InWalkInWindow(calendar, request.LocationId, now))
        {
            return new IssueOutcome.NotWalkInTime(NextWalkIn(calendar, request.LocationId, now));
        }

        var personKey = request.Source is TicketSource.Remote or TicketSource.Api ? PersonKey(request.Phone, request.Email) : null;
        if (personKey is not null && await ActiveTicketOfAsync(personKey, ct) is { } held)
        {
            return new IssueOutcome.AlreadyQueued(held);
        }

        var token = SecretLinks.NewToken();
        var letter = QueueLetters.For(service.Code);
        var today = RigaTime.Today(clock);
        var ticket = new Ticket
        {
            LocationId = request.LocationId,
            Date = today,
            Letter = letter,
            ServiceId = service.Id,
            Source = request.Source,
            Language = request.Language == "en" ? "en" : "lv",
            ClientName = Blank(request.ClientName),
            Phone = Blank(request.Phone),
            Email = Blank(request.Email),
            ActivePersonKey = personKey,
            NotifyWhenAhead = request.NotifyWhenAhead ?? (personKey is null ? null : options.Value.NotifyWhenAhead),
            FollowTokenHash = SecretLinks.Hash(token),
            IssuedAtUtc = now.UtcDateTime,
            QueuedSinceUtc = now.UtcDateTime,
            Status = TicketStatus.Waiting,
        };

        if (ticket.NotifyWhenAhead is { } threshold
            && await db.Tickets.CountAsync(t => t.LocationId == ticket.LocationId && t.Date == today && t.Letter == letter && t.Status == TicketStatus.Waiting, ct) <= threshold)
        {
            // Already near the front: the confirmation says so, and a "your turn is near" notice a moment later would repeat it.
            ticket.NotifiedAtUtc = now.UtcDateTime;
        }

        var saved = await SaveWithNextNumberAsync(ticket, ct);
        if (saved is not null)
        {
            return saved;
        }

        await events.ChangedAsync(ticket.LocationId, ct);
        return new IssueOutcome.Issued(ticket, token);
    }

    /// <summary>
    /// Puts a booked appointment of today into the queue: it is called at its time, before walk-ins (ADR 010). By the
    /// appointment's id (the desk) or its reference (the kiosk: typed or read from the QR code).
    /// </summary>
    public async Task<CheckInOutcome> CheckInAsync(int locationId, string reference, string? staffId = null, CancellationToken ct = default)
    {
        var normalized = reference.Trim().ToUpperInvariant();
        var today = RigaTime.Today(clock);
        var appointment = await db.Appointments.Include(a => a.Service)
            .SingleOrDefaultAsync(a => a.Reference == normalized && a.LocationId == locationId && a.Date == today, ct);
        if (appointment is null || appointment.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow)
        {
            return new CheckInOutcome.NotFound();
        }

        var existing = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.AppointmentId == appointment.Id, ct);
        if (existing is not null)
        {
            return new CheckInOutcome.AlreadyCheckedIn(existing);
        }

        var now = clock.GetUtcNow();
        var opens = new DateTimeOffset(appointment.StartsAtUtc, TimeSpan.Zero) - options.Value.CheckInFrom;
        if (now < opens)
        {
            return new CheckInOutcome.TooEarly(opens);
        }

        var token = SecretLinks.NewToken();
        var ticket = new Ticket
        {
            LocationId = locationId,
            Date = today,
            Letter = QueueLetters.For(appointment.Service.Code),
            ServiceId = appointment.ServiceId,
            Source = staffId is null ? TicketSource.Kiosk : TicketSource.Staff,
            Language = appointment.Language,
            AppointmentId = appointment.Id,
            DueAtUtc = appointment.StartsAtUtc,
            ClientName = appointment.ClientName,
            Phone = appointment.Phone,
            Email = appointment.Email,
            FollowTokenHash = SecretLinks.Hash(token),
            IssuedAtUtc = now.UtcDateTime,
            QueuedSinceUtc = now.UtcDateTime,
            Status = TicketStatus.Waiting,
        };
        appointment.Status = AppointmentStatus.Arrived;
        appointment.MarkedAtUtc = now.UtcDateTime;
        appointment.MarkedByStaffId = staffId;
        appointment.Version = Guid.NewGuid();

        if (await SaveWithNextNumberAsync(ticket, ct) is not null)
        {
            // Another check-in of the same appointment won (the unique index on the appointment).
            db.ChangeTracker.Clear();
            var winner = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.AppointmentId == appointment.Id, ct);
            return winner is null ? new CheckInOutcome.NotFound() : new CheckInOutcome.AlreadyCheckedIn(winner);
        }

        await events.ChangedAsync(locationId, ct);
        return new CheckInOutcome.CheckedIn(ticket, token);
    }

    /// <summary>The ticket a follow link opens, or null when the token does not match.</summary>
    public async Task<Ticket?> FindByTokenAsync(int ticketId, string? token, CancellationToken ct = default)
    {
        if (!SecretLinks.TryHash(token, out _))
        {
            return null;
        }

        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Location).Include(t => t.Service)
            .SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        return ticket is not null && SecretLinks.Opens(ticket.FollowTokenHash, token) ? ticket : null;
    }

    /// <summary>The holder gives the ticket up (remote: "I am not coming"). Only a waiting ticket can be withdrawn.</summary>
    public async Task<bool> WithdrawAsync(int ticketId, string reason, CancellationToken ct = default)
    {
        var changed = await db.Tickets
            .Where(t => t.Id == ticketId && t.Status == TicketStatus.Waiting)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TicketStatus.Closed)
                .SetProperty(t => t.ClosedReason, reason)
                .SetProperty(t => t.FinishedAtUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(t => t.ActivePersonKey, (string?)null)
                .SetProperty(t => t.Version, Guid.NewGuid()), ct);
        if (changed == 1)
        {
            var locationId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.LocationId).SingleAsync(ct);
            await events.ChangedAsync(locationId, ct);
        }

        return changed == 1;
    }

    /// <summary>Whether a location serves walk-in clients at this instant (S-3, S-4).</summary>
    public static bool InWalkInWindow(LocationCalendar calendar, int locationId, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, RigaTime.Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return calendar.Day(locationId, DateOnly.FromDateTime(local.DateTime)).Windows
            .Any(w => w.Kind == WindowKind.WalkIn && w.Start <= time && time < w.End);
    }

    /// <summary>When the next walk-in window at the location starts after this instant, within two months; null if none.</summary>
    public static DateTimeOffset? NextWalkIn(LocationCalendar calendar, int locationId, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, RigaTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        foreach (var day in calendar.Days(locationId, today, today.AddDays(62)))
        {
            var next = day.Windows.FirstOrDefault(w => w.Kind == WindowKind.WalkIn && (day.Date > today || w.Start > time));
            if (next is not null)
            {
                return RigaTime.ToInstant(day.Date, next.Start);
            }
        }

        return null;
    }

    /// <summary>One person, one active remote ticket: the phone in international form, else the e-mail in lower case.</summary>
    public static string? PersonKey(string? phone, string? email) =>
        ClientIdentity.Phone(phone) is { } p ? "phone:" + p
        : ClientIdentity.Email(email) is { } e ? "email:" + e.ToLowerInvariant()
        : null;


    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<string?> ActiveTicketOfAsync(string personKey, CancellationToken ct) =>
        (await db.Tickets.AsNoTracking().Where(t => t.ActivePersonKey == personKey)
            .Select(t => new { t.Letter, t.Number }).SingleOrDefaultAsync(ct)) is { } held
            ? $"{held.Letter}{held.Number:000}"
            : null;

    /// <summary>
    /// Saves the ticket with the next number of its day, location and letter from that series' counter
    /// (<see cref="Numbering"/>), in one transaction; null when saved, else why not.
    /// </summary>
    private async Task<IssueOutcome?> SaveWithNextNumberAsync(Ticket ticket, CancellationToken ct)
    {
        var scope = $"ticket:{ticket.LocationId}:{ticket.Date:yyyy-MM-dd}:{ticket.Letter}";
        Task<int?> HighestInUse(CancellationToken cancel) => db.Tickets
            .Where(t => t.LocationId == ticket.LocationId && t.Date == ticket.Date && t.Letter == ticket.Letter)
            .MaxAsync(t => (int?)t.Number, cancel);
        db.Tickets.Add(ticket);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var number = await Numbering.NextAsync(db, scope, HighestInUse, ct);
            if (number > 999)
            {
                db.Entry(ticket).State = EntityState.Detached;
                return new IssueOutcome.NumbersExhausted();
            }

            ticket.Number = number;
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return null;
            }
            catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception) || exception is DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(ct);
                if (ticket.ActivePersonKey is { } key && await ActiveTicketOfAsync(key, ct) is { } held)
                {
                    db.Entry(ticket).State = EntityState.Detached;
                    return new IssueOutcome.AlreadyQueued(held);
                }

                if (ticket.AppointmentId is { } appointmentId && await db.Tickets.AnyAsync(t => t.AppointmentId == appointmentId, ct))
                {
                    db.ChangeTracker.Clear();
                    return new IssueOutcome.NotServedHere();
                }

                if (attempt == NumberAttempts)
                {
                    throw;
                }

                // Only a ticket numbered without the counter (the demo seed) can hold the number: step past it.
                await Numbering.CatchUpAsync(db, scope, await HighestInUse(ct) ?? 0, ct);
            }
        }
    }
}
