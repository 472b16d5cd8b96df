using System.Globalization;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.OnSite.Schedule;

/// <summary>GET /api/v1/inspection-stops: the published mobile inspection schedule, public and read-only.</summary>
internal static class ScheduleApi
{
    public static RouteGroupBuilder MapInspectionStopApi(this RouteGroupBuilder api)
    {
        api.MapGet("/inspection-stops", Find).WithName("FindInspectionStops").WithTags("Inspection schedule")
            .WithSummary("Stops of the mobile inspection schedule, by dates, region and nearness.")
            .WithDescription(
                $"`from` and `to` are dates (YYYY-MM-DD, inclusive; default: today and 90 days later), at most {InspectionSchedule.MaxDays} days apart. "
                + "`region` is a region's slug (`riga`, `vidzeme`, `kurzeme`, `zemgale`, `latgale`; see GET /api/v1/regions where available). "
                + "`near` is a point `latitude,longitude` in decimal degrees with a dot, e.g. `56.95,24.11`: the stops then come nearest first, each "
                + "with `distanceKm` (great-circle, rounded to 0.1 km; stops without coordinates last). Without `near` they come by date and start "
                + "time. Anyone may come to a stop without booking; the travel fee of a scheduled place is per client. Times are local in Europe/Riga. "
                + "Bad input is 400 with a problem `code`: `badDate`, `badRange`, `rangeTooLong`, `badNear`, `unknownRegion`.")
            .Produces<StopList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> Find(
        string? from, string? to, string? near, string? region, ClientDeskDb db, InspectionSchedule schedule, TimeProvider clock, CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        if (!TryDate(from, today, out var first))
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad date", $"'from' must be a date written as YYYY-MM-DD, such as {StopValues.Iso(today)}.", "badDate");
        }

        if (!TryDate(to, first.AddDays(90), out var last))
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad date", $"'to' must be a date written as YYYY-MM-DD, such as {StopValues.Iso(first.AddDays(90))}.", "badDate");
        }

        if (last < first)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad range", "'to' must not be earlier than 'from'.", "badRange");
        }

        if (last.DayNumber - first.DayNumber + 1 > InspectionSchedule.MaxDays)
        {
            return Problem(StatusCodes.Status400BadRequest, "Range too long",
                $"Ask for at most {InspectionSchedule.MaxDays} days at a time; {StopValues.Iso(first)} to {StopValues.Iso(last)} is {last.DayNumber - first.DayNumber + 1} days.", "rangeTooLong");
        }

        (double Lat, double Lon)? point = null;
        if (near is not null)
        {
            if (!TryPoint(near, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, "Bad point",
                    "'near' must be 'latitude,longitude' in decimal degrees with a dot, latitude -90 to 90 and longitude -180 to 180, such as 56.95,24.11.", "badNear");
            }

            point = parsed;
        }

        int? regionId = null;
        if (!string.IsNullOrEmpty(region))
        {
            var slug = region.Trim().ToLowerInvariant();
            var found = await db.Regions.AsNoTracking().Where(r => r.Slug == slug).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                var known = string.Join(", ", await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Slug).ToListAsync(ct));
                return Problem(StatusCodes.Status400BadRequest, "Unknown region", $"There is no region '{region}'. Regions: {known}.", "unknownRegion");
            }

            regionId = found;
        }

        var stops = await schedule.FindAsync(first, last, regionId, point, ct);
        return TypedResults.Ok(new StopList(
            StopValues.Iso(first), StopValues.Iso(last), point is { } p ? new Point(p.Lat, p.Lon) : null,
            await schedule.SchedulePlaceFeeAsync(ct),
            [.. stops.Select(f => new StopItem(
                f.Stop.Id, StopValues.Iso(f.Stop.Date), f.Stop.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                f.Stop.EndTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                new RegionItem(f.Stop.Region.Slug, f.Stop.Region.NameLv, f.Stop.Region.NameEn),
                f.Stop.Municipality, f.Stop.PlaceName, f.Stop.WhereExactly, f.Stop.Latitude, f.Stop.Longitude, f.Stop.NoteLv, f.Stop.NoteEn, f.DistanceKm))]));
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryPoint(string text, out (double Lat, double Lon) point)
    {
        point = default;
        var parts = text.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lon)
            || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return false;
        }

        point = (lat, lon);
        return true;
    }

    /// <summary>The answer: the range asked for, the point, the travel fee of a scheduled place per client (null when not known) and the stops.</summary>
    public sealed record StopList(string From, string To, Point? Near, decimal? TravelFeeEur, IReadOnlyList<StopItem> Stops);

    public sealed record Point(double Latitude, double Longitude);

    public sealed record RegionItem(string Slug, string NameLv, string NameEn);

    /// <summary>One stop; `start` and `end` are HH:mm local time; `distanceKm` only when `near` was given.</summary>
    public sealed record StopItem(
        int Id, string Date, string Start, string End, RegionItem Region, string Municipality, string Place, string? WhereExactly,
        double? Latitude, double? Longitude, string? NoteLv, string? NoteEn, double? DistanceKm);
}
