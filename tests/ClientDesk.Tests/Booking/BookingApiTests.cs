using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Booking;

/// <summary>The booking API: free times, idempotent booking, the manage token, and API keys for machine clients.</summary>
public sealed partial class BookingApiTests
{
    // Tuesday 24 March 2026 at Valmiera has appointment windows; the test clock is 17 March, 09:00 in Riga.
    private const string Availability = "/api/v1/locations/valmiera/services/theory-exam-traffic/availability";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeatsAsync(TestApp app, int seats) =>
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Slug == "valmiera", Ct);
            location.BookingSeats = seats;
            await db.SaveChangesAsync(Ct);
        });

    private static JsonObject Body(string phone = "29123456", string time = "10:00", string date = "2026-03-24") => new()
    {
        ["location"] = "valmiera",
        ["service"] = "theory-exam-traffic",
        ["date"] = date,
        ["time"] = time,
        ["machines"] = 1,
        ["client"] = new JsonObject { ["name"] = "Jānis Bērziņš", ["phone"] = phone, ["email"] = $"janis{phone}@example.lv", ["language"] = "lv" },
        ["note"] = "Ar traktoru",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string json, string? idempotencyKey = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, JsonObject body, string? key = null, string? apiKey = null) =>
        PostAsync(client, "/api/v1/bookings", body.ToJsonString(), key ?? Guid.NewGuid().ToString(), apiKey);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<string> IssueKeyAsync(TestApp app, string name = "E-pakalpojumu portāls")
    {
        var admin = await app.SignInAsAdministratorAsync();
        var response = await admin.PostFormAsync("/admin/api-clients", new() { ["Name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync("/admin/api-clients", Ct);
        return IssuedKey().Match(page).Groups[1].Value;
    }

    [Theory, Providers]
    public async Task Free_times_are_listed_day_by_day_with_local_times_instants_and_places_left(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeatsAsync(app, 2);
        var client = app.CreateClient();

        var response = await client.GetAsync($"{Availability}?from=2026-03-24&to=2026-03-24&machines=2", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("web", json.GetProperty("channel").GetString());
        var day = Assert.Single(json.GetProperty("days").EnumerateArray());
        var first = day.GetProperty("times")[0];
        Assert.Equal(("08:30", "09:30", "2026-03-24T08:30", 2), (first.GetProperty("time").GetString(), first.GetProperty("end").GetString(), first.GetProperty("start").GetString(), first.GetProperty("placesLeft").GetInt32()));
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 6, 30, 0, TimeSpan.Zero), first.GetProperty("startsAt").GetDateTimeOffset());
        Assert.DoesNotContain(day.GetProperty("times").EnumerateArray(), t => t.GetProperty("time").GetString() is "12:00" or "11:45");
    }

    [Theory, Providers]
    public async Task Availability_refuses_bad_ranges_and_machines_and_names_unknown_codes_and_services_without_duration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var noDuration = await app.WithDbAsync(db => db.Services.Where(s => s.DurationMinutes == null && s.IsActive && s.Locations.Any(l => l.Slug == "valmiera")).Select(s => s.Code).FirstAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Availability}?from=2026-02-30", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Availability}?from=2026-03-24&to=2026-03-20", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Availability}?from=2026-03-17&to=2026-05-30", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Availability}?machines=0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Availability}?machines=21", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/locations/atlantida/services/theory-exam-traffic/availability", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/locations/valmiera/services/no-such-service/availability", Ct)).StatusCode);
        var notBookable = await client.GetAsync($"/api/v1/locations/valmiera/services/{noDuration}/availability", Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notBookable.StatusCode);
        Assert.Equal("notBookable", (await JsonAsync(notBookable)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/availability?location=valmiera&service=theory-exam-traffic", Ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task A_booking_answers_201_with_reference_token_and_location_and_the_token_opens_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();

        var response = await BookAsync(client, Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        var reference = json.GetProperty("reference").GetString()!;
        var token = json.GetProperty("manageToken").GetString()!;
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", reference);
        Assert.Equal($"/api/v1/bookings/{reference}", response.Headers.Location?.ToString());
        Assert.Equal(("10:00", "10:30", "booked"), (json.GetProperty("start").GetString(), json.GetProperty("end").GetString(), json.GetProperty("status").GetString()));
        var manageUrl = new Uri(json.GetProperty("manageUrl").GetString()!);
        Assert.Equal($"/booking/{reference}", manageUrl.AbsolutePath);
        Assert.Contains(reference, await client.GetStringAsync(manageUrl.PathAndQuery, Ct), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((BookingChannels.Web, "29123456", "janis29123456@example.lv"), (stored.Channel, stored.Phone, stored.Email));
        var idempotency = await app.WithDbAsync(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(Ct));
        Assert.DoesNotContain(token, idempotency.ResponseBody, StringComparison.Ordinal);

        var opened = await client.GetAsync($"/api/v1/bookings/{reference}?token={Uri.EscapeDataString(token)}", Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var view = await JsonAsync(opened);
        Assert.Equal(("valmiera", "theory-exam-traffic", true, 0), (view.GetProperty("location").GetString(), view.GetProperty("service").GetString(), view.GetProperty("canChange").GetBoolean(), view.GetProperty("moveCount").GetInt32()));
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 6, 0, 0, TimeSpan.Zero), view.GetProperty("changeUntil").GetDateTimeOffset());
        using var byHeader = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/bookings/{reference}");
        byHeader.Headers.Add("X-Manage-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(byHeader, Ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task Without_the_token_or_with_a_wrong_one_a_booking_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var reference = (await JsonAsync(await BookAsync(client, Body()))).GetProperty("reference").GetString();

        var without = await client.GetAsync($"/api/v1/bookings/{reference}", Ct);
        var wrong = await client.GetAsync($"/api/v1/bookings/{reference}?token=guess", Ct);
        var cancel = await PostAsync(client, $"/api/v1/bookings/{reference}/cancel?token=guess", "{}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (without.StatusCode, wrong.StatusCode, cancel.StatusCode));
        Assert.DoesNotContain("Bērziņš", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, await app.WithDbAsync(db => db.Appointments.Select(a => a.Status).SingleAsync(Ct)));
    }

    [Theory, Providers]
    public async Task The_same_key_and_body_replays_the_first_answer_and_books_once_while_another_body_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();

        var first = await BookAsync(client, Body(), "key-1");
        var again = await BookAsync(client, Body(), "key-1");
        var other = await BookAsync(client, Body(time: "11:00"), "key-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotencyKeyReused", (await JsonAsync(other)).GetProperty("code").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task A_booking_without_an_idempotency_key_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await PostAsync(app.CreateClient(), "/api/v1/bookings", Body().ToJsonString());
        var tooLong = await BookAsync(app.CreateClient(), Body(), new string('k', 201));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (response.StatusCode, tooLong.StatusCode));
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Two_hundred_clients_asking_for_the_last_place_at_once_get_one_201_and_199_conflicts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => BookAsync(client, Body(phone: $"2{i:0000000}"), $"last-place-{i}"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(199, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Seats.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Two_simultaneous_requests_with_the_same_key_make_one_booking(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeatsAsync(app, 5);
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => BookAsync(client, Body(), "same-key"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(await responses[0].Content.ReadAsStringAsync(Ct), await responses[1].Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task A_taken_time_is_a_409_and_the_per_person_cap_a_409_with_its_own_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        await BookAsync(client, Body());

        var taken = await BookAsync(client, Body(phone: "29000001"));
        await BookAsync(client, Body(time: "11:00"));
        var third = await BookAsync(client, Body(time: "13:00"));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("timeNotFree", (await JsonAsync(taken)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("limitReached", (await JsonAsync(third)).GetProperty("code").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"phone":"29123456"}}""", "client.name" },
        { $$$"""{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"{{{new string('a', 201)}}}","phone":"29123456"}}""", "client.name" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna"}}""", "client" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"12345"}}""", "client.phone" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","email":"anna@"}}""", "client.email" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"29123456","personalCode":"010190-12345"}}""", "client.personalCode" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"29123456","companyNumber":"40003000000"}}""", "client.companyNumber" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"29123456","language":"de"}}""", "client.language" },
        { """{"location":"atlantida","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"29123456"}}""", "location" },
        { """{"location":"valmiera","service":"no-such-service","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"29123456"}}""", "service" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-02-30","time":"10:00","client":{"name":"Anna","phone":"29123456"}}""", "date" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-10","time":"10:00","client":{"name":"Anna","phone":"29123456"}}""", "date" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10.00","client":{"name":"Anna","phone":"29123456"}}""", "time" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"25:00","client":{"name":"Anna","phone":"29123456"}}""", "time" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","machines":0,"client":{"name":"Anna","phone":"29123456"}}""", "machines" },
        { """{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","machines":21,"client":{"name":"Anna","phone":"29123456"}}""", "machines" },
        { $$"""{"location":"valmiera","service":"theory-exam-traffic","date":"2026-03-24","time":"10:00","client":{"name":"Anna","phone":"29123456"},"note":"{{new string('n', 1001)}}"}""", "note" },
    };

    [Theory, MemberData(nameof(BadBodies))]
    public async Task Each_kind_of_bad_input_is_a_400_that_names_the_field_and_stores_nothing(string body, string field)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await PostAsync(app.CreateClient(), "/api/v1/bookings", body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for '{field}' in {errors}");
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("{\"location\": \"valmiera\", ")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"machines\": \"many\"}")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string body)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await PostAsync(app.CreateClient(), "/api/v1/bookings", body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("malformedJson", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Theory, Providers]
    public async Task A_client_reschedules_and_cancels_with_the_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var booked = await JsonAsync(await BookAsync(client, Body()));
        var (reference, token) = (booked.GetProperty("reference").GetString(), Uri.EscapeDataString(booked.GetProperty("manageToken").GetString()!));

        var moved = await PostAsync(client, $"/api/v1/bookings/{reference}/reschedule?token={token}", """{"date":"2026-03-24","time":"14:00","machines":2}""");
        var badTime = await PostAsync(client, $"/api/v1/bookings/{reference}/reschedule?token={token}", """{"date":"2026-03-24","time":"2pm"}""");
        var notFree = await PostAsync(client, $"/api/v1/bookings/{reference}/reschedule?token={token}", """{"date":"2026-03-24","time":"12:00"}""");
        var cancelled = await PostAsync(client, $"/api/v1/bookings/{reference}/cancel?token={token}", "");
        var again = await PostAsync(client, $"/api/v1/bookings/{reference}/cancel?token={token}", "");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var view = await JsonAsync(moved);
        Assert.Equal(("14:00", "15:00", 1, 2), (view.GetProperty("start").GetString(), view.GetProperty("end").GetString(), view.GetProperty("moveCount").GetInt32(), view.GetProperty("machines").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notFree.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await JsonAsync(cancelled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("notActive", (await JsonAsync(again)).GetProperty("code").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Seats.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Too_late_and_too_many_moves_are_conflicts_with_their_codes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var booked = await JsonAsync(await BookAsync(client, Body()));
        var (reference, token) = (booked.GetProperty("reference").GetString(), Uri.EscapeDataString(booked.GetProperty("manageToken").GetString()!));
        foreach (var time in new[] { "10:30", "11:00", "11:30" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"/api/v1/bookings/{reference}/reschedule?token={token}", $$"""{"date":"2026-03-24","time":"{{time}}"}""")).StatusCode);
        }

        var fourth = await PostAsync(client, $"/api/v1/bookings/{reference}/reschedule?token={token}", """{"date":"2026-03-24","time":"13:00"}""");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 24, 8, 0, 0, TimeSpan.Zero));
        var late = await PostAsync(client, $"/api/v1/bookings/{reference}/cancel?token={token}", "");

        Assert.Equal("tooManyMoves", (await JsonAsync(fourth)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("tooLate", (await JsonAsync(late)).GetProperty("code").GetString());
        Assert.False((await JsonAsync(await client.GetAsync($"/api/v1/bookings/{reference}?token={token}", Ct))).GetProperty("canChange").GetBoolean());
    }

    [Theory, Providers]
    public async Task An_api_key_issued_on_the_admin_page_books_as_the_e_service_portal_until_revoked(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var key = await IssueKeyAsync(app);
        var client = app.CreateClient();

        Assert.Matches("^cdk_[A-Za-z0-9_-]{32}$", key);
        var stored = await app.WithDbAsync(db => db.ApiClients.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((key[..8], ApiKeys.Hash(key)), (stored.KeyPrefix, stored.KeyHash));
        var admin = await app.SignInAsAdministratorAsync("en");
        var list = await admin.GetStringAsync("/admin/api-clients", Ct);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Contains(key[..8], list, StringComparison.Ordinal);

        var availability = await JsonAsync(await GetWithKeyAsync(client, $"{Availability}?from=2026-03-24&to=2026-03-24", key));
        Assert.Equal("eServicePortal", availability.GetProperty("channel").GetString());
        var booked = await BookAsync(client, Body(), apiKey: key);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(BookingChannels.EServicePortal, await app.WithDbAsync(db => db.Appointments.Select(a => a.Channel).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await BookAsync(client, Body(time: "11:00"), apiKey: "cdk_" + new string('x', 32))).StatusCode);

        var revoke = await admin.PostFormAsync($"/admin/api-clients/{stored.Id}/revoke", new() { ["Version"] = stored.Version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiClients.Select(c => c.RevokedAtUtc).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await BookAsync(client, Body(time: "11:00"), apiKey: key)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithKeyAsync(client, Availability, key)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ApiClient), Ct)));
    }

    [Theory, Providers]
    public async Task The_key_is_shown_once_and_a_name_is_required(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsAdministratorAsync("en");

        var empty = await admin.PostFormAsync("/admin/api-clients", new() { ["Name"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Please enter a name.", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiClients.CountAsync(Ct)));

        await admin.PostFormAsync("/admin/api-clients", new() { ["Name"] = "Portal" });
        var first = await admin.GetStringAsync("/admin/api-clients", Ct);
        var second = await admin.GetStringAsync("/admin/api-clients", Ct);
        Assert.Matches(IssuedKey(), first);
        Assert.DoesNotMatch(IssuedKey(), second);
        var anonymous = await app.CreateBrowserClient().GetAsync("/admin/api-clients", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/staff/sign-in", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_posts_share_the_per_address_limit_while_a_key_has_its_own()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimiting:PostsPerMinute"] = "2" });
        var key = await IssueKeyAsync(app); // the sign-in and the issue are the first POSTs of this address
        var client = app.CreateClient();

        var anonymous = await BookAsync(client, Body(phone: "29000011"));
        var keyed = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => BookAsync(client, Body(phone: $"2900002{i}", time: $"1{i}:30"), apiKey: key)));

        Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.All(keyed, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(5, keyed.Count(r => r.StatusCode == HttpStatusCode.Created));
    }

    [Fact]
    public async Task The_booking_endpoints_are_in_the_openapi_document()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);

        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct);

        foreach (var path in new[] { "/api/v1/bookings", "/api/v1/bookings/{reference}", "/api/v1/bookings/{reference}/reschedule", "/api/v1/bookings/{reference}/cancel", "/api/v1/locations/{slug}/services/{code}/availability" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("Idempotency-Key", document, StringComparison.Ordinal);
        Assert.Contains("BookingInput", document, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetWithKeyAsync(HttpClient client, string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request, Ct);
    }

    [GeneratedRegex("id=\"issued-key\" readonly value=\"(cdk_[^\"]+)\"")]
    private static partial Regex IssuedKey();
}
