namespace ClientDesk.OnSite.Planning;

/// <summary>A place to visit: its id and, when known, its point.</summary>
public sealed record StopPlace(int Id, double? Latitude, double? Longitude)
{
    public bool HasPoint => Latitude is not null && Longitude is not null;
}

/// <summary>
/// The automatic order of a round (ADR 012): nearest neighbour from the office by great-circle distance — no map
/// service needed, and good enough for a handful of farms that the inspector then reorders by what they know.
/// Places without a point go last, in the order given. When the office has no point, the drive starts at the first
/// place that has one.
/// </summary>
public static class StopOrder
{
    private const double EarthRadiusKm = 6371.0;

    public static IReadOnlyList<int> NearestNeighbour(double? startLatitude, double? startLongitude, IReadOnlyList<StopPlace> places)
    {
        var left = places.Where(p => p.HasPoint).ToList();
        var order = new List<int>(places.Count);
        (double Lat, double Lon)? here = startLatitude is { } lat && startLongitude is { } lon ? (lat, lon) : null;
        while (left.Count > 0)
        {
            var next = here is { } from
                ? left.OrderBy(p => DistanceKm(from.Lat, from.Lon, p.Latitude!.Value, p.Longitude!.Value)).First()
                : left[0];
            order.Add(next.Id);
            left.Remove(next);
            here = (next.Latitude!.Value, next.Longitude!.Value);
        }

        order.AddRange(places.Where(p => !p.HasPoint).Select(p => p.Id));
        return order;
    }

    /// <summary>The great-circle (haversine) distance in kilometres.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>How the default arrival windows are proposed: set out at a time, drive, spend minutes per machine, drive on.</summary>
public sealed record WindowProposal(TimeOnly Start, int MinutesPerMachine, int TravelMinutes, int WindowMinutes)
{
    public static readonly WindowProposal Default = new(new TimeOnly(9, 0), 30, 30, 60);

    /// <summary>Windows for stops with these machine counts, in order. A day that runs late is kept before midnight.</summary>
    public IReadOnlyList<(TimeOnly From, TimeOnly To)> For(IReadOnlyList<int> machines)
    {
        var windows = new List<(TimeOnly, TimeOnly)>(machines.Count);
        var latestFrom = new TimeOnly(23, 59).AddMinutes(-WindowMinutes);
        var minutes = Start.Hour * 60 + Start.Minute + TravelMinutes;
        foreach (var count in machines)
        {
            var from = minutes >= latestFrom.Hour * 60 + latestFrom.Minute ? latestFrom : new TimeOnly(minutes / 60, minutes % 60);
            windows.Add((from, from.AddMinutes(WindowMinutes)));
            minutes += Math.Max(1, count) * MinutesPerMachine + TravelMinutes;
        }

        return windows;
    }
}
