using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.OnSite;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Tests.OnSite.OnSiteTestData;

namespace ClientDesk.Tests.OnSite;

/// <summary>
/// POST and GET /api/v1/onsite-requests: with the portal's key or as the public web; 201 with the number, the status
/// token and the travel fee; a validation problem naming each bad field; a retry with the same Idempotency-Key answered
/// as the first time; the status only with the right token, with the plan and the inspector once planned.
/// </summary>
public sealed class OnSiteRequestApiTests
{
    private static JsonObject Body() => new()
    {
        ["service"] = "technical-inspection",
        ["office"] = "valmiera",
        ["address"] = "Z/s “Kalnieši”, Kocēnu pagasts",
        ["machines"] = 3,
        ["machinesDescription"] = "Divi traktori un piekabe",
        ["earliestDate"] = "2026-03-20",
        ["latestDate"] = "2026-04-10",
        ["weekdays"] = new JsonArray("monday", "friday"),
        ["name"] = "SIA Zemnieks",
        ["email"] = "birojs@zemnieks.lv",
        ["language"] = "en",
    };

    private static async Task<string> KeyAsync(TestApp app)
    {
        var key = ApiKeys.NewKey();
        await app.WithDbAsync(async db =>
        {
            db.ApiClients.Add(new ApiClient { Name = "E-pakalpojumu portāls", KeyPrefix = key[..ApiKeys.PrefixLength], KeyHash = ApiKeys.Hash(key), CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Ct);
        });
        return key;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? key = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/onsite-requests") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(ApiKeys.Header, key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Ct);
    }

    [Theory, Providers]
    public async Task The_portal_registers_a_request_and_gets_the_number_the_token_and_the_travel_fee(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await KeyAsync(app);
        var client = app.CreateClient();

        var body = Body();
        body["channel"] = "latvijaLv";
        var response = await PostAsync(client, body.ToJsonString(), key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/onsite-requests/IZ-2026-00001", response.Headers.Location!.OriginalString);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("IZ-2026-00001", (string?)json["number"]);
        Assert.Equal(30m, (decimal?)json["travelFee"]!["appliesEur"]);
        Assert.Equal(30m, (decimal?)json["travelFee"]!["clientAddressEur"]);
        Assert.Equal(10m, (decimal?)json["travelFee"]!["scheduleStopEur"]);
        Assert.True((bool?)json["travelFee"]!["perClient"]);
        var stored = Assert.Single(await RequestsAsync(app));
        Assert.Equal((OnSiteChannel.LatvijaLv, 3, ClientDesk.Calendar.Weekdays.Monday | ClientDesk.Calendar.Weekdays.Friday), (stored.Channel, stored.Machines, stored.SuitableWeekdays));

        var status = await client.GetFromJsonAsync<JsonObject>($"/api/v1/onsite-requests/IZ-2026-00001?token={Uri.EscapeDataString((string)json["statusToken"]!)}", Ct);
        Assert.Equal(("requested", "valmiera", "vidzeme"), ((string?)status!["status"], (string?)status["office"], (string?)status["region"]));
        Assert.Null(status["plan"]);
    }

    [Theory, Providers]
    public async Task The_status_carries_the_plan_and_the_inspectors_name_once_planned_and_nothing_without_the_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var created = JsonNode.Parse(await (await PostAsync(client, Body().ToJsonString())).Content.ReadAsStringAsync(Ct))!;
        await PlanAsync(app, (await RequestsAsync(app))[0].Id, new DateOnly(2026, 3, 24));

        var status = await client.GetFromJsonAsync<JsonObject>($"/api/v1/onsite-requests/IZ-2026-00001?token={Uri.EscapeDataString((string)created["statusToken"]!)}", Ct);
        var noToken = await client.GetAsync("/api/v1/onsite-requests/IZ-2026-00001", Ct);
        var wrongToken = await client.GetAsync("/api/v1/onsite-requests/IZ-2026-00001?token=abc", Ct);

        Assert.Equal("planned", (string?)status!["status"]);
        Assert.Equal(("2026-03-24", "10:00", "11:00"), ((string?)status["plan"]!["date"], (string?)status["plan"]!["arriveFrom"], (string?)status["plan"]!["arriveTo"]));
        Assert.Equal(("Ilze Ozola", "Senior inspector"), ((string?)status["plan"]!["inspector"]!["name"], (string?)status["plan"]!["inspector"]!["position"]));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (noToken.StatusCode, wrongToken.StatusCode));
        Assert.DoesNotContain("Kalnieši", await wrongToken.Content.ReadAsStringAsync(Ct));
    }

