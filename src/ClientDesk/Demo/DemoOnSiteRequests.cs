using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.OnSite;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// On-site requests for the demo (issue 7, item 6): a dozen farms across the regions waiting to be planned, some asking
/// for another day, from the web and registered by staff from phone calls, e-mails and the portals. Saved through
/// <see cref="OnSiteRequests"/> so numbers and fees are the real ones; rounds are the planning demo's, not made here.
/// </summary>
internal static class DemoOnSiteRequests
{
    private static readonly (string Service, string Office, string Address, double? Lat, double? Lon, int Machines, string What, string Name, string Phone, OnSiteChannel Channel, string? OtherDay)[] Farms =
    [
        ("technical-inspection", "valmiera", "Z/s “Kalnieši”, Kocēnu pagasts, Valmieras novads", 57.5820, 25.3910, 3, "MTZ-82, Belarus 1221 un piekabe 2PTS-4", "Jānis Bērziņš", "29123401", OnSiteChannel.Web, null),
        ("technical-inspection", "valmiera", "“Lejasmuiža”, Burtnieku pagasts", 57.7070, 25.2760, 2, "John Deere 6155M un smidzinātājs", "SIA “Burtnieku lauki”", "29123402", OnSiteChannel.Phone, null),
        ("technical-inspection", "gulbene", "Z/s “Ozoli”, Stāmerienas pagasts, Gulbenes novads", 57.2140, 26.8620, 4, "Četri traktori T-25 un T-40", "Aivars Ozoliņš", "29123403", OnSiteChannel.Web, "Aprīļa sākumā sējas darbi; der no 20. aprīļa."),
        ("technical-inspection", "madona", "“Priedes”, Lazdonas pagasts, Madonas novads", null, null, 1, "MTZ-80", "Inese Kalniņa", "29123404", OnSiteChannel.Email, null),
        ("aal-inspection", "kuldiga", "Z/s “Rumbas”, Rumbas pagasts, Kuldīgas novads", 56.9400, 22.0400, 2, "Divi piekabināmie smidzinātāji (18 m un 24 m)", "SIA “Rumbas agro”", "29123405", OnSiteChannel.EServicePortal, null),
        ("technical-inspection", "kuldiga", "“Vecsētas”, Padures pagasts", 56.9010, 21.8400, 2, "Zetor 7745 un piekabe", "Kārlis Liepa", "29123406", OnSiteChannel.Phone, null),
        ("aal-inspection", "jelgava", "Z/s “Vilces”, Vilces pagasts, Jelgavas novads", 56.4160, 23.5410, 1, "Pašgājējs smidzinātājs Amazone Pantera", "SIA “Zemgales graudi”", "29123407", OnSiteChannel.Web, null),
        ("technical-inspection", "jelgava", "“Bērzkalni”, Glūdas pagasts", 56.6200, 23.5600, 5, "Trīs traktori, kombains, piekabe", "Zemnieku saimniecība “Bērzkalni”", "29123408", OnSiteChannel.LatvijaLv, "Norādītajā dienā būšu prom; lūdzu nākamnedēļ."),
        ("technical-inspection", "bauska", "Z/s “Mežotnes”, Mežotnes pagasts, Bauskas novads", 56.4420, 24.0470, 2, "Case IH Puma 185 un piekabe", "Laura Krūmiņa", "29123409", OnSiteChannel.Web, null),
        ("technical-inspection", "rezekne", "“Kalnāji”, Griškānu pagasts, Rēzeknes novads", 56.5530, 27.1990, 1, "T-16M", "Pēteris Ivanovs", "29123410", OnSiteChannel.InPerson, null),
        ("aal-inspection", "ludza", "Z/s “Istras”, Istras pagasts, Ludzas novads", null, null, 1, "Piekarināmais smidzinātājs 12 m", "Olga Kozlova", "29123411", OnSiteChannel.Post, "Laiks par aukstu (zem +7 °C); lūdzu maija sākumā."),
        ("technical-inspection", "riga", "“Dārziņi”, Babītes pagasts, Mārupes novads", 56.9570, 23.9060, 2, "Kubota L2501 un piekabe", "SIA “Babītes dārzi”", "29123412", OnSiteChannel.EAddress, null),
    ];

    public static async Task SeedAsync(IServiceProvider services, ClientDeskDb db, ILogger logger)
    {
        if (await db.OnSiteRequests.AnyAsync())
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var requests = services.GetRequiredService<OnSiteRequests>();
        var today = RigaTime.Today(clock);
        var clerk = await db.Users.Where(u => u.UserName != null && u.UserName.StartsWith("demo.")).OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync();
        var onSite = await requests.ServicesAsync(default);
        var count = 0;
        foreach (var (farm, index) in Farms.Select((f, i) => (f, i)))
        {
            if (onSite.FirstOrDefault(s => s.Code == farm.Service) is not { } service
                || (await requests.OfficesAsync(service.Id, default)).FirstOrDefault(o => o.Slug == farm.Office) is not { } office)
            {
                continue;
            }

            var point = farm.Lat is { } lat && farm.Lon is { } lon ? (lat, lon) : ((double, double)?)null;
            var earliest = today.AddDays(3 + (index % 5));
            var application = new OnSiteApplication(
                service.Id, office.Id, farm.Address, index % 3 == 0 ? "Pēc autobusa pieturas pa labi, otrā māja" : null, farm.Lat, farm.Lon, farm.Machines, farm.What,
                earliest, earliest.AddDays(21 + index), Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday,
                farm.Name, farm.Phone, null, "lv", null, OnSiteRequests.QuoteFor(service, office, point));
            var staffId = farm.Channel == OnSiteChannel.Web || string.IsNullOrEmpty(clerk) ? null : clerk;
            var registered = await requests.RegisterAsync(application, farm.Channel, staffId);
            if (farm.OtherDay is { } reason)
            {
                registered.Request.Status = OnSiteStatus.OtherDayAsked;
                registered.Request.StatusNote = reason;
                registered.Request.Version = Guid.NewGuid();
                await db.SaveChangesAsync();
            }

            count++;
        }

        logger.LogInformation("Demo: {Count} on-site requests waiting to be planned.", count);
    }
}
