using System.Globalization;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking.Online;

/// <summary>A service a client may book on the web, with what it needs to be shown.</summary>
public sealed record BookableService(int Id, string Code, string NameLv, string NameEn, string DescriptionLv, string DescriptionEn, int? DurationMinutes)
{
    public bool HasDuration => DurationMinutes is not null;

    public bool CountsMachines => OnlineBooking.CountsMachines(Code);
}

public sealed record BookableLocation(int Id, string Slug, string NameLv, string NameEn, string? Address, string? Room, string? Phone, double? Latitude, double? Longitude);

/// <summary>
/// What the public booking pages share: the services and locations one may book, the form ticket that keeps bots
/// out without a third-party service, and the cookie that lets one browser hold one time at a time.
/// </summary>
public sealed class OnlineBooking(ClientDeskDb db, IDataProtectionProvider protection, IOptions<BookingOptions> options, TimeProvider clock)
{
    public const string HoldCookie = "cd-hold";
    public const int MaxMachines = 20;

    /// <summary>Services about machines take longer with each machine brought; exams and business services are one visit per person.</summary>
    public static bool CountsMachines(string serviceCode) =>
        ServiceGroups.GroupOf(serviceCode) is "Group.Machinery" or "Group.Inspections" or ServiceGroups.Other;

    private readonly IDataProtector tickets = protection.CreateProtector("ClientDesk.Booking.FormTicket");

    /// <summary>Services offered in person at some location: those with a duration can be booked here.</summary>
    public async Task<IReadOnlyList<BookableService>> ServicesAsync(CancellationToken ct) =>
        await db.Services.AsNoTracking()
            .Where(s => s.IsActive && s.Locations.Any(l => l.IsActive))
            .OrderBy(s => s.DurationMinutes == null).ThenBy(s => s.Id)
            .Select(s => new BookableService(s.Id, s.Code, s.NameLv, s.NameEn, s.DescriptionLv, s.DescriptionEn, s.DurationMinutes))
            .ToListAsync(ct);

    public async Task<BookableService?> ServiceAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 60
            ? null
            : await db.Services.AsNoTracking()
                .Where(s => s.Code == code && s.IsActive)
                .Select(s => new BookableService(s.Id, s.Code, s.NameLv, s.NameEn, s.DescriptionLv, s.DescriptionEn, s.DurationMinutes))
                .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<BookableLocation>> LocationsAsync(int serviceId, CancellationToken ct) =>
        await db.Locations.AsNoTracking()
            .Where(l => l.IsActive && l.Services.Any(s => s.Id == serviceId))
            .OrderBy(l => l.NameLv)
            .Select(l => new BookableLocation(l.Id, l.Slug, l.NameLv, l.NameEn, l.Address, l.Room, l.Phone, l.Latitude, l.Longitude))
            .ToListAsync(ct);

    public async Task<BookableLocation?> LocationAsync(int serviceId, string? slug, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(slug) || slug.Length > 60
            ? null
            : await db.Locations.AsNoTracking()
                .Where(l => l.Slug == slug && l.IsActive && l.Services.Any(s => s.Id == serviceId))
                .Select(l => new BookableLocation(l.Id, l.Slug, l.NameLv, l.NameEn, l.Address, l.Room, l.Phone, l.Latitude, l.Longitude))
                .FirstOrDefaultAsync(ct);

    /// <summary>A signed note of when the form was shown; a form sent back sooner than a person could type is refused.</summary>
    public string IssueTicket() => tickets.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the ticket is ours, not older than a day, and the form took at least the minimum time.</summary>
    public bool TicketIsHuman(string? ticket)
    {
        if (string.IsNullOrWhiteSpace(ticket) || ticket.Length > 1000)
        {
            return false;
        }

        try
        {
            var issued = new DateTimeOffset(long.Parse(tickets.Unprotect(ticket), CultureInfo.InvariantCulture), TimeSpan.Zero);
            var taken = clock.GetUtcNow() - issued;
            return taken >= options.Value.MinimumFormTime && taken <= TimeSpan.FromDays(1);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>Great-circle distance in kilometres, to put the nearest locations first.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return EarthRadiusKm * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
