using ClientDesk.Platform;
using System.Security.Cryptography;
using System.Text;
using ClientDesk.Administration;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking;

/// <summary>Who the appointment is for, already checked and normalised by the page or the API that took it.</summary>
public sealed record ClientDetails(
    string Name, string? Phone, string? Email, string? PersonalCode = null, string? CompanyNumber = null, string Language = "lv", string? Note = null);

/// <summary>
/// A booking asked for. <paramref name="StaffId"/> is set when staff book for a client through another channel;
/// <paramref name="OverCapacityReason"/> lets staff book beyond the location's seats, with the reason audited;
/// <paramref name="HoldId"/> is the time the client held while typing.
/// </summary>
public sealed record BookingRequest(
    int LocationId,
    int ServiceId,
    DateOnly Date,
    TimeOnly Start,
    int Machines,
    BookingChannels Channel,
    ClientDetails Client,
    string? StaffId = null,
    string? OverCapacityReason = null,
    Guid? HoldId = null);

/// <summary>A time to keep for a client for a few minutes while they type their details.</summary>
public sealed record HoldRequest(int LocationId, int ServiceId, DateOnly Date, TimeOnly Start, int Machines, BookingChannels Channel);

/// <summary>Who changes an appointment: the client through their link, or a staff member (with a reason the client is told).</summary>
public sealed record ChangedBy(string? StaffId, string? Reason)
{
    public static ChangedBy Client { get; } = new(null, null);

    public bool IsStaff => StaffId is not null;
}

/// <summary>What became of a booking, a hold, a move or a cancellation: an expected outcome, never an exception.</summary>
public abstract record BookingOutcome
{
    private BookingOutcome()
    {
    }

    /// <summary>Booked; <paramref name="ManageToken"/> is the secret of the client's manage link, shown once.</summary>
    public sealed record Booked(Appointment Appointment, string ManageToken) : BookingOutcome;

    public sealed record Held(Guid HoldId, DateTimeOffset ExpiresAt, FreeTime Time) : BookingOutcome;

    public sealed record Moved(Appointment Appointment) : BookingOutcome;

    public sealed record Cancelled(Appointment Appointment) : BookingOutcome;

    /// <summary>Someone else took the time first, or it is not (or no longer) offered.</summary>
    public sealed record TimeNotFree : BookingOutcome;

    /// <summary>The service cannot be booked here at all (not offered, no duration set, inactive).</summary>
    public sealed record NotBookable(string Why) : BookingOutcome;

    /// <summary>The person already has as many coming appointments for this service as one may.</summary>
    public sealed record LimitReached(int Limit) : BookingOutcome;

    /// <summary>Too close to the start for the client to change it themselves; they are told to call.</summary>
    public sealed record TooLate(DateTimeOffset Cutoff) : BookingOutcome;

    public sealed record TooManyMoves(int Limit) : BookingOutcome;

    /// <summary>Already cancelled, attended or missed: nothing to change.</summary>
    public sealed record NotActive(AppointmentStatus Status) : BookingOutcome;
}

/// <summary>
/// Books, holds, moves and cancels appointments (ADR 008). Each checks the time against the availability the client
/// was shown, then writes the appointment's <see cref="Seat"/> rows in one save with the outbox messages that tell
/// the client (ADR 009). The unique index on seats is the last word: when two people take the last place at once,
/// one save fails, is retried on fresh data and finds no place.
/// </summary>
public sealed class Bookings(ClientDeskDb db, CalendarStore calendars, BookingNotices notices, IOptions<BookingOptions> options, TimeProvider clock)
{
    private const int Attempts = 3;
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private BookingOptions Policy => options.Value;

