using System.Net;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Calendar;

/// <summary>The hours as the public reads them: location pages, the locations list, the door poster, the holidays page.</summary>
public sealed class HoursPagesTests
{
    // The test clock stands at Tuesday 17 March 2026, 09:00 in Riga.
    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory, Providers]
    public async Task A_location_page_shows_open_now_and_the_week_as_a_person_reads_it_in_both_languages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var lv = await PageAsync(latvian, "/locations/valmiera");
        var en = await PageAsync(english, "/locations/valmiera");

        Assert.Contains("Tagad atvērts: bez pieraksta un pēc pieraksta līdz 12:00", lv);
        Assert.Contains("Otrdiena, 17. marts", lv);
        Assert.Contains("8:30–18:00, pārtraukums 12:00–12:30, bez pieraksta un pēc pieraksta", lv);
        Assert.Contains("8:30–16:00, pārtraukums 12:00–12:30, pēc pieraksta", lv);
        Assert.Contains("Open now: walk-in and by appointment until 12:00", en);
        Assert.Contains("Monday 23 March", en);
        Assert.Contains("8:30–17:00, break 12:00–12:30, walk-in and by appointment", en);
        Assert.Contains("/locations/valmiera/poster", lv);
        Assert.Contains("We take appointments by phone, in person", en);
    }

    [Theory, Providers]
    public async Task The_coming_exceptions_name_holidays_and_shortened_days(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var lv = await PageAsync(latvian, "/locations/jelgava");
        var en = await PageAsync(english, "/locations/jelgava");

        Assert.Contains("Ceturtdiena, 2. aprīlis:</strong> pirmssvētku diena, par stundu īsāka: 8:30–16:00", lv);
        Assert.Contains("Piektdiena, 3. aprīlis:</strong> Lielā Piektdiena — svētku diena, slēgts", lv);
        Assert.Contains("Monday 6 April:</strong> Easter Monday — public holiday, closed", en);
        Assert.Contains("Monday 4 May:</strong> Restoration of Independence Day", en);
        Assert.DoesNotContain("Sunday 5 April", en);
    }

    [Theory, Providers]
    public async Task An_S5_location_says_to_book_by_phone_before_monday_and_when_it_opens_next(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 18, 8, 0, 0, TimeSpan.Zero));
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var lv = await PageAsync(latvian, "/locations/aluksne");
        var en = await PageAsync(english, "/locations/aluksne");
        var list = await PageAsync(english, "/locations");

        Assert.Contains("Tagad slēgts. Nākamreiz atvērts: otrdiena, 24. marts, plkst. 8:30 (pēc pieraksta)", lv);
        Assert.Contains("8:30–18:00, pārtraukums 12:00–12:30, pēc pieraksta, pierakstīties tikai pa tālruni 25594590, pieraksta termiņš: pirmdiena, 23. marts, plkst. 17:00", lv);
        Assert.Contains("Šajā dienā klientus nepieņemam", lv);
        Assert.Contains("book by phone 25594590 only, book by: Monday 23 March, 17:00", en);
        Assert.DoesNotContain("We take appointments by phone, in person", en);
        Assert.Contains("Closed now. Opens next: Tuesday 24 March at 8:30 (by appointment)", list);
        Assert.Contains("Open now: walk-in and by appointment until 12:00", list);
    }

    [Theory, Providers]
    public async Task A_closure_shows_on_the_location_page_with_its_reason_as_one_change(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var latvian = app.CreateBrowserClient("lv");
        await PageAsync(latvian, "/locations/gulbene");
        await app.WithDbAsync(async db =>
        {
            var gulbene = await db.Locations.SingleAsync(l => l.Slug == "gulbene", ct);
            db.LocationClosures.Add(new LocationClosure { LocationId = gulbene.Id, StartsOn = new DateOnly(2026, 3, 24), EndsOn = new DateOnly(2026, 3, 26), ReasonLv = "Darbinieks atvaļinājumā", ReasonEn = "Staff on leave" });
            await db.SaveChangesAsync(ct);
        });

        var lv = await PageAsync(latvian, "/locations/gulbene");

        Assert.Contains("Slēgts: Darbinieks atvaļinājumā", lv);
        Assert.Contains("Otrdiena, 24. marts – Ceturtdiena, 26. marts:</strong> slēgts: Darbinieks atvaļinājumā", lv);
    }

    [Theory, Providers]
    public async Task The_door_poster_shows_a_chosen_week_with_holidays_how_to_book_and_a_qr_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");
        var ct = TestContext.Current.CancellationToken;

        var lv = await PageAsync(latvian, "/locations/valmiera/poster?week=2026-04-01");
        var en = await PageAsync(english, "/locations/valmiera/poster");

        Assert.Contains("30. marts – 5. aprīlis 2026", lv);
        Assert.Contains("Slēgts: Lielā Piektdiena", lv);
        Assert.Contains("Pirmssvētku diena: par stundu īsāka", lv);
        Assert.Contains("src=\"data:image/png;base64,", lv);
        Assert.Contains("http://localhost/locations/valmiera", lv);
        Assert.Contains("16 March – 22 March 2026", en);
        Assert.Contains("Opening hours for clients", en);
        Assert.Equal(HttpStatusCode.NotFound, (await latvian.GetAsync("/locations/atlantida/poster", ct)).StatusCode);
        Assert.Contains("16. marts – 22. marts 2026", await PageAsync(latvian, "/locations/valmiera/poster?week=someday"));
    }

    [Theory, Providers]
    public async Task The_holidays_page_lists_a_years_holidays_moved_days_and_shortened_days(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");
        var ct = TestContext.Current.CancellationToken;

        var lv = await PageAsync(latvian, "/holidays");
        var en2024 = await PageAsync(english, "/holidays?year=2024");
        var en2023 = await PageAsync(english, "/holidays?year=2023");

        Assert.Contains("<h1>Svētku dienas un pārceltās darba dienas 2026. gadā</h1>", lv);
        Assert.Contains("Vasarsvētki", lv);
        Assert.Contains("Sestdiena, 17. janvāris", lv);
        Assert.Contains("<td>Monday 23 December</td>", en2024);
        Assert.Contains("<td>Saturday 14 December</td>", en2024);
        Assert.Contains("Closing day of the 27th Song and 17th Dance Festival", en2023);
        Assert.Contains("<li>Monday 10 July</li>", en2023);
        Assert.Equal(HttpStatusCode.NotFound, (await english.GetAsync("/holidays?year=1999", ct)).StatusCode);
    }
}