    [Theory, Providers]
    public async Task Bad_input_of_every_kind_is_a_problem_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await KeyAsync(app);
        var client = app.CreateClient();
        string With(string field, JsonNode? value)
        {
            var body = Body();
            body[field] = value;
            return body.ToJsonString();
        }

        var cases = new (string Name, string? Key, string Body, HttpStatusCode Status, string Field, string Detail)[]
        {
            ("unknown key", ApiKeys.NewKey(), Body().ToJsonString(), HttpStatusCode.Unauthorized, "", "X-Api-Key"),
            ("malformed JSON", key, "{\"service\": ", HttpStatusCode.BadRequest, "", "not valid JSON"),
            ("not an object", key, "null", HttpStatusCode.BadRequest, "", "must be a JSON object"),
            ("wrong type", key, With("machines", "three"), HttpStatusCode.BadRequest, "", "machines"),
            ("not on site", key, With("service", "licence-issue"), HttpStatusCode.BadRequest, "service", "Choose a service that can be done at your place."),
            ("unknown office", key, With("office", "paris"), HttpStatusCode.BadRequest, "office", "Choose the nearest office"),
            ("no address", key, With("address", ""), HttpStatusCode.BadRequest, "address", "Write the address"),
            ("half a point", key, With("latitude", 57.1), HttpStatusCode.BadRequest, "longitude", "Give both latitude and longitude"),
            ("point abroad", key, With("latitude", 48.85).Replace("\"language\"", "\"longitude\":2.35,\"language\""), HttpStatusCode.BadRequest, "latitude", "not in Latvia"),
            ("too many machines", key, With("machines", 51), HttpStatusCode.BadRequest, "machines", "from 1 to 50"),
            ("past date", key, With("earliestDate", "2026-03-16"), HttpStatusCode.BadRequest, "earliestDate", "after today"),
            ("bad date", key, With("latestDate", "10.04.2026"), HttpStatusCode.BadRequest, "latestDate", "YYYY-MM-DD"),
            ("bad weekday", key, With("weekdays", new JsonArray("funday")), HttpStatusCode.BadRequest, "weekdays", "Not a day of the week."),
            ("no contact", key, With("email", null), HttpStatusCode.BadRequest, "phone", "Give a phone number or an e-mail address"),
            ("bad phone", key, With("phone", "123"), HttpStatusCode.BadRequest, "phone", "not valid"),
            ("bad language", key, With("language", "de"), HttpStatusCode.BadRequest, "language", "Choose the language"),
            ("web channel with key", key, With("channel", "web"), HttpStatusCode.BadRequest, "channel", "'eServicePortal', 'latvijaLv' or 'eAddress'"),
            ("portal channel without key", null, With("channel", "eServicePortal"), HttpStatusCode.BadRequest, "channel", "Without an API key"),
        };

        foreach (var (name, apiKey, body, status, field, detail) in cases)
        {
            var response = await PostAsync(client, body, apiKey);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(status == response.StatusCode, $"{name}: {response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(text)!;
            var message = field.Length > 0 ? string.Join(" ", problem["errors"]![field]!.AsArray().Select(e => (string?)e)) : (string?)problem["detail"] ?? "";
            Assert.True(message.Contains(detail, StringComparison.Ordinal), $"{name}: {text}");
        }

        Assert.Empty(await RequestsAsync(app));
    }

    [Theory, Providers]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_answer_and_another_body_with_it_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await KeyAsync(app);
        var client = app.CreateClient();

        var first = await PostAsync(client, Body().ToJsonString(), key, "retry-1");
        var again = await PostAsync(client, Body().ToJsonString(), key, "retry-1");
        var other = Body();
        other["machines"] = 4;
        var reused = await PostAsync(client, other.ToJsonString(), key, "retry-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (first.StatusCode, again.StatusCode, reused.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await again.Content.ReadAsStringAsync(Ct));
        Assert.Single(await RequestsAsync(app));
        Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.ToListAsync(Ct)));
    }
}
