using System.Globalization;
using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Booking.Desk;

/// <summary>A location a staff member may book and see appointments for.</summary>
public sealed record DeskLocation(int Id, string Slug, string Name);

/// <summary>A start time as the desk sees it: every time on the grid, with the places still free (0 = full).</summary>
public sealed record DeskTime(TimeOnly Start, TimeOnly End, int FreeSeats);

/// <summary>What the staff booking pages share: the member's locations, the desk's view of free times, wording.</summary>
internal static class Desk
{
    /// <summary>The channels staff book through (S-6); the web is the client's own.</summary>
    public static readonly BookingChannels[] StaffChannels =
    [
        BookingChannels.Phone, BookingChannels.InPerson, BookingChannels.Email, BookingChannels.Post,
        BookingChannels.EServicePortal, BookingChannels.LatvijaLv, BookingChannels.EAddress,
    ];

    public static string StaffId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in member has an id.");

    /// <summary>The active locations in the member's scope, in the user's language and name order.</summary>
    public static async Task<IReadOnlyList<DeskLocation>> LocationsAsync(ClientDeskDb db, StaffScope scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var visible = await scope.LocationIdsAsync(user, ct);
        var ids = visible?.ToArray() ?? [];
        var rows = await db.Locations.AsNoTracking()
            .Where(l => l.IsActive && (visible == null || ids.Contains(l.Id)))
            .Select(l => new { l.Id, l.Slug, l.NameLv, l.NameEn })
            .ToListAsync(ct);
        return [.. rows.Select(l => new DeskLocation(l.Id, l.Slug, Localization.Pick(l.NameLv, l.NameEn))).OrderBy(l => l.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// Every start time on the grid of a day for a service at a location, as a staff channel sees it: all seats
    /// (including those kept for staff), no minimum notice, and the places still free — 0 for a full time, which staff
    /// may still give with an over-capacity reason. An appointment being moved counts its own seats as free.
    /// </summary>
    public static async Task<IReadOnlyList<DeskTime>?> TimesAsync(
        ClientDeskDb db, CalendarStore calendars, TimeProvider clock, BookingOptions policy,
        int locationId, int serviceId, int machines, DateOnly date, BookingChannels channel, int? movingAppointmentId, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == locationId && l.IsActive)
            .Select(l => new { l.BookingIntervalMinutes, l.BookingSeats }).FirstOrDefaultAsync(ct);
        var minutes = await db.Services.AsNoTracking()
            .Where(s => s.Id == serviceId && s.IsActive && s.Locations.Any(l => l.Id == locationId))
            .Select(s => s.DurationMinutes).FirstOrDefaultAsync(ct);
        if (location is null || minutes is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var taken = await db.Seats.AsNoTracking()
            .Where(s => s.LocationId == locationId && s.Date == date && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now.UtcDateTime)
                && (movingAppointmentId == null || s.AppointmentId != movingAppointmentId))
            .GroupBy(s => s.Start)
            .Select(g => new { Start = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var takenByInterval = taken.ToDictionary(t => (date, t.Start), t => t.Count);
        var calendar = await calendars.GetAsync(db, ct);
        AvailabilityRequest Request(int seats) => new(
            locationId, minutes.Value, machines, date, date, channel, new BookingSettings(location.BookingIntervalMinutes, seats, 0, TimeSpan.Zero, policy.HorizonDays));

        var free = Availability.Compute(calendar, Request(location.BookingSeats), takenByInterval, now)
            .SelectMany(d => d.Times).ToDictionary(t => t.Start, t => t.FreeSeats);
        return [.. Availability.Compute(calendar, Request(int.MaxValue / 2), new Dictionary<(DateOnly, TimeOnly), int>(), now)
            .SelectMany(d => d.Times)
            .Select(t => new DeskTime(t.Start, t.End, free.GetValueOrDefault(t.Start)))];
    }

    /// <summary>The channel a staff member books or moves under: the web's own bookings are moved as if by phone.</summary>
    public static BookingChannels StaffChannelFor(BookingChannels channel) => channel == BookingChannels.Web ? BookingChannels.Phone : channel;

    /// <summary>"otrdiena, 2026. gada 17. marts" / "Tuesday 17 March 2026".</summary>
    public static string Date(this IStringLocalizer<DeskTexts> d, DateOnly date)
    {
        var text = date.ToString(d["Format.Date"], CultureInfo.CurrentCulture);
        return Localization.IsEnglish || text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    public static string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2100;

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Channel(this IStringLocalizer<DeskTexts> d, BookingChannels channel) => d["Channel." + channel];

    public static string Status(this IStringLocalizer<DeskTexts> d, AppointmentStatus status) => d["Status." + status];

    /// <summary>An outcome that is not a success, as one sentence for the member.</summary>
    public static string Refusal(this IStringLocalizer<DeskTexts> d, BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.TimeNotFree => d["Outcome.TimeNotFree"],
        BookingOutcome.NotBookable => d["Outcome.NotBookable"],
        BookingOutcome.LimitReached limit => d["Outcome.LimitReached", limit.Limit],
        BookingOutcome.TooLate => d["Outcome.TooLate"],
        BookingOutcome.TooManyMoves moves => d["Outcome.TooManyMoves", moves.Limit],
        BookingOutcome.NotActive notActive => d["Outcome.NotActive", d.Status(notActive.Status)],
        _ => d["Outcome.Unknown"],
    };

    /// <summary>Staff names by id, for "who booked".</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(ClientDeskDb db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToArray();
        return wanted.Length == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.FirstName + " " + u.LastName, ct);
    }
}
