using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;

namespace ClientDesk.Tests.Catalogue;

public sealed class CatalogueApiTests
{
    private static readonly string[] StandardLocations = ["riga", "valmiera", "gulbene", "aluksne", "balvi", "valka", "limbazi", "madona"];

    [Theory, Providers]
    public async Task The_locations_list_has_every_location_the_standard_names(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var locations = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/locations", TestContext.Current.CancellationToken);

        var slugs = locations!.Select(l => l.GetProperty("slug").GetString()).ToList();
        Assert.All(StandardLocations, slug => Assert.Contains(slug, slugs));
        foreach (var field in new[] { "slug", "name", "region", "premises", "address", "phone" })
        {
            Assert.All(locations!, l => Assert.True(l.TryGetProperty(field, out _), $"A location has no '{field}'."));
        }
    }

    [Theory, Providers]
    public async Task A_location_by_slug_shows_its_facts_and_unknown_facts_stay_empty(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var riga = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/riga", ct);
        var valka = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/valka", ct);

        Assert.Equal("Republikas laukums 2, Rīga, LV-1010", riga.GetProperty("address").GetString());
        Assert.Equal("614", riga.GetProperty("room").GetString());
        Assert.Equal("unifiedClientServiceCentre", valka.GetProperty("premises").GetString());
        Assert.Equal(JsonValueKind.Null, valka.GetProperty("address").ValueKind);
        Assert.True(valka.GetProperty("needsReview").GetBoolean());
    }

    [Theory, Providers]
    public async Task An_unknown_location_or_service_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        foreach (var url in new[] { "/api/v1/locations/atlantis", "/api/v1/services/moon-landing" })
        {
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory, Providers]
    public async Task Services_carry_their_channels_on_site_flag_and_locations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var services = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/services", ct);
        var inspection = await client.GetFromJsonAsync<JsonElement>("/api/v1/services/technical-inspection", ct);
        var sprayers = await client.GetFromJsonAsync<JsonElement>("/api/v1/services/aal-inspection", ct);

        var codes = services!.Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Subset(codes.ToHashSet(), new HashSet<string?>
        {
            "registration", "re-registration", "deregistration", "technical-inspection", "aal-inspection",
            "theory-exam-traffic", "theory-exam-safety", "practical-exam", "licence-issue", "licence-replacement",
        });
        Assert.True(inspection.GetProperty("onSite").GetBoolean());
        Assert.Contains("eServicePortal", inspection.GetProperty("requestChannels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["inPerson"], inspection.GetProperty("receiveChannels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["aluksne", "jelgava", "kuldiga", "limbazi", "ludza"], sprayers.GetProperty("locations").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(21m, sprayers.GetProperty("fees")[0].GetProperty("vatPercent").GetDecimal());
    }

    [Theory, Providers]
    public async Task The_OpenAPI_document_describes_the_catalogue(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/locations/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/services/{code}", out _));
    }

    [Theory, Providers]
    public async Task The_browsable_API_reference_is_served_from_this_site(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var page = await client.GetStringAsync("/api/", ct);
        var script = await client.GetAsync("/api/scalar.js", ct);

        Assert.Contains("ClientDesk API", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
