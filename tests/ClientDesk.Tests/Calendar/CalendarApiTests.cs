using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Calendar;

public sealed class CalendarApiTests
{
    private static JsonElement DayOf(JsonElement calendar, string date) =>
        calendar.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == date);

    private static string[] Windows(JsonElement day) =>
        [.. day.GetProperty("windows").EnumerateArray().Select(w => $"{w.GetProperty("kind").GetString()} {w.GetProperty("start").GetString()}-{w.GetProperty("end").GetString()}")];

    [Theory, Providers]
    public async Task A_week_in_valmiera_shows_each_day_with_its_windows_breaks_cut_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var week = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/valmiera/calendar?from=2026-03-16&to=2026-03-22", TestContext.Current.CancellationToken);

        Assert.Equal(("valmiera", "Europe/Riga", 7), (week.GetProperty("location").GetString(), week.GetProperty("timeZone").GetString(), week.GetProperty("days").GetArrayLength()));
        var tuesday = DayOf(week, "2026-03-17");
        Assert.True(tuesday.GetProperty("open").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tuesday.GetProperty("holiday").ValueKind);
        Assert.Equal(JsonValueKind.Null, tuesday.GetProperty("closure").ValueKind);
        Assert.False(tuesday.GetProperty("shortened").GetBoolean());
        Assert.Equal(["walk-in 08:30-12:00", "appointment 08:30-12:00", "walk-in 12:30-18:00", "appointment 12:30-18:00"], Windows(tuesday));
        var appointment = tuesday.GetProperty("windows").EnumerateArray().First(w => w.GetProperty("kind").GetString() == "appointment");
        Assert.Contains("web", appointment.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, appointment.GetProperty("bookingCutoff").ValueKind);
        Assert.Equal(["appointment 08:30-12:00", "appointment 12:30-16:00"], Windows(DayOf(week, "2026-03-20")));
        var saturday = DayOf(week, "2026-03-21");
        Assert.False(saturday.GetProperty("open").GetBoolean());
        Assert.Equal("weekend", saturday.GetProperty("closedBecause").GetString());
    }

    [Theory, Providers]
    public async Task An_S5_tuesday_accepts_bookings_by_phone_only_until_monday_17_00_riga_time(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var calendar = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/madona/calendar?from=2026-03-30&to=2026-04-01", TestContext.Current.CancellationToken);

        var window = DayOf(calendar, "2026-03-31").GetProperty("windows")[0];
        Assert.Equal("appointment", window.GetProperty("kind").GetString());
        Assert.Equal("phone", Assert.Single(window.GetProperty("channels").EnumerateArray()).GetString());
        Assert.Equal("25594590", window.GetProperty("bookingPhone").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 14, 0, 0, TimeSpan.Zero), window.GetProperty("bookingCutoff").GetDateTimeOffset());
        Assert.Equal("noService", DayOf(calendar, "2026-03-30").GetProperty("closedBecause").GetString());
    }

    [Theory, Providers]
    public async Task Holidays_and_shortened_days_are_named_and_the_default_range_is_two_weeks_from_today(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var easter = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/jelgava/calendar?from=2026-04-02&to=2026-04-06", ct);
        var byDefault = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/jelgava/calendar", ct);

        var thursday = DayOf(easter, "2026-04-02");
        Assert.True(thursday.GetProperty("shortened").GetBoolean());
        Assert.Equal("16:00", thursday.GetProperty("windows").EnumerateArray().Last().GetProperty("end").GetString());
        var monday = DayOf(easter, "2026-04-06");
        Assert.False(monday.GetProperty("open").GetBoolean());
        Assert.Equal(("Otrās Lieldienas", "Easter Monday", "holiday"), (monday.GetProperty("holiday").GetString(), monday.GetProperty("holidayEn").GetString(), monday.GetProperty("closedBecause").GetString()));
        Assert.Empty(monday.GetProperty("windows").EnumerateArray());
        Assert.Equal(("2026-03-17", "2026-03-30", 14), (byDefault.GetProperty("from").GetString(), byDefault.GetProperty("to").GetString(), byDefault.GetProperty("days").GetArrayLength()));
    }

    [Theory, Providers]
    public async Task A_closure_saved_after_the_calendar_was_read_shows_at_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        const string Url = "/api/v1/locations/valmiera/calendar?from=2026-03-24&to=2026-03-24";
        Assert.True(DayOf(await client.GetFromJsonAsync<JsonElement>(Url, ct), "2026-03-24").GetProperty("open").GetBoolean());

        await app.WithDbAsync(async db =>
        {
            var valmiera = await db.Locations.SingleAsync(l => l.Slug == "valmiera", ct);
            db.LocationClosures.Add(new LocationClosure { LocationId = valmiera.Id, StartsOn = new DateOnly(2026, 3, 24), EndsOn = new DateOnly(2026, 3, 24), ReasonLv = "Inspektors izbraukumā", ReasonEn = "Inspector on the road" });
            await db.SaveChangesAsync(ct);
        });

        var day = DayOf(await client.GetFromJsonAsync<JsonElement>(Url, ct), "2026-03-24");
        Assert.False(day.GetProperty("open").GetBoolean());
        Assert.Equal(("Inspektors izbraukumā", "Inspector on the road", "closure"), (day.GetProperty("closure").GetString(), day.GetProperty("closureEn").GetString(), day.GetProperty("closedBecause").GetString()));
    }

    [Theory, Providers]
    public async Task Bad_ranges_get_a_400_that_says_what_is_wrong_and_an_unknown_location_a_404(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        async Task<string> Refused(string query, HttpStatusCode expected = HttpStatusCode.BadRequest)
        {
            var response = await client.GetAsync("/api/v1/locations/valmiera/calendar" + query, ct);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString()!;
        }

        Assert.Contains("'from' must be a date written as YYYY-MM-DD", await Refused("?from=17.03.2026"));
        Assert.Contains("'to' must be a date", await Refused("?from=2026-03-17&to=2026-02-30"));
        Assert.Contains("'to' must not be earlier than 'from'", await Refused("?from=2026-03-17&to=2026-03-16"));
        Assert.Contains("at most 366 days", await Refused("?from=2026-01-01&to=2027-01-02"));
        Assert.Contains("2000–2100", await Refused("?from=1999-12-25&to=2000-01-05"));
        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/locations/valmiera/calendar?from=2026-01-01&to=2027-01-01", ct);
        Assert.Equal(366, year.GetProperty("days").GetArrayLength());
        var unknown = await client.GetAsync("/api/v1/locations/atlantida/calendar", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, Providers]
    public async Task The_holidays_of_a_year_come_with_moved_working_days_and_shortened_days(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var y2026 = await client.GetFromJsonAsync<JsonElement>("/api/v1/holidays?year=2026", ct);
        var y2023 = await client.GetFromJsonAsync<JsonElement>("/api/v1/holidays?year=2023", ct);
        var thisYear = await client.GetFromJsonAsync<JsonElement>("/api/v1/holidays", ct);

        var holidays = y2026.GetProperty("holidays").EnumerateArray().ToDictionary(h => h.GetProperty("date").GetString()!, h => h.GetProperty("nameEn").GetString());
        Assert.Equal(15, holidays.Count);
        Assert.Equal("Whit Sunday", holidays["2026-05-24"]);
        var moved = Assert.Single(y2026.GetProperty("movedWorkingDays").EnumerateArray());
        Assert.Equal(("2026-01-02", "2026-01-17"), (moved.GetProperty("dayOff").GetString(), moved.GetProperty("workingSaturday").GetString()));
        var shortened = y2026.GetProperty("shortenedDays").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Equal(["2026-04-02", "2026-04-30", "2026-06-22", "2026-11-17", "2026-12-23", "2026-12-30"], shortened);
        Assert.Contains(y2023.GetProperty("holidays").EnumerateArray(), h => h.GetProperty("date").GetString() == "2023-07-09");
        // The festival closed on Sunday 9 July and Proclamation Day fell on Saturday 18 November 2023.
        Assert.Equal(["2023-07-10", "2023-11-20"], y2023.GetProperty("daysOffAfterWeekendHolidays").EnumerateArray().Select(d => d.GetString()!).ToList());
        Assert.Equal(2026, thisYear.GetProperty("year").GetInt32());
        foreach (var bad in new[] { "1999", "2101", "twenty", "-2026" })
        {
            var response = await client.GetAsync("/api/v1/holidays?year=" + bad, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("'year' must be a year from 2000 to 2100", (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString());
        }
    }

    [Theory, Providers]
    public async Task The_calendar_endpoints_are_in_the_openapi_document(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/locations/{slug}/calendar", out var calendar));
        Assert.Contains("at most 366 days", calendar.GetProperty("get").GetProperty("description").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/holidays", out _));
    }
}
