using System.Security.Cryptography;
using System.Text;
using ClientDesk.Administration;
using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Booking;

/// <summary>Who the appointment is for, already checked by the page or the API that took it.</summary>
public sealed record ClientDetails(
    string Name, string? Phone, string? Email, string? PersonalCode = null, string? CompanyNumber = null, string Language = "lv", string? Note = null);

/// <summary>
/// A booking asked for. <paramref name="StaffId"/> is set when staff book for a client through another channel;
/// <paramref name="OverCapacityReason"/> lets staff book beyond the location's seats, with the reason audited.
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
    string? OverCapacityReason = null);

/// <summary>What became of a booking: an expected outcome, never an exception.</summary>
public abstract record BookingOutcome
{
    private BookingOutcome()
    {
    }

    /// <summary>Booked; <paramref name="ManageToken"/> is the secret of the client's manage link, shown once.</summary>
    public sealed record Booked(Appointment Appointment, string ManageToken) : BookingOutcome;

    /// <summary>Someone else took the time first, or it is not (or no longer) offered.</summary>
    public sealed record TimeNotFree : BookingOutcome;

    /// <summary>The service cannot be booked here at all (not offered, no duration set, inactive).</summary>
    public sealed record NotBookable(string Why) : BookingOutcome;
}

/// <summary>
/// Books appointments (ADR 008): checks the time against the availability the client was shown, then stores the
/// appointment and one <see cref="Seat"/> per interval it covers in one save. The unique index on seats is the last
/// word: when two people take the last place at once, one save fails, is retried on fresh data and finds no place.
/// </summary>
public sealed class Bookings(ClientDeskDb db, CalendarStore calendars, TimeProvider clock)
{
    private const int Attempts = 3;
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>How soon and how far ahead clients may book (the staff channels are not held to the notice).</summary>
    public static TimeSpan MinimumNotice { get; } = TimeSpan.FromHours(2);

    public const int HorizonDays = 60;

    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct = default)
    {
        var location = await db.Locations.AsNoTracking()
            .Where(l => l.Id == request.LocationId && l.IsActive)
            .Select(l => new { l.Id, l.BookingIntervalMinutes, l.BookingSeats, l.SeatsKeptForStaff })
            .FirstOrDefaultAsync(ct);
        var service = await db.Services.AsNoTracking()
            .Where(s => s.Id == request.ServiceId && s.IsActive)
            .Select(s => new { s.Id, s.DurationMinutes, OfferedHere = s.Locations.Any(l => l.Id == request.LocationId) })
            .FirstOrDefaultAsync(ct);
        if (location is null || service is null || !service.OfferedHere)
        {
            return new BookingOutcome.NotBookable("The service is not offered at this location.");
        }

        if (service.DurationMinutes is not { } minutes)
        {
            return new BookingOutcome.NotBookable("The service has no duration set yet, so it cannot be booked online.");
        }

        var overCapacity = request.StaffId is not null && !string.IsNullOrWhiteSpace(request.OverCapacityReason);
        var byStaff = request.StaffId is not null;
        var settings = new BookingSettings(
            location.BookingIntervalMinutes,
            overCapacity ? int.MaxValue / 2 : location.BookingSeats,
            overCapacity ? 0 : location.SeatsKeptForStaff,
            byStaff ? TimeSpan.Zero : MinimumNotice,
            HorizonDays);

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var seats = await db.Seats
                .Where(s => s.LocationId == request.LocationId && s.Date == request.Date)
                .ToListAsync(ct);
            var expired = seats.Where(s => s.ExpiresAtUtc is { } expires && expires <= now.UtcDateTime).ToList();
            var live = seats.Except(expired).ToList();
            var taken = live.GroupBy(s => (s.Date, s.Start)).ToDictionary(g => g.Key, g => g.Count());

            var calendar = await calendars.GetAsync(db, ct);
            var day = Availability.Compute(
                calendar,
                new AvailabilityRequest(request.LocationId, minutes, request.Machines, request.Date, request.Date, request.Channel, settings),
                taken,
                now).FirstOrDefault();
            var time = day?.Times.FirstOrDefault(t => t.Start == request.Start);
            if (time is null)
            {
                return new BookingOutcome.TimeNotFree();
            }

            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var appointment = new Appointment
            {
                Reference = NewReference(),
                ManageTokenHash = HashToken(token),
                LocationId = request.LocationId,
                ServiceId = request.ServiceId,
                Date = request.Date,
                Start = time.Start,
                End = time.End,
                StartsAtUtc = time.StartsAt.UtcDateTime,
                Machines = request.Machines,
                Channel = request.Channel,
                ClientName = request.Client.Name,
                Phone = request.Client.Phone,
                Email = request.Client.Email,
                PersonalCode = request.Client.PersonalCode,
                CompanyNumber = request.Client.CompanyNumber,
                Language = request.Client.Language,
                Note = request.Client.Note,
                BookedByStaffId = request.StaffId,
                OverCapacityReason = overCapacity ? request.OverCapacityReason!.Trim() : null,
                CreatedAtUtc = now.UtcDateTime,
            };

            var interval = TimeSpan.FromMinutes(location.BookingIntervalMinutes);
            for (var unit = time.Start; unit < time.End; unit = unit.Add(interval))
            {
                var used = live.Where(s => s.Start == unit).Select(s => s.Number).ToHashSet();
                appointment.Seats.Add(new Seat
                {
                    LocationId = request.LocationId,
                    Date = request.Date,
                    Start = unit,
                    Number = ChooseNumber(used, request.Channel, location.BookingSeats, location.SeatsKeptForStaff, overCapacity),
                });
                if (unit.Add(interval) < unit)
                {
                    break;
                }
            }

            db.Seats.RemoveRange(expired.Where(s => appointment.Seats.Any(n => n.Start == s.Start)));
            db.Appointments.Add(appointment);
            try
            {
                await db.SaveChangesAsync(ct);
                return new BookingOutcome.Booked(appointment, token);
            }
            catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || AdminSupport.IsUniqueViolation(exception))
            {
                // Someone took a seat (or cleared an expired hold) between our read and our save: read again.
            }
        }

        db.ChangeTracker.Clear();
        return new BookingOutcome.TimeNotFree();
    }

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

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewReference() =>
        string.Create(8, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
            }
        });
}
