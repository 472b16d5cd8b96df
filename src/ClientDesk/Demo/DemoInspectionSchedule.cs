using ClientDesk.Data;
using ClientDesk.OnSite.Schedule;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// A made-up mobile inspection schedule for the demo (issue 7, point 6): real Latvian parishes and villages at
/// approximate coordinates, each visited twice in spring 2027 (April, then May or June), and a few stops in the
/// demo's current weeks so that the public page is not empty. Every stop's note says it is demo data.
/// </summary>
internal static class DemoInspectionSchedule
{
    private const string NoteLv = "Demonstrācijas dati — nav īsts VTUA grafiks.";
    private const string NoteEn = "Demo data — not a real VTUA schedule.";

    private static readonly (string Region, string Municipality, string Place, string Where, double Lat, double Lon)[] Places =
    [
        ("vidzeme", "Valmieras novads", "Kocēni", "pie pagasta pārvaldes", 57.522, 25.338),
        ("vidzeme", "Valmieras novads", "Naukšēni", "pie bijušajām darbnīcām", 57.883, 25.449),
        ("vidzeme", "Cēsu novads", "Vecpiebalga", "laukumā pie pagasta pārvaldes", 57.060, 25.812),
        ("vidzeme", "Gulbenes novads", "Stāmeriena", "pie dzelzceļa stacijas", 57.224, 26.887),
        ("kurzeme", "Kuldīgas novads", "Alsunga", "pie kultūras nama", 56.983, 21.563),
        ("kurzeme", "Dienvidkurzemes novads", "Vērgale", "pie pagasta pārvaldes", 56.700, 21.195),
        ("kurzeme", "Ventspils novads", "Ugāle", "pie darbnīcām", 57.270, 22.040),
        ("kurzeme", "Dienvidkurzemes novads", "Nīca", "laukumā pie pagasta pārvaldes", 56.346, 21.063),
        ("zemgale", "Bauskas novads", "Rundāle", "pie pagasta pārvaldes", 56.412, 24.018),
        ("zemgale", "Jelgavas novads", "Eleja", "pie darbnīcām", 56.421, 23.695),
        ("zemgale", "Dobeles novads", "Bēne", "pie dzelzceļa stacijas", 56.490, 23.070),
        ("zemgale", "Aizkraukles novads", "Skrīveri", "pie kultūras nama", 56.647, 25.121),
        ("latgale", "Ludzas novads", "Nirza", "pie pagasta pārvaldes", 56.362, 27.770),
        ("latgale", "Rēzeknes novads", "Malta", "pie darbnīcām", 56.346, 27.168),
        ("latgale", "Preiļu novads", "Aglona", "laukumā pie pagasta pārvaldes", 56.132, 27.006),
        ("latgale", "Augšdaugavas novads", "Naujene", "pie pagasta pārvaldes", 55.925, 26.720),
        ("riga", "Ogres novads", "Suntaži", "pie pagasta pārvaldes", 56.908, 24.930),
        ("riga", "Ogres novads", "Madliena", "pie darbnīcām", 56.848, 25.122),
    ];

    private static readonly TimeOnly[] Starts = [new(9, 0), new(10, 30), new(12, 0), new(13, 30)];

    public static async Task SeedAsync(ClientDeskDb db, TimeProvider clock, ILogger logger)
    {
        if (await db.InspectionStops.AnyAsync())
        {
            return;
        }

        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug, r => r.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = RigaTime.Today(clock);
        var stops = new List<InspectionStop>();
        void Add(int place, DateOnly date)
        {
            var (region, municipality, name, where, lat, lon) = Places[place];
            var start = Starts[place % 4];
            stops.Add(new InspectionStop
            {
                RegionId = regions[region], Municipality = municipality, PlaceName = name, WhereExactly = where, Latitude = lat, Longitude = lon,
                Date = date, StartTime = start, EndTime = start.AddMinutes(60), NoteLv = NoteLv, NoteEn = NoteEn, CreatedAtUtc = now,
            });
        }

        // Spring 2027: a region's four places on one weekday, the first round in April, the second five weeks later.
        for (var place = 0; place < Places.Length; place++)
        {
            var april = new DateOnly(2027, 4, 6).AddDays((place / 4) + (7 * (place % 2)));
            Add(place, april);
            Add(place, april.AddDays(35));
        }

        // The demo's current weeks: every other place on a working day of the next three weeks.
        var day = today.AddDays(1);
        for (var place = 0; place < Places.Length; place += 2)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            Add(place, day);
            day = day.AddDays(2);
        }

        db.InspectionStops.AddRange(stops.Where(s => s.Date >= today).DistinctBy(s => (s.Date, s.PlaceName)));
        await db.SaveChangesAsync();
        logger.LogInformation("Demo data: {Count} inspection stops", stops.Count);
    }
}
