using ClientDesk.OnSite.Planning;

namespace ClientDesk.Tests.OnSite;

/// <summary>The automatic order of a round: nearest neighbour by great-circle distance, places without a point last.</summary>
public sealed class StopOrderTests
{
    // Valmiera office, and farms around it: Kocēni (north-west, near), Smiltene (east, farther), Cēsis (south).
    private const double ValmieraLat = 57.5384, ValmieraLon = 25.4264;
    private static readonly StopPlace Koceni = new(1, 57.5220, 25.3390);
    private static readonly StopPlace Smiltene = new(2, 57.4240, 25.9010);
    private static readonly StopPlace Cesis = new(3, 57.3119, 25.2707);
    private static readonly StopPlace NoPointA = new(4, null, null);
    private static readonly StopPlace NoPointB = new(5, null, null);

    public static TheoryData<string, double?, double?, StopPlace[], int[]> Cases => new()
    {
        { "from the office, the nearest first", ValmieraLat, ValmieraLon, [Smiltene, Cesis, Koceni], [1, 3, 2] },
        { "places without a point go last in the order given", ValmieraLat, ValmieraLon, [NoPointB, Smiltene, NoPointA, Koceni], [1, 2, 5, 4] },
        { "an office without a point starts at the first place with one", null, null, [Smiltene, Koceni, Cesis], [2, 1, 3] },
        { "only places without a point keep their order", null, null, [NoPointB, NoPointA], [5, 4] },
        { "no places, no stops", ValmieraLat, ValmieraLon, [], [] },
        { "one place is the whole round", ValmieraLat, ValmieraLon, [Cesis], [3] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stops_are_ordered_by_nearest_neighbour(string because, double? startLat, double? startLon, StopPlace[] places, int[] expected)
    {
        Assert.True(expected.SequenceEqual(StopOrder.NearestNeighbour(startLat, startLon, places)), because);
    }

    [Fact]
    public void The_great_circle_distance_from_Valmiera_to_Cesis_is_about_26_km()
    {
        var km = StopOrder.DistanceKm(ValmieraLat, ValmieraLon, Cesis.Latitude!.Value, Cesis.Longitude!.Value);
        Assert.InRange(km, 25, 28);
    }

    [Fact]
    public void Proposed_windows_follow_travel_and_minutes_per_machine()
    {
        var windows = new WindowProposal(new TimeOnly(9, 0), 30, 20, 60).For([2, 1, 3]);
        Assert.Equal([(new TimeOnly(9, 20), new TimeOnly(10, 20)), (new TimeOnly(10, 40), new TimeOnly(11, 40)), (new TimeOnly(11, 30), new TimeOnly(12, 30))], windows);
    }

    [Fact]
    public void A_day_that_runs_late_keeps_its_windows_before_midnight()
    {
        var windows = new WindowProposal(new TimeOnly(22, 0), 120, 60, 60).For([1, 1]);
        Assert.All(windows, w => Assert.True(w.From < w.To));
    }
}
