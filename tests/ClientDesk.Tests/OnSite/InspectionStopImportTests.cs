using System.Net;
using System.Text;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using static ClientDesk.Tests.OnSite.ScheduleTestData;

namespace ClientDesk.Tests.OnSite;

/// <summary>The schedule's CSV import over HTTP: every line checked, every problem reported with its line, nothing half-imported.</summary>
public sealed class InspectionStopImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> InspectorAsync(TestApp app, string culture = "lv")
    {
        await app.CreateStaffAsync("inga", [Roles.Inspector], ["valmiera", "ludza", "kuldiga"]);
        return await app.SignInAsync("inga", culture);
    }

    [Theory, Providers]
    public async Task A_good_file_with_semicolons_decimal_commas_both_date_forms_and_second_visits_imports_every_stop(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await InspectorAsync(app);
        var csv = "\uFEFF" + Header + "\r\n"
            + "Latgale;Ludzas novads;Nirza;pie pagasta pārvaldes;56,3621;27,7702;2026-04-14;9:00;10:00;;;19.05.2026;09:00;10:00\r\n"
            + "vidzeme;Cēsu novads;Vecpiebalga;\"pie darbnīcām; Skolas iela 3\";57,06;25,812;15.04.2026.;10:30;11:30;Ar OCTA polisi;Bring the OCTA policy;;;\r\n"
            + "\r\n"
            + "KURZEME;Kuldīgas novads;Alsunga;;;;2026-04-16;12:00;13:30;;;;;\r\n";

        var response = await ImportAsync(client, csv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stops = await StopsAsync(app);
        Assert.Equal(4, stops.Count);
        Assert.Equal(
            ["2026-04-14 Nirza 09:00-10:00 latgale 56.3621,27.7702", "2026-04-15 Vecpiebalga 10:30-11:30 vidzeme 57.06,25.812", "2026-04-16 Alsunga 12:00-13:30 kurzeme ,", "2026-05-19 Nirza 09:00-10:00 latgale 56.3621,27.7702"],
            stops.Select(s => $"{s.Date:yyyy-MM-dd} {s.PlaceName} {s.StartTime:HH:mm}-{s.EndTime:HH:mm} {s.Region.Slug} {s.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture)},{s.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Equal(("pie darbnīcām; Skolas iela 3", "Ar OCTA polisi", "Bring the OCTA policy"), (stops[1].WhereExactly, stops[1].NoteLv, stops[1].NoteEn));
        var list = await (await client.GetAsync("/staff/inspection-stops?from=2026-04-01&to=2026-06-30", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Ielādētas vietas: 4.", list);
        Assert.Contains("Vecpiebalga", list);
    }

    [Theory, Providers]
    public async Task A_comma_separated_file_with_english_headers_and_quoted_decimal_commas_imports(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await InspectorAsync(app);
        var csv = "region,municipality,place,where,latitude,longitude,date,start,end\n"
            + "Latgale,Ludzas novads,Nirza,,\"56,3621\",\"27,7702\",2026-04-14,9:00,10:00\n"
            + "Vidzeme,Cēsu novads,Vecpiebalga,,57.06,25.812,14.04.2026,11:00,12:00\n";

        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, csv)).StatusCode);
        Assert.Equal([56.3621, 57.06], (await StopsAsync(app)).Select(s => s.Latitude!.Value));
    }

    [Theory, Providers]
    public async Task A_file_with_several_bad_lines_stores_nothing_and_reports_each_line_with_its_number(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await InspectorAsync(app);
        var csv = Header + "\n"
            + "Latgale;Ludzas novads;Nirza;;;;2026-04-14;9:00;10:00;;;;;\n"               // 2: good
            + "Kurzme;Kuldīgas novads;Alsunga;;;;2026-04-14;9:00;10:00;;;;;\n"            // 3: unknown region
            + "Vidzeme;Cēsu novads;;;;;2026-04-14;9:00;10:00;;;;;\n"                       // 4: no place
            + "Vidzeme;Cēsu novads;Drabeši;;;;2026-04-31;9:00;10:00;;;;;\n"                // 5: no such date
            + "Vidzeme;Cēsu novads;Vecpiebalga;;;;2026-04-14;11:00;10:30;;;;;\n"           // 6: end before start
            + "Vidzeme;Cēsu novads;Taurene;;25,8;57,1;2026-04-14;9:00;10:00;;;;;\n"        // 7: point swapped, outside Latvia
            + "Latgale;Ludzas novads;NIRZA;;;;2026-04-14;9:00;10:30;;;;;\n"                // 8: same stop as line 2
            + "Vidzeme;Cēsu novads;Līvi;;;;2026-03-16;9.00;10:00;;;;;\n"                   // 9: past date and bad time
            + "Vidzeme;Cēsu novads;Rauna;;;;2026-04-14;9:00\n";                            // 10: too few fields

        var response = await ImportAsync(client, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Nekas netika ielādēts", page);
        Assert.Contains("3. rinda: nezināms reģions “Kurzme”", page);
        Assert.Contains("4. rinda: nav norādīta vieta.", page);
        Assert.Contains("5. rinda: kolonnā “datums” datums “2026-04-31” nav saprotams", page);
        Assert.Contains("6. rinda: kolonnā “beigas” beigas 10:30 nav vēlāk par sākumu 11:00.", page);
        Assert.Contains("7. rinda: punkts 25,8, 57,1 nav Latvijā", page);
        Assert.Contains("8. rinda: tā pati vieta tajā pašā laikā jau ir 2. rindā.", page);
        Assert.Contains("9. rinda: kolonnā “datums” datums 2026-03-16 jau pagājis.", page);
        Assert.Contains("9. rinda: kolonnā “sākums” laiks “9.00” nav saprotams", page);
        Assert.Contains("10. rinda: rindā ir 8 lauki, bet virsrakstā 14.", page);
        Assert.DoesNotContain("2. rinda", page);
        Assert.Empty(await StopsAsync(app));
    }

    [Theory, Providers]
    public async Task A_stop_already_in_the_schedule_is_reported_and_nothing_of_the_file_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await InspectorAsync(app, "en");
        await AddStopAsync(app, "latgale", "Ludzas novads", "Nirza", new DateOnly(2026, 4, 14), new TimeOnly(9, 0));
        var csv = Header + "\n"
            + "Latgale;Ludzas novads;Pilda;;;;2026-04-14;11:00;12:00;;;;;\n"
            + "Latgale;Ludzas novads;Nirza;;;;2026-05-10;9:00;10:00;;;14.04.2026;9:00;10:00\n";

        var response = await ImportAsync(client, csv);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Nothing was imported", page);
        Assert.Contains("Line 3: the stop “Nirza” on 2026-04-14 at 9:00 is already in the schedule.", page);
        Assert.Single(await StopsAsync(app));

        // The same file again without the duplicate goes in whole.
        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, csv.Replace(";14.04.2026;9:00;10:00", ";;;"))).StatusCode);
        Assert.Equal(3, (await StopsAsync(app)).Count);
    }

    [Theory, Providers]
    public async Task An_inspector_imports_only_for_the_regions_of_their_locations_and_a_file_not_in_utf8_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("juris", [Roles.Inspector], ["valmiera"]);
        var client = await app.SignInAsync("juris");

        var page = WebUtility.HtmlDecode(await (await ImportAsync(client, Header + "\nLatgale;Ludzas novads;Nirza;;;;2026-04-14;9:00;10:00;;;;;\n")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("2. rinda: nezināms reģions “Latgale” (vai reģions, kuru jūs nevarat mainīt)", page);

        var latin1 = await ImportAsync(client, Header + "\nVidzeme;Cesu novads;Vecpiebalga;pie kafejnīcas Café;;;2026-04-14;9:00;10:00;;;;;\n", Encoding.Latin1);
        Assert.Contains("Fails nav UTF-8 kodējumā", WebUtility.HtmlDecode(await latin1.Content.ReadAsStringAsync(Ct)));
        Assert.Empty(await StopsAsync(app));
    }

    [Theory, Providers]
    public async Task The_template_has_the_columns_in_the_users_language_and_imports_as_it_is_once_its_dates_are_to_come(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await InspectorAsync(app);

        var response = await client.GetAsync("/staff/inspection-stops/import?handler=Template", Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var template = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        Assert.StartsWith(Header + "\r\n", template);

        Assert.Equal(HttpStatusCode.Redirect, (await ImportAsync(client, template)).StatusCode);
        Assert.Equal(2, (await StopsAsync(app)).Count);

        var english = await (await app.SignInAsync("inga", "en")).GetByteArrayAsync("/staff/inspection-stops/import?handler=Template", Ct);
        Assert.StartsWith("region;municipality;place;where;latitude;longitude;date;start;end;note_lv;note_en;date2;start2;end2", Encoding.UTF8.GetString(english).TrimStart('\uFEFF'));
    }

    [Theory, Providers]
    public async Task Staff_add_change_and_delete_a_stop_and_a_client_or_desk_clerk_cannot(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await InspectorAsync(app);
        var form = new Dictionary<string, string>
        {
            ["Input.RegionId"] = (await app.WithDbAsync(db => Task.FromResult(db.Regions.Single(r => r.Slug == "latgale").Id))).ToString(),
            ["Input.Municipality"] = "Ludzas novads", ["Input.PlaceName"] = "Nirza", ["Input.WhereExactly"] = "pie pagasta pārvaldes",
            ["Input.Latitude"] = "56,3621", ["Input.Longitude"] = "27,7702", ["Input.Date"] = "2026-04-14", ["Input.Start"] = "09:00", ["Input.End"] = "08:30",
        };

        var refused = await client.PostFormAsync("/staff/inspection-stops/edit", new(form));
        Assert.Contains("Beigām jābūt vēlāk par sākumu.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        form["Input.End"] = "10:00";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/staff/inspection-stops/edit", new(form))).StatusCode);
        var stop = Assert.Single(await StopsAsync(app));
        Assert.Equal((56.3621, 27.7702), (stop.Latitude!.Value, stop.Longitude!.Value));

        var twice = await client.PostFormAsync("/staff/inspection-stops/edit", new(form));
        Assert.Contains("Šajā datumā un laikā šī vieta grafikā jau ir.", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync(Ct)));

        // A change saved on a stale page is refused: someone else changed the stop meanwhile.
        var editPage = $"/staff/inspection-stops/edit/{stop.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(editPage, new(form) { ["Input.Start"] = "09:30", ["Input.Version"] = stop.Version.ToString() })).StatusCode);
        var stale = await client.PostFormAsync(editPage, new(form) { ["Input.Start"] = "08:00", ["Input.Version"] = stop.Version.ToString() });
        Assert.Contains("kāds cits šos datus jau mainīja", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Ct)));
        stop = Assert.Single(await StopsAsync(app));
        Assert.Equal(new TimeOnly(9, 30), stop.StartTime);

        await app.CreateStaffAsync("liga", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var clerk = await app.SignInAsync("liga");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/staff/inspection-stops/import", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().GetAsync("/staff/inspection-stops", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{editPage}?handler=Delete", new() { ["Input.Version"] = stop.Version.ToString() }, editPage)).StatusCode);
        Assert.Empty(await StopsAsync(app));
    }
}
