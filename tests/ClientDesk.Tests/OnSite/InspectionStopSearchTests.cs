using System.Net;
using System.Text.Json;
using ClientDesk.Data;
using ClientDesk.OnSite.Schedule;
using ClientDesk.Tests.Infrastructure;
using static ClientDesk.Tests.OnSite.ScheduleTestData;

namespace ClientDesk.Tests.OnSite;

/// <summary>Finding stops by dates, region and distance: the API, the public page, the printable list and the town gazetteer.</summary>
public sealed class InspectionStopSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static IEnumerable<string> Places(JsonElement list) => list.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("place").GetString()!);

    [Theory, Providers]
    public async Task The_api_finds_stops_by_dates_and_region_in_time_order_with_the_fee_per_client(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedSpringAsync(app);
        var client = app.CreateBrowserClient();

        var april = await GetJsonAsync(client, "/api/v1/inspection-stops?from=2026-04-14&to=2026-04-30");
        Assert.Equal(["Vecpiebalga", "Drabeši", "Kocēni", "Nirza"], Places(april));
        Assert.Equal(10.00m, april.GetProperty("travelFeeEur").GetDecimal());
        var first = april.GetProperty("stops")[0];
        Assert.Equal(("2026-04-14", "09:00", "10:00", "vidzeme", "Cēsu novads", "pie pagasta pārvaldes"),
            (first.GetProperty("date").GetString(), first.GetProperty("start").GetString(), first.GetProperty("end").GetString(),
             first.GetProperty("region").GetProperty("slug").GetString(), first.GetProperty("municipality").GetString(), first.GetProperty("whereExactly").GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("distanceKm").ValueKind);

        Assert.Equal(["Vecpiebalga", "Drabeši", "Kocēni"], Places(await GetJsonAsync(client, "/api/v1/inspection-stops?from=2026-04-01&to=2026-06-30&region=vidzeme")));
        Assert.Equal(["Alsunga"], Places(await GetJsonAsync(client, "/api/v1/inspection-stops?from=2026-05-01&to=2026-05-31")));

        // Without dates: from today (17 March) for 90 days.
        var defaults = await GetJsonAsync(client, "/api/v1/inspection-stops");
        Assert.Equal(("2026-03-17", "2026-06-15"), (defaults.GetProperty("from").GetString(), defaults.GetProperty("to").GetString()));
        Assert.Equal(5, defaults.GetProperty("stops").GetArrayLength());
    }

    [Theory, Providers]
    public async Task The_api_sorts_by_distance_from_near_with_stops_without_a_point_last(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedSpringAsync(app);

        // Cēsis: Kocēni is about 24 km away, Vecpiebalga about 43 km, Nirza and Alsunga far; Drabeši has no point.
        var near = await GetJsonAsync(app.CreateBrowserClient(), "/api/v1/inspection-stops?from=2026-04-01&to=2026-06-30&near=57.312,25.275");
        Assert.Equal(["Kocēni", "Vecpiebalga", "Nirza", "Alsunga", "Drabeši"], Places(near));
        var distances = near.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("distanceKm")).ToList();
        Assert.InRange(distances[0].GetDouble(), 20, 30);
        Assert.InRange(distances[1].GetDouble(), 38, 48);
        Assert.Equal(JsonValueKind.Null, distances[4].ValueKind);
        Assert.Equal(57.312, near.GetProperty("near").GetProperty("latitude").GetDouble());
    }

    [Theory, Providers]
    public async Task The_api_answers_400_with_a_problem_code_for_bad_dates_ranges_points_and_regions(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        (string Query, string Code)[] cases =
        [
            ("from=14.04.2026", "badDate"), ("to=2026-02-30", "badDate"), ("from=2026-05-01&to=2026-04-01", "badRange"),
            ("from=2026-01-01&to=2027-01-02", "rangeTooLong"), ("near=57.3", "badNear"), ("near=abc,25", "badNear"), ("near=95,25", "badNear"),
            ("near=57,3,25,2", "badNear"), ("region=kurzme", "unknownRegion"),
        ];

        foreach (var (query, code) in cases)
        {
            var response = await client.GetAsync($"/api/v1/inspection-stops?{query}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        var openApi = await client.GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/v1/inspection-stops", openApi);
        Assert.Contains("FindInspectionStops", openApi);
    }

    [Theory, Providers]
    public async Task The_public_page_finds_stops_near_a_typed_town_or_a_stops_own_place_and_by_region(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedSpringAsync(app);
        var client = app.CreateBrowserClient();

        var byTown = WebUtility.HtmlDecode(await client.GetStringAsync("/inspection-stops?from=2026-04-01&to=2026-06-30&town=cesis", Ct));
        Assert.Contains("Vietas sakārtotas pēc attāluma no: cesis.", byTown);
        Assert.True(byTown.IndexOf("Kocēni", StringComparison.Ordinal) < byTown.IndexOf("Vecpiebalga", StringComparison.Ordinal));
        Assert.True(byTown.IndexOf("Vecpiebalga", StringComparison.Ordinal) < byTown.IndexOf("Alsunga", StringComparison.Ordinal));
        Assert.Contains("Aptuveni 24 km taisnā līnijā", byTown);
        Assert.Contains("Pierakstīties nevajag", byTown);
        Assert.Contains("10,00 EUR katram klientam", byTown);
        Assert.Contains("Derīga OCTA polise", byTown);
        Assert.Contains("<svg", byTown);

        // A parish only the schedule knows: its own stop is nearest.
        var byPlace = WebUtility.HtmlDecode(await client.GetStringAsync("/inspection-stops?from=2026-04-01&to=2026-06-30&town=NIRZA", Ct));
        Assert.Contains("Aptuveni 0,0 km taisnā līnijā", byPlace);

        var unknown = WebUtility.HtmlDecode(await client.GetStringAsync("/inspection-stops?from=2026-04-01&to=2026-06-30&town=Atlantīda", Ct));
        Assert.Contains("Vietu “Atlantīda” mēs nepazīstam", unknown);
        Assert.Contains("Atrastas vietas: 5", unknown);

        var latgale = WebUtility.HtmlDecode(await app.CreateBrowserClient("en").GetStringAsync("/inspection-stops?from=2026-04-01&to=2026-06-30&region=latgale", Ct));
        Assert.Contains("Stops found: 1", latgale);
        Assert.Contains("Thursday 16 April 2026", latgale);
        Assert.DoesNotContain("Vecpiebalga", latgale);

        var byPosition = WebUtility.HtmlDecode(await client.GetStringAsync("/inspection-stops?from=2026-04-01&to=2026-06-30&lat=56,95&lon=21,6", Ct));
        Assert.Contains("Vietas sakārtotas pēc attāluma no jūsu atrašanās vietas.", byPosition);
        Assert.True(byPosition.IndexOf("Alsunga", StringComparison.Ordinal) < byPosition.IndexOf("Kocēni", StringComparison.Ordinal));

        var bad = WebUtility.HtmlDecode(await client.GetStringAsync("/inspection-stops?from=2026-05-01&to=2026-04-01", Ct));
        Assert.Contains("Datums “līdz” ir pirms datuma “no”.", bad);
    }

    [Theory, Providers]
    public async Task The_printable_list_of_a_region_groups_its_stops_by_date(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedSpringAsync(app);
        var client = app.CreateBrowserClient();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/inspection-stops/print?region=vidzeme&from=2026-04-01&to=2026-06-30", Ct));
        Assert.Contains("Traktortehnikas apskates izbraukumā: Vidzeme", page);
        Assert.Equal(2, page.Split("<section class=\"schedule-print-day\">").Length - 1);
        Assert.True(page.IndexOf("Vecpiebalga", StringComparison.Ordinal) < page.IndexOf("Drabeši", StringComparison.Ordinal));
        Assert.True(page.IndexOf("Drabeši", StringComparison.Ordinal) < page.IndexOf("Kocēni", StringComparison.Ordinal));
        Assert.DoesNotContain("Nirza", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/inspection-stops/print?region=atlantida", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("Cēsis", 57.312)]
    [InlineData("cesis", 57.312)]
    [InlineData("  CĒSIS ", 57.312)]
    [InlineData("Cēsu novads", 57.312)]
    [InlineData("cesu novads", 57.312)]
    [InlineData("Ludzas", 56.547)]
    [InlineData("Augšdaugavas novads", 55.875)]
    [InlineData("Adazi", 57.075)]
    [InlineData("Ropažu novads", 56.939)]
    public void The_gazetteer_finds_towns_and_municipalities_whatever_the_case_and_diacritics(string typed, double latitude)
    {
        Assert.Equal(latitude, ScheduleGazetteer.Find(typed)!.Value.Lat);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Atlantīda")]
    [InlineData("Cēsu pagasts")]
    public void The_gazetteer_knows_nothing_of_places_it_has_not_got(string typed) => Assert.Null(ScheduleGazetteer.Find(typed));
}