    /// <summary>
    /// The free times of a service at a location for a channel (the web sees its share of the seats). Clients on any
    /// channel are held to the minimum notice; <paramref name="forStaff"/> lifts it, as for staff booking for a client.
    /// </summary>
    public async Task<IReadOnlyList<AvailableDay>?> AvailabilityAsync(
        int locationId, int serviceId, int machines, DateOnly from, DateOnly to, BookingChannels channel, CancellationToken ct = default, bool forStaff = false)
    {
        var context = await ContextAsync(locationId, serviceId, person: null, ct);
        if (context is not { Minutes: { } minutes })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var seats = await db.Seats.AsNoTracking()
            .Where(s => s.LocationId == locationId && s.Date >= from && s.Date <= to && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now.UtcDateTime))
            .GroupBy(s => new { s.Date, s.Start })
            .Select(g => new { g.Key.Date, g.Key.Start, Count = g.Count() })
            .ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, context.CalendarVersion, ct);
        return Availability.Compute(
            calendar,
            new AvailabilityRequest(locationId, minutes, machines, from, to, channel, Settings(context, forStaff, overCapacity: false)),
            seats.ToDictionary(s => (s.Date, s.Start), s => s.Count),
            now);
    }

    /// <summary>Keeps a time for the client for <see cref="BookingOptions.HoldFor"/> while they type.</summary>
    public async Task<BookingOutcome> HoldAsync(HoldRequest request, CancellationToken ct = default)
    {
        var context = await ContextAsync(request.LocationId, request.ServiceId, person: null, ct);
        if (NotBookable(context) is { } refusal)
        {
            return refusal;
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var holdId = Guid.NewGuid();
            var expires = clock.GetUtcNow() + Policy.HoldFor;
            var plan = await PlanAsync(context!, request.Date, request.Start, request.Machines, request.Channel, byStaff: false, overCapacity: false, own: _ => false, ct);
            if (plan is null)
            {
                return new BookingOutcome.TimeNotFree();
            }

            foreach (var seat in plan.NewSeats)
            {
                seat.HoldId = holdId;
                seat.ExpiresAtUtc = expires.UtcDateTime;
                db.Seats.Add(seat);
            }

            if (await TrySaveAsync(ct))
            {
                return new BookingOutcome.Held(holdId, expires, plan.Time);
            }
        }

        db.ChangeTracker.Clear();
        return new BookingOutcome.TimeNotFree();
    }

    /// <summary>Gives a held time back, when the client goes back to choose another.</summary>
    public async Task ReleaseHoldAsync(Guid holdId, CancellationToken ct = default) =>
        await db.Seats.Where(s => s.HoldId == holdId).ExecuteDeleteAsync(ct);

    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct = default)
    {
        var byStaff = request.StaffId is not null;
        var context = await ContextAsync(request.LocationId, request.ServiceId, person: byStaff ? null : request.Client, ct);
        if (NotBookable(context) is { } refusal)
        {
            return refusal;
        }

        var overCapacity = byStaff && !string.IsNullOrWhiteSpace(request.OverCapacityReason);
        if (!byStaff && context!.ActiveForPerson >= Policy.ActivePerPersonPerService)
        {
            return new BookingOutcome.LimitReached(Policy.ActivePerPersonPerService);
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var hold = request.HoldId;
            var plan = await PlanAsync(
                context!, request.Date, request.Start, request.Machines, request.Channel, byStaff, overCapacity,
                own: s => hold is not null && s.HoldId == hold && s.ExpiresAtUtc > now.UtcDateTime,
                ct);
            if (plan is null)
            {
                return new BookingOutcome.TimeNotFree();
            }

            var token = SecretLinks.NewToken();
            var appointment = new Appointment
            {
                Reference = NewReference(),
                ManageTokenHash = SecretLinks.Hash(token),
                LocationId = request.LocationId,
                ServiceId = request.ServiceId,
                Machines = request.Machines,
                Channel = request.Channel,
                ClientName = request.Client.Name.Trim(),
                Phone = request.Client.Phone,
                Email = request.Client.Email,
                PersonalCode = request.Client.PersonalCode,
                CompanyNumber = request.Client.CompanyNumber,
                Language = request.Client.Language,
                Note = string.IsNullOrWhiteSpace(request.Client.Note) ? null : request.Client.Note.Trim(),
                BookedByStaffId = request.StaffId,
                OverCapacityReason = overCapacity ? request.OverCapacityReason!.Trim() : null,
                CreatedAtUtc = now.UtcDateTime,
            };
            Place(appointment, plan);
            db.Appointments.Add(appointment);
            await notices.QueueAsync(appointment, new BookingNotice.Confirmed(token), context!.Facts, ct);
            if (await TrySaveAsync(ct))
            {
                return new BookingOutcome.Booked(appointment, token);
            }
        }

        db.ChangeTracker.Clear();
        return new BookingOutcome.TimeNotFree();
    }

    /// <summary>
    /// Moves an appointment to another time (or the same time with more or fewer machines). Its own seats count as
    /// free, so moving by a quarter of an hour works on a full day. A client is held to the cut-off and the move cap.
    /// </summary>
    public async Task<BookingOutcome> MoveAsync(int appointmentId, DateOnly date, TimeOnly start, ChangedBy by, int? machines = null, string? overCapacityReason = null, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (appointment, refusal) = await ChangeableAsync(appointmentId, by, ct);
            if (appointment is null)
            {
                return refusal!;
            }

            if (!by.IsStaff && appointment.MoveCount >= Policy.MaxMoves)
            {
                return new BookingOutcome.TooManyMoves(Policy.MaxMoves);
            }

            var context = await ContextAsync(appointment.LocationId, appointment.ServiceId, person: null, ct);
            if (NotBookable(context) is { } notBookable)
            {
                return notBookable;
            }

            var overCapacity = by.IsStaff && !string.IsNullOrWhiteSpace(overCapacityReason);
            var channel = by.IsStaff ? (appointment.Channel == BookingChannels.Web ? BookingChannels.Phone : appointment.Channel) : BookingChannels.Web;
            var ownSeats = appointment.Seats.Select(s => s.Id).ToHashSet();
            var plan = await PlanAsync(context!, date, start, machines ?? appointment.Machines, channel, by.IsStaff, overCapacity, s => ownSeats.Contains(s.Id), ct);
            if (plan is null)
            {
                return new BookingOutcome.TimeNotFree();
            }

            var (fromDate, fromStart) = (appointment.Date, appointment.Start);
            foreach (var seat in appointment.Seats.Where(s => !plan.Reused.Contains(s)).ToList())
            {
                appointment.Seats.Remove(seat);
                db.Seats.Remove(seat);
            }

            Place(appointment, plan);
            appointment.Machines = machines ?? appointment.Machines;
            appointment.MoveCount++;
            if (overCapacity)
            {
                appointment.OverCapacityReason = overCapacityReason!.Trim();
            }

            appointment.Version = Guid.NewGuid();
            await notices.QueueAsync(appointment, new BookingNotice.Moved(fromDate, fromStart, Blank(by.Reason)), context!.Facts, ct);
            if (await TrySaveAsync(ct))
            {
                return new BookingOutcome.Moved(appointment);
            }
        }

        db.ChangeTracker.Clear();
        return new BookingOutcome.TimeNotFree();
    }

    /// <summary>Cancels an appointment and frees its seats at once; the client is told, with the staff's reason.</summary>
    public async Task<BookingOutcome> CancelAsync(int appointmentId, ChangedBy by, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (appointment, refusal) = await ChangeableAsync(appointmentId, by, ct);
            if (appointment is null)
            {
                return refusal!;
            }

            db.Seats.RemoveRange(appointment.Seats);
            appointment.Status = AppointmentStatus.Cancelled;
            appointment.CancelledAtUtc = clock.GetUtcNow().UtcDateTime;
            appointment.CancelledByStaffId = by.StaffId;
            appointment.CancelReason = Blank(by.Reason);
            appointment.Version = Guid.NewGuid();
            await notices.QueueAsync(appointment, new BookingNotice.Cancelled(appointment.CancelReason), ct: ct);
            if (await TrySaveAsync(ct))
            {
                return new BookingOutcome.Cancelled(appointment);
            }
        }

        db.ChangeTracker.Clear();
        return new BookingOutcome.TimeNotFree();
    }

    /// <summary>The desk marks a client arrived or not come (on the day, or later to correct it); seats stay as they were.</summary>
    public async Task<bool> MarkAsync(int appointmentId, AppointmentStatus status, string staffId, CancellationToken ct = default)
    {
        if (status is not (AppointmentStatus.Arrived or AppointmentStatus.NoShow or AppointmentStatus.Booked))
        {
            throw new ArgumentOutOfRangeException(nameof(status));
        }

        db.ChangeTracker.Clear();
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null || appointment.Status == AppointmentStatus.Cancelled)
        {
            return false;
        }

        appointment.Status = status;
        appointment.MarkedAtUtc = status == AppointmentStatus.Booked ? null : clock.GetUtcNow().UtcDateTime;
        appointment.MarkedByStaffId = status == AppointmentStatus.Booked ? null : staffId;
        appointment.Version = Guid.NewGuid();
        return await TrySaveAsync(ct);
    }

    /// <summary>The appointment a manage link opens: found by reference, and only with the right secret.</summary>
    public async Task<Appointment?> FindByLinkAsync(string? reference, string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 12 || !SecretLinks.TryHash(token, out _))
        {
            return null;
        }

        var normalised = reference.Trim().ToUpperInvariant();
        var appointment = await db.Appointments.AsNoTracking()
            .Include(a => a.Location).Include(a => a.Service)
            .SingleOrDefaultAsync(a => a.Reference == normalised, ct);
        return appointment is not null && SecretLinks.Opens(appointment.ManageTokenHash, token) ? appointment : null;
    }

    /// <summary>
    /// Sends a new manage link when the reference and the phone or e-mail on the booking match; the old link stops
    /// working. Says nothing about whether they matched, so the page cannot be used to find other people's bookings.
    /// </summary>
    public async Task ResendLinkAsync(string reference, string contact, CancellationToken ct = default)
    {
        var normalised = reference.Trim().ToUpperInvariant();
        var phone = ClientIdentity.Phone(contact);
        var email = ClientIdentity.Email(contact);
        if (normalised.Length != 8 || (phone is null && email is null))
        {
            return;
        }

        db.ChangeTracker.Clear();
        var appointment = await db.Appointments.SingleOrDefaultAsync(
            a => a.Reference == normalised && a.Status == AppointmentStatus.Booked && ((phone != null && a.Phone == phone) || (email != null && a.Email == email)), ct);
        if (appointment is null)
        {
            return;
        }

        var token = SecretLinks.NewToken();
        appointment.ManageTokenHash = SecretLinks.Hash(token);
        appointment.Version = Guid.NewGuid();
        await notices.QueueAsync(appointment, new BookingNotice.LinkResent(token), ct: ct);
        await TrySaveAsync(ct);
    }

    /// <summary>Until when the client may move or cancel through their link.</summary>
    public DateTimeOffset ClientCutoff(Appointment appointment) =>
        new DateTimeOffset(appointment.StartsAtUtc, TimeSpan.Zero) - Policy.ClientChangeCutoff;


    /// <summary>
    /// The seat number to take in one interval: the web fills its share from the lowest numbers, staff channels from
    /// the highest, so the seats kept for staff stay free for them; staff over capacity go beyond the seats.
    /// </summary>
    internal static int ChooseNumber(IReadOnlySet<int> used, BookingChannels channel, int seats, int keptForStaff, bool overCapacity)
    {
        if (overCapacity)
        {
            var number = seats + 1;
            while (used.Contains(number))
            {
                number++;
            }

            return number;
        }

        if (channel == BookingChannels.Web)
        {
            return Enumerable.Range(1, Math.Max(0, seats - keptForStaff)).FirstOrDefault(n => !used.Contains(n), seats - keptForStaff);
        }

        return Enumerable.Range(1, seats).Reverse().FirstOrDefault(n => !used.Contains(n), seats);
    }

    /// <summary>
    /// Everything a booking needs to know before it looks at the seats, read in one query: the location's and the
    /// service's settings and texts, the person's coming bookings of the service, and the calendar's version.
    /// </summary>
    private sealed record Context(
        int LocationId, int ServiceId, int? Minutes, int IntervalMinutes, int Seats, int SeatsKeptForStaff, bool Offered,
        NoticeFacts Facts, int ActiveForPerson, long CalendarVersion);

    /// <summary>A time found free: the seats to add, and of the caller's own seats on that day those it keeps.</summary>
    private sealed record Plan(FreeTime Time, List<Seat> NewSeats, HashSet<Seat> Reused, List<Seat> Mine);

    /// <summary>
    /// The booking's <see cref="Context"/>, or null when the location or the service does not exist or is inactive.
    /// <paramref name="person"/>'s coming bookings of the service are counted when given (clients are held to a cap).
    /// </summary>
    private async Task<Context?> ContextAsync(int locationId, int serviceId, ClientDetails? person, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (code, email, phone) = (person?.PersonalCode, person?.Email, person?.Phone);
        var row = await (
                from l in db.Locations
                where l.Id == locationId && l.IsActive
                from s in db.Services
                where s.Id == serviceId && s.IsActive
                select new
                {
                    l.BookingIntervalMinutes, l.BookingSeats, l.SeatsKeptForStaff, PlaceLv = l.NameLv, PlaceEn = l.NameEn, l.Address, l.Room,
                    s.DurationMinutes, ServiceLv = s.NameLv, ServiceEn = s.NameEn, s.DocumentsLv, s.DocumentsEn,
                    Offered = s.Locations.Any(x => x.Id == locationId),
                    ActiveForPerson = db.Appointments.Count(a =>
                        a.ServiceId == serviceId && a.Status == AppointmentStatus.Booked && a.StartsAtUtc > now
                        && ((code != null && a.PersonalCode == code) || (email != null && a.Email == email) || (phone != null && a.Phone == phone))),
                    // Through Select: a bare LongCount() of a set would be run by EF as a query of its own first.
                    CalendarVersion = db.CalendarChanges.Select(c => c.Id).LongCount(),
                })
            .AsNoTracking()
            .FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new Context(
                locationId, serviceId, row.DurationMinutes, row.BookingIntervalMinutes, row.BookingSeats, row.SeatsKeptForStaff, row.Offered,
                new NoticeFacts(row.ServiceLv, row.ServiceEn, row.DocumentsLv, row.DocumentsEn, row.PlaceLv, row.PlaceEn, row.Address, row.Room),
                row.ActiveForPerson, row.CalendarVersion);
    }

    private static BookingOutcome? NotBookable(Context? context) => context switch
    {
        null or { Offered: false } => new BookingOutcome.NotBookable("The service is not offered at this location."),
        { Minutes: null } => new BookingOutcome.NotBookable("The service has no duration set yet, so it cannot be booked online."),
        _ => null,
    };

    private BookingSettings Settings(Context context, bool byStaff, bool overCapacity) => new(
        context.IntervalMinutes,
        overCapacity ? int.MaxValue / 2 : context.Seats,
        overCapacity ? 0 : context.SeatsKeptForStaff,
        byStaff ? TimeSpan.Zero : Policy.MinimumNotice,
        Policy.HorizonDays);

    /// <summary>
    /// Finds the time free for this caller (its <paramref name="own"/> seats count as free), and chooses a seat
    /// number in every interval it covers. Expired holds on the day are deleted in the same save.
    /// </summary>
    private async Task<Plan?> PlanAsync(
        Context context, DateOnly date, TimeOnly start, int machines, BookingChannels channel, bool byStaff, bool overCapacity, Func<Seat, bool> own, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Read without tracking: a busy day has hundreds of seats, and only the caller's own and the lapsed holds change.
        var seats = await db.Seats.AsNoTracking().Where(s => s.LocationId == context.LocationId && s.Date == date).ToListAsync(ct);
        bool Lapsed(Seat s) => s.ExpiresAtUtc is { } expires && expires <= now.UtcDateTime;
        var mine = seats.Where(own).Select(Tracked).ToList();
        var expired = seats.Where(s => !own(s) && Lapsed(s)).Select(Tracked).ToList();
        var others = seats.Where(s => !own(s) && !Lapsed(s)).ToList();

        var calendar = await calendars.GetAsync(db, context.CalendarVersion, ct);
        var day = Availability.Compute(
            calendar,
            new AvailabilityRequest(context.LocationId, context.Minutes!.Value, machines, date, date, channel, Settings(context, byStaff, overCapacity)),
            others.GroupBy(s => (s.Date, s.Start)).ToDictionary(g => g.Key, g => g.Count()),
            now).FirstOrDefault();
        if (day?.Times.FirstOrDefault(t => t.Start == start) is not { } time)
        {
            return null;
        }

        db.Seats.RemoveRange(expired);
        var plan = new Plan(time, [], [], mine);
        var interval = TimeSpan.FromMinutes(context.IntervalMinutes);
        for (var unit = time.Start; unit < time.End; unit = unit.Add(interval))
        {
            if (mine.FirstOrDefault(s => s.Start == unit && !plan.Reused.Contains(s)) is { } kept)
            {
                plan.Reused.Add(kept);
            }
            else
            {
                var used = others.Where(s => s.Start == unit).Select(s => s.Number).ToHashSet();
                plan.NewSeats.Add(new Seat
                {
                    LocationId = context.LocationId,
                    Date = date,
                    Start = unit,
                    Number = ChooseNumber(used, channel, context.Seats, context.SeatsKeptForStaff, overCapacity),
                });
            }

            if (unit.Add(interval) < unit)
            {
                break;
            }
        }

        return plan;
    }

    /// <summary>The tracked instance of a seat read without tracking: the one already tracked (a moved appointment's own), or this one attached.</summary>
    private Seat Tracked(Seat seat) => db.Seats.Local.FindEntry(seat.Id)?.Entity ?? db.Seats.Attach(seat).Entity;

    /// <summary>Puts the appointment at the planned time on its seats: kept seats become the appointment's, new ones are added.</summary>
    private void Place(Appointment appointment, Plan plan)
    {
        appointment.Date = plan.Time.Date;
        appointment.Start = plan.Time.Start;
        appointment.End = plan.Time.End;
        appointment.StartsAtUtc = plan.Time.StartsAt.UtcDateTime;
        foreach (var seat in plan.Reused)
        {
            seat.HoldId = null;
            seat.ExpiresAtUtc = null;
            if (!appointment.Seats.Contains(seat))
            {
                appointment.Seats.Add(seat);
            }
        }

        foreach (var seat in plan.NewSeats)
        {
            appointment.Seats.Add(seat);
        }

        // The caller's own seats the new time does not cover (a hold or an earlier time) are given back.
        foreach (var seat in plan.Mine.Where(s => !plan.Reused.Contains(s)))
        {
            appointment.Seats.Remove(seat);
            db.Seats.Remove(seat);
        }
    }

    /// <summary>
    /// What moving and cancelling start with: the appointment (tracked, with its seats, on a clean context), or why
    /// it cannot be changed — it does not exist, is no longer booked, or it is too late for the client to change it.
    /// </summary>
    private async Task<(Appointment? Appointment, BookingOutcome? Refusal)> ChangeableAsync(int appointmentId, ChangedBy by, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var appointment = await db.Appointments.Include(a => a.Seats).SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is null)
        {
            return (null, new BookingOutcome.NotBookable("No such appointment."));
        }

        if (appointment.Status != AppointmentStatus.Booked)
        {
            return (null, new BookingOutcome.NotActive(appointment.Status));
        }

        var cutoff = ClientCutoff(appointment);
        if (!by.IsStaff && clock.GetUtcNow() >= cutoff)
        {
            return (null, new BookingOutcome.TooLate(cutoff));
        }

        return (appointment, null);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || AdminSupport.IsUniqueViolation(exception))
        {
            // Someone took a seat, cleared an expired hold or changed the appointment between our read and our save.
            return false;
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();


    private static string NewReference() =>
        string.Create(8, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
            }
        });
}
