using System.Globalization;
using ClientDesk.Catalogue;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.OnSite.Schedule.Public;

/// <summary>
/// The public schedule (issue 7 point 3): stops by dates, region and nearness to a typed town or the browser's
/// position. Works without JavaScript; the position button and the map are extras.
/// </summary>
public sealed class FindModel(InspectionSchedule schedule, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lon { get; set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<string> Towns { get; private set; } = [];
    public IReadOnlyList<FoundStop> Stops { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public bool TownUnknown { get; private set; }
    public bool ByPosition { get; private set; }
    public bool ByTown { get; private set; }
    public decimal? Fee { get; private set; }
    public string[] Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        Regions = await schedule.RegionsAsync(ct);
        Towns = [.. ScheduleGazetteer.Names];
        Fee = await schedule.SchedulePlaceFeeAsync(ct);
        var (documentsLv, documentsEn) = await schedule.InspectionDocumentsAsync(ct);
        Documents = Localization.Pick(documentsLv ?? "", documentsEn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var first = today;
        var last = today.AddDays(90);
        if (!string.IsNullOrEmpty(From) && !StopValues.TryDate(From, out first))
        {
            Errors.Add("Search.FromBad");
        }

        if (!string.IsNullOrEmpty(To) && !StopValues.TryDate(To, out last))
        {
            Errors.Add("Search.ToBad");
        }
        else if (string.IsNullOrEmpty(To) && Errors.Count == 0)
        {
            last = first.AddDays(90);
        }

        if (Errors.Count == 0 && last < first)
        {
            Errors.Add("Search.ToBeforeFrom");
        }
        else if (Errors.Count == 0 && last.DayNumber - first.DayNumber + 1 > InspectionSchedule.MaxDays)
        {
            Errors.Add("Search.TooLong");
        }

        var region = Regions.FirstOrDefault(r => r.Slug == Region);
        (double Lat, double Lon)? near = null;
        if (StopValues.TryCoordinate(Lat, out var lat) && StopValues.TryCoordinate(Lon, out var lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
        {
            near = (lat, lon);
            ByPosition = true;
        }
        else if (!string.IsNullOrWhiteSpace(Lat) || !string.IsNullOrWhiteSpace(Lon))
        {
            Errors.Add("Search.PositionBad");
        }
        else if (!string.IsNullOrWhiteSpace(Town))
        {
            near = await schedule.PlaceAsync(Town, ct);
            TownUnknown = near is null;
            ByTown = near is not null;
        }

        if (Errors.Count > 0)
        {
            return;
        }

        From = StopValues.Iso(first);
        To = StopValues.Iso(last);
        Stops = await schedule.FindAsync(first, last, region?.Id, near, ct);
    }

    /// <summary>The stops' points on a simple outline of Latvia's extent, for the SVG map: x, y in a 0–1000 × 0–650 box.</summary>
    public static (double X, double Y) Plot(double latitude, double longitude) =>
        ((longitude - InspectionStop.MinLongitude) / (InspectionStop.MaxLongitude - InspectionStop.MinLongitude) * 1000,
         (InspectionStop.MaxLatitude - latitude) / (InspectionStop.MaxLatitude - InspectionStop.MinLatitude) * 650);

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
