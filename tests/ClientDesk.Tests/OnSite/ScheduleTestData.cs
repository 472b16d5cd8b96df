using System.Net.Http.Headers;
using System.Text;
using ClientDesk.OnSite.Schedule;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.OnSite;

/// <summary>Stops and CSV files for the schedule's tests (the test clock is Tuesday 17 March 2026).</summary>
internal static class ScheduleTestData
{
    public const string Header = "reģions;novads;vieta;kur tieši;platums;garums;datums;sākums;beigas;piezīme;piezīme angliski;datums 2;sākums 2;beigas 2";

    public static async Task<InspectionStop> AddStopAsync(
        TestApp app, string region, string municipality, string place, DateOnly date, TimeOnly start, double? lat = null, double? lon = null, string? where = null)
    {
        var stop = await app.WithDbAsync(async db =>
        {
            var added = new InspectionStop
            {
                RegionId = await db.Regions.Where(r => r.Slug == region).Select(r => r.Id).SingleAsync(), Municipality = municipality, PlaceName = place,
                WhereExactly = where, Latitude = lat, Longitude = lon, Date = date, StartTime = start, EndTime = start.AddMinutes(60),
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.InspectionStops.Add(added);
            await db.SaveChangesAsync();
            return added;
        });
        return stop;
    }

    /// <summary>A spring in three regions: Cēsu (Vidzeme), Ludzas (Latgale) and Kuldīgas (Kurzeme) novads.</summary>
    public static async Task SeedSpringAsync(TestApp app)
    {
        await AddStopAsync(app, "vidzeme", "Cēsu novads", "Vecpiebalga", new DateOnly(2026, 4, 14), new TimeOnly(9, 0), 57.060, 25.812, "pie pagasta pārvaldes");
        await AddStopAsync(app, "vidzeme", "Valmieras novads", "Kocēni", new DateOnly(2026, 4, 15), new TimeOnly(10, 30), 57.522, 25.338);
        await AddStopAsync(app, "latgale", "Ludzas novads", "Nirza", new DateOnly(2026, 4, 16), new TimeOnly(9, 0), 56.362, 27.770);
        await AddStopAsync(app, "kurzeme", "Kuldīgas novads", "Alsunga", new DateOnly(2026, 5, 20), new TimeOnly(12, 0), 56.983, 21.563);
        await AddStopAsync(app, "vidzeme", "Cēsu novads", "Drabeši", new DateOnly(2026, 4, 14), new TimeOnly(11, 0));
    }

    /// <summary>Uploads a CSV file through the import form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, Encoding? encoding = null)
    {
        var page = await client.GetStringAsync("/staff/inspection-stops/import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        var content = new MultipartFormDataContent { { new StringContent(System.Net.WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        var file = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "grafiks.csv");
        return await client.PostAsync("/staff/inspection-stops/import", content);
    }

    public static Task<List<InspectionStop>> StopsAsync(TestApp app) =>
        app.WithDbAsync(db => db.InspectionStops.AsNoTracking().Include(s => s.Region).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync());
}
