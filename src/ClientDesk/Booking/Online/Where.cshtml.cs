using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Booking.Online;

/// <summary>
/// Step 2: where. Locations that offer the service; nearest first when the client names a town (one of ours) or
/// shares their position (the browser asks; nothing is stored).
/// </summary>
public sealed class WhereModel(OnlineBooking booking) : PageModel
{
    public BookableService Service { get; private set; } = null!;

    public IReadOnlyList<(BookableLocation Location, double? Km)> Locations { get; private set; } = [];

    public IReadOnlyList<string> Towns { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Town { get; set; }

    public bool TownUnknown { get; private set; }

    public bool ByPosition { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? service, string? lat, string? lon, CancellationToken ct)
    {
        if (await booking.ServiceAsync(service, ct) is not { HasDuration: true } found)
        {
            return NotFound();
        }

        Service = found;
        var locations = await booking.LocationsAsync(found.Id, ct);
        Towns = [.. LatvianTowns.Names.Order(StringComparer.Create(new CultureInfo("lv"), ignoreCase: true))];
        (double Lat, double Lon)? origin = null;
        if (double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180)
        {
            origin = (latitude, longitude);
            ByPosition = true;
        }
        else if (!string.IsNullOrWhiteSpace(Town))
        {
            origin = LatvianTowns.Find(Town) ?? locations.Where(l => string.Equals(l.Slug, Town.Trim(), StringComparison.OrdinalIgnoreCase)).Select(Where).FirstOrDefault();
            TownUnknown = origin is null;
        }

        Locations = origin is { } from
            ? [.. locations
                .Select(l => (l, Where(l) is { } at ? (double?)OnlineBooking.DistanceKm(from.Lat, from.Lon, at.Lat, at.Lon) : null))
                .OrderBy(x => x.Item2 ?? double.MaxValue)]
            : [.. locations.Select(l => (l, (double?)null))];
        return Page();
    }

    /// <summary>The location's own coordinates when an administrator set them, else the centre of its town.</summary>
    private static (double Lat, double Lon)? Where(BookableLocation location) =>
        location is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : LatvianTowns.Find(location.NameLv.Split(' ')[0]);
}
