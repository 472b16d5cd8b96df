using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary>
/// The case API for the e-service portal and the e-address: registering with an API key (the number, the deadlines
/// and the status token back), validation problems that store nothing, and the submitter's status by number and token.
/// The clock is Tuesday 17 March 2026, 09:00 in Riga.
/// </summary>
public sealed class CaseApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    private static JsonObject Body(string channel = "eServicePortal") => new()
    {
        ["kind"] = "complaint",
        ["channel"] = channel,
        ["text"] = "Tehniskā apskate tika atcelta bez brīdinājuma.",
        ["name"] = "Jānis Bērziņš",
        ["email"] = "janis@example.lv",
        ["preferredReply"] = "email",
        ["language"] = "lv",
        ["location"] = "valmiera",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? key, string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(ApiKeys.Header, key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, Ct);
    }

    [Theory, Providers]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_answer_and_registers_no_second_case(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await KeyAsync(app);
        var client = app.CreateClient();
        var body = Body().ToJsonString();

        // The gateway's connection dropped after sending: it sends the same submission again, twice at once.
        var first = await PostAsync(client, key, body, "e-adrese-7f3a");
        var retries = await Task.WhenAll(PostAsync(client, key, body, "e-adrese-7f3a"), PostAsync(client, key, body, "e-adrese-7f3a"));
        var firstJson = await first.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal("/api/v1/cases/2026-00001", retry.Headers.Location!.ToString());
            Assert.Equal(firstJson, await retry.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == SubmitterMessages.ReceiptKind, Ct)));

        // The same key with another submission is refused; a new key registers it; a key too long is a clear 400.
        var changed = Body();
        changed["text"] = "Cits iesniegums.";
        var reused = await PostAsync(client, key, changed.ToJsonString(), "e-adrese-7f3a");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("idempotencyKeyReused", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, key, changed.ToJsonString(), "e-adrese-7f3b")).StatusCode);
        var tooLong = await PostAsync(client, key, changed.ToJsonString(), new string('k', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("idempotencyKeyInvalid", await tooLong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Cases.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task The_e_service_portal_registers_a_case_and_gets_its_number_deadlines_and_status_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await KeyAsync(app);
        var client = app.CreateClient();

        var response = await PostAsync(client, key, Body().ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/cases/2026-00001", response.Headers.Location!.ToString());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("2026-00001", (string?)json["number"]);
        Assert.Equal("2026-03-31", (string?)json["answerBy"]);
        Assert.Equal("2026-03-24", (string?)json["forwardBy"]);
        Assert.Equal("IL-2026", (string?)json["deadlineRule"]);
        Assert.False((bool)json["informationOnly"]!);
        var token = (string)json["statusToken"]!;
        Assert.Contains("/feedback/status?number=2026-00001&token=", (string?)json["statusUrl"], StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Entries).SingleAsync(Ct));
        Assert.Equal((CaseChannel.EServicePortal, CaseKind.Complaint, new DateOnly(2026, 3, 17)), (stored.Channel, stored.Kind, stored.ReceivedOn));
        Assert.Null(Assert.Single(stored.Entries, e => e.Kind == CaseEntryKind.Registered).ByStaffId);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == SubmitterMessages.ReceiptKind && m.CaseId == stored.Id, Ct)));

        var status = await client.GetAsync($"/api/v1/cases/2026-00001?token={Uri.EscapeDataString(token)}", Ct);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var view = JsonNode.Parse(await status.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("registered", "complaint", "2026-03-17", "2026-03-31"), ((string?)view["status"], (string?)view["kind"], (string?)view["receivedOn"], (string?)view["answerBy"]));
        Assert.DoesNotContain("Tehniskā apskate", view.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_e_address_registers_a_case_received_yesterday_counted_from_that_day(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await KeyAsync(app);
        var body = Body("eAddress");
        body["preferredReply"] = "eAddress";
        body["eAddress"] = "_PRIVATE@32112233445";
        body["receivedAt"] = "2026-03-16T16:00:00+02:00";
        body["attachments"] = new JsonArray(new JsonObject { ["fileName"] = "iesniegums.pdf", ["contentBase64"] = Convert.ToBase64String("%PDF-1.7"u8) });

        var response = await PostAsync(app.CreateClient(), key, body.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("2026-03-16", "2026-03-30"), ((string?)json["receivedOn"], (string?)json["answerBy"]));
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Attachments).SingleAsync(Ct));
        Assert.Equal((CaseChannel.EAddress, ReplyChannel.EAddress, new DateOnly(2026, 3, 30)), (stored.Channel, stored.PreferredReply, stored.AnswerBy));
        Assert.Equal(("iesniegums.pdf", "application/pdf", 8L), (stored.Attachments[0].FileName, stored.Attachments[0].ContentType, stored.Attachments[0].Length));
    }

    [Theory, Providers]
    public async Task A_case_without_a_name_is_information_only_with_no_deadline(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = Body();
        body.Remove("name");

        var response = await PostAsync(app.CreateClient(), await KeyAsync(app), body.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.True((bool)json["informationOnly"]!);
        Assert.Null(json["answerBy"]);
        Assert.True(await app.WithDbAsync(db => db.Cases.Select(c => c.IsInformationOnly && c.AnswerBy == null).SingleAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Bad_requests_get_problem_details_that_say_what_is_wrong_and_store_nothing(DatabaseProvider provider)
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

        var tries = new (string Why, string? Key, string Body, HttpStatusCode Status, string Field, string Message)[]
        {
            ("no key", null, Body().ToJsonString(), HttpStatusCode.Unauthorized, "", "X-Api-Key"),
            ("unknown key", ApiKeys.NewKey(), Body().ToJsonString(), HttpStatusCode.Unauthorized, "", "X-Api-Key"),
            ("malformed JSON", key, "{\"kind\": \"complaint\", ", HttpStatusCode.BadRequest, "", "not valid JSON"),
            ("not an object", key, "null", HttpStatusCode.BadRequest, "", "must be a JSON object"),
            ("unknown kind", key, With("kind", "threat"), HttpStatusCode.BadRequest, "kind", "'kind' must be one of"),
            ("web form channel", key, With("channel", "webForm"), HttpStatusCode.BadRequest, "channel", "'eServicePortal' or 'eAddress'"),
            ("no text", key, With("text", " "), HttpStatusCode.BadRequest, "text", "'text' is required"),
            ("too long", key, With("text", new string('x', 8001)), HttpStatusCode.BadRequest, "text", "at most 8000 characters"),
            ("bad e-mail", key, With("email", "janis@"), HttpStatusCode.BadRequest, "email", "not a valid e-mail"),
            ("future", key, With("receivedAt", "2026-03-18T09:00:00+02:00"), HttpStatusCode.BadRequest, "receivedAt", "must not be in the future"),
            ("unknown location", key, With("location", "marss"), HttpStatusCode.BadRequest, "location", "not a known location"),
            ("wrong file type", key, With("attachments", new JsonArray(new JsonObject { ["fileName"] = "a.exe", ["contentBase64"] = "AAEC" })), HttpStatusCode.BadRequest, "attachments[0].fileName", "PDF, JPG, PNG"),
            ("not Base64", key, With("attachments", new JsonArray(new JsonObject { ["fileName"] = "a.pdf", ["contentBase64"] = "***" })), HttpStatusCode.BadRequest, "attachments[0].contentBase64", "Base64"),
            ("too large", key, With("attachments", new JsonArray(new JsonObject { ["fileName"] = "a.pdf", ["contentBase64"] = Convert.ToBase64String(new byte[CaseAttachment.MaxBytes + 1]) })), HttpStatusCode.BadRequest, "attachments[0].contentBase64", "at most 10485760"),
        };

        foreach (var (why, useKey, body, status, field, message) in tries)
        {
            var response = await PostAsync(client, useKey, body);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == status, $"{why}: {response.StatusCode} {text}");
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var problem = JsonNode.Parse(text)!;
            var said = field.Length == 0 ? (string?)problem["detail"] : problem["errors"]?[field]?[0]?.GetValue<string>();
            Assert.True(said?.Contains(message, StringComparison.Ordinal) == true, $"{why}: {text}");
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task The_status_is_404_for_a_wrong_token_or_number_and_never_shows_data(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var created = JsonNode.Parse(await (await PostAsync(client, await KeyAsync(app), Body().ToJsonString())).Content.ReadAsStringAsync(Ct))!;
        var token = (string)created["statusToken"]!;

        foreach (var url in new[] { "/api/v1/cases/2026-00001?token=nepareizs", "/api/v1/cases/2026-00001", $"/api/v1/cases/2026-00002?token={Uri.EscapeDataString(token)}", "/api/v1/cases/nav-numurs?token=x" })
        {
            var response = await client.GetAsync(url, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("complaint", text, StringComparison.Ordinal);
            Assert.DoesNotContain("2026-03-31", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_case_endpoints_are_in_the_open_api_document()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("\"/api/v1/cases\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/cases/{number}\"", document, StringComparison.Ordinal);
        Assert.Contains("CaseInput", document, StringComparison.Ordinal);
        Assert.Contains("RegisteredResource", document, StringComparison.Ordinal);
    }
}
