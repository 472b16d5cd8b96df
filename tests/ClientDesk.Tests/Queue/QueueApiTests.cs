using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Tests.Queue.QueuePublicSupport;

namespace ClientDesk.Tests.Queue;

/// <summary>The queue API (issue 5, point 7) over HTTP on SQLite and PostgreSQL: take a number, follow it, read the lobby.</summary>
public sealed class QueueApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> TakeAsync(HttpClient api, object body, string slug = "valmiera") =>
        api.PostAsJsonAsync($"/api/v1/locations/{slug}/tickets", body, Ct);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct));

    [Theory, Providers]
    public async Task A_ticket_taken_through_the_api_is_created_followed_and_shown_on_the_lobby_without_personal_data(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.CreateClient();

        var first = await TakeAsync(api, new { serviceCode = Exam, language = "en", email = "anna@example.lv", name = "Anna" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await JsonAsync(first);
        Assert.Equal("C001", created.GetProperty("code").GetString());
        Assert.Equal(1, created.GetProperty("position").GetInt32());
        Assert.Equal(0, created.GetProperty("estimatedWaitMinutes").GetInt32());
        var id = created.GetProperty("id").GetInt32();
        var token = created.GetProperty("followToken").GetString()!;
        Assert.EndsWith($"/queue/tickets/{id}?token={Uri.EscapeDataString(token)}", created.GetProperty("followUrl").GetString());
        Assert.Equal($"/api/v1/tickets/{id}", first.Headers.Location!.OriginalString);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await JsonAsync(await TakeAsync(api, new { serviceCode = Exam, phone = "29123456" }));
        Assert.Equal(2, second.GetProperty("position").GetInt32());
        Assert.Equal(15, second.GetProperty("estimatedWaitMinutes").GetInt32());

        var followed = await api.GetAsync($"/api/v1/tickets/{id}?token={Uri.EscapeDataString(token)}", Ct);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        var ticket = await JsonAsync(followed);
        Assert.Equal("waiting", ticket.GetProperty("status").GetString());
        Assert.Equal("C001", ticket.GetProperty("code").GetString());
        Assert.Equal(1, ticket.GetProperty("position").GetInt32());
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("deskNumber").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/tickets/{id}?token=wrong", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/tickets/{id}", Ct)).StatusCode);

        var lobby = await api.GetAsync("/api/v1/locations/valmiera/queue", Ct);
        Assert.Equal(HttpStatusCode.OK, lobby.StatusCode);
        var text = await lobby.Content.ReadAsStringAsync(Ct);
        var view = JsonDocument.Parse(text).RootElement;
        Assert.True(view.GetProperty("walkInOpen").GetBoolean());
        Assert.Equal(2, view.GetProperty("waiting").GetInt32());
        Assert.DoesNotContain("anna@example.lv", text);
        Assert.DoesNotContain("29123456", text);
        Assert.DoesNotContain("Anna", text);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/locations/nowhere/queue", Ct)).StatusCode);

        var messages = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.TicketId == id, Ct));
        Assert.Equal(1, messages);
    }

    [Theory, Providers]
    public async Task Outside_walk_in_hours_the_api_answers_409_with_the_next_walk_in_and_a_second_ticket_per_person_is_409(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await TakeAsync(api, new { serviceCode = Exam, phone = "29123456" })).StatusCode);

        var again = await TakeAsync(api, new { serviceCode = Exam, phone = "+37129123456" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var held = await JsonAsync(again);
        Assert.Equal("alreadyQueued", held.GetProperty("code").GetString());
        Assert.Equal("C001", held.GetProperty("ticketCode").GetString());

        app.Clock.SetUtcNow(LunchBreak);
        var closed = await TakeAsync(api, new { serviceCode = Exam, email = "late@example.lv" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("application/problem+json", closed.Content.Headers.ContentType!.MediaType);
        var problem = await JsonAsync(closed);
        Assert.Equal("notWalkInTime", problem.GetProperty("code").GetString());
        var next = problem.GetProperty("nextWalkIn").GetDateTimeOffset();
        Assert.True(next > LunchBreak);
        Assert.Equal(new DateOnly(2026, 3, 17), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, RigaTime.Zone).DateTime));
    }

    [Theory, Providers]
    public async Task Unknown_places_and_services_are_404_and_bad_bodies_are_400_with_what_to_fix(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var api = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await TakeAsync(api, new { serviceCode = Exam, phone = "29123456" }, "nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TakeAsync(api, new { serviceCode = "no-such-service", phone = "29123456" })).StatusCode);

        var invalid = await TakeAsync(api, new { language = "de", phone = "12", email = "x@", notifyWhenAhead = 0, name = new string('a', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        foreach (var field in new[] { "serviceCode", "language", "phone", "email", "notifyWhenAhead", "name" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var noContact = await JsonAsync(await TakeAsync(api, new { serviceCode = Exam }));
        Assert.Contains("'phone' or 'email'", noContact.GetProperty("errors").GetProperty("phone")[0].GetString());

        var malformed = await api.PostAsync("/api/v1/locations/valmiera/tickets", new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, "/api/v1/locations/valmiera/tickets") { Content = JsonContent.Create(new { serviceCode = Exam, phone = "29123456" }) };
        wrongKey.Headers.Add("X-Api-Key", "cdk_" + new string('A', 32));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(wrongKey, Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task The_queue_endpoints_are_in_the_openapi_document(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct);
        Assert.Contains("/api/v1/locations/{slug}/tickets", document);
        Assert.Contains("/api/v1/tickets/{id}", document);
        Assert.Contains("/api/v1/locations/{slug}/queue", document);
        Assert.Contains("nextWalkIn", document);
    }
}
