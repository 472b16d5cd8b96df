using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.OnSite;
using ClientDesk.OnSite.Planning;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// Inspector planning for the demo (issue 7, point 2): inspectors demo.janis (Valmiera, Vidzeme) and demo.anna (Jelgava,
/// Zemgale), password <see cref="DemoQueue.Password"/>; on-site requests of its own around Valmiera and one near Jelgava,
/// a round on the next working day with its clients told, a second one two working days later not yet told, and a few
/// requests left to plan (most with a point, so the planning map draws). Seeds once, independently of the requests' own demo data.
/// </summary>
internal static class DemoOnSitePlanning
{
    private static readonly (string User, string First, string Last, string PositionLv, string PositionEn, string Slug)[] DemoStaff =
    [
        ("demo.janis", "Jānis", "Bērziņš", "Vecākais inspektors", "Senior inspector", "valmiera"),
        ("demo.anna", "Anna", "Kalniņa", "Inspektore", "Inspector", "jelgava"),
    ];

    private static readonly (string Client, string Address, double? Lat, double? Lon, int Machines, string What, string? Email, string? Phone, string Language, string Slug)[] DemoRequests =
    [
        ("Z/S \"Liepas\"", "\"Liepas\", Kocēnu pagasts, Valmieras novads", 57.5220, 25.3390, 2, "MTZ-82, 2PTS-4", "liepas@demo.invalid", null, "lv", "valmiera"),
        ("SIA \"Burtnieku lauki\"", "\"Ezermalas\", Burtnieku pagasts, Valmieras novads", 57.6940, 25.2720, 3, "John Deere 6130M, 2 piekabes", "burtnieki@demo.invalid", null, "lv", "valmiera"),
        ("Pēteris Ozols", "\"Ozoli\", Jērcēnu pagasts, Valmieras novads", 57.6270, 25.6880, 1, "T-40AM", null, "29100001", "lv", "valmiera"),
        ("Green Acres Ltd", "\"Kalna Ķirši\", Rūjienas pagasts, Valmieras novads", 57.8970, 25.3270, 1, "Claas Arion 430", "greenacres@demo.invalid", null, "en", "valmiera"),
        ("Z/S \"Mežmalas\"", "\"Mežmalas\", Launkalnes pagasts, Smiltenes novads", 57.4240, 25.9010, 2, "Belarus 1221, kultivators", "mezmalas@demo.invalid", null, "lv", "gulbene"),
        ("Ilze Kalna", "\"Kalnieši\", Mazsalacas pagasts, Valmieras novads", null, null, 1, "Zetor 7211", "kalniesi@demo.invalid", null, "lv", "valmiera"),
        ("Z/S \"Avoti\"", "\"Avoti\", Ozolnieku pagasts, Jelgavas novads", 56.6890, 23.7790, 1, "Fendt 312", "avoti@demo.invalid", null, "lv", "jelgava"),
        ("SIA \"Dikļu dārzi\"", "\"Lejasdārzi\", Dikļu pagasts, Valmieras novads", 57.5900, 25.1000, 2, "New Holland T5, piekabe", "diklu@demo.invalid", null, "lv", "valmiera"),
        ("Māris Avotiņš", "\"Avotiņi\", Naukšēnu pagasts, Valmieras novads", 57.8800, 25.4700, 1, "MTZ-80", null, "29100002", "lv", "valmiera"),
        ("Z/S \"Brenguļi\"", "\"Kalnāji\", Brenguļu pagasts, Valmieras novads", 57.5450, 25.5100, 2, "Valtra N134, pļaujmašīna", "brengulji@demo.invalid", null, "lv", "valmiera"),
    ];

    public static async Task SeedAsync(IServiceProvider services, ClientDeskDb db, ILogger logger)
    {
        if (await db.Users.AnyAsync(u => u.UserName == DemoStaff[0].User))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var users = services.GetRequiredService<UserManager<StaffMember>>();
        var rounds = services.GetRequiredService<Rounds>();
        var locations = await db.Locations.Where(l => DemoRequests.Select(r => r.Slug).Contains(l.Slug)).ToDictionaryAsync(l => l.Slug);
        var service = await db.Services.Where(s => s.OnSite && s.IsActive).OrderBy(s => s.Code == "technical-inspection" ? 0 : 1).FirstOrDefaultAsync();
        if (service is null || !locations.ContainsKey("valmiera") || !locations.ContainsKey("jelgava"))
        {
            logger.LogWarning("Demo on-site planning: no on-site service or no Valmiera/Jelgava office; skipped");
            return;
        }

        var staff = new Dictionary<string, StaffMember>();
        foreach (var (user, firstName, last, positionLv, positionEn, slug) in DemoStaff)
        {
            var member = new StaffMember { UserName = user, FirstName = firstName, LastName = last, PositionLv = positionLv, PositionEn = positionEn, Locations = [locations[slug]] };
            var created = await users.CreateAsync(member, DemoQueue.Password);
            if (!created.Succeeded)
            {
                logger.LogWarning("Demo on-site planning: staff member {User} not created: {Errors}", user, string.Join("; ", created.Errors.Select(e => e.Code)));
                return;
            }

            await users.AddToRoleAsync(member, Roles.Inspector);
            staff[slug] = member;
        }

        var today = RigaTime.Today(clock);
        var year = today.Year;
        // Numbered by the same counter as real requests, so a request sent later never meets a demo number.
        Task<int?> HighestInUse(CancellationToken ct) => db.OnSiteRequests.Where(r => r.Year == year).MaxAsync(r => (int?)r.Sequence, ct);
        var requests = new List<OnSiteRequest>();
        foreach (var d in DemoRequests)
        {
            requests.Add(new OnSiteRequest
            {
                Year = year, Sequence = await Numbering.NextAsync(db, $"onsite:{year}", HighestInUse, default), ServiceId = service.Id, LocationId = locations[d.Slug].Id, Channel = d.Phone is null ? OnSiteChannel.Web : OnSiteChannel.Phone,
                Address = d.Address, Latitude = d.Lat, Longitude = d.Lon, Machines = d.Machines, MachinesDescription = d.What,
                EarliestDate = today, LatestDate = today.AddDays(28), SuitableWeekdays = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday,
                ClientName = d.Client, Email = d.Email, Phone = d.Phone, Language = d.Language,
                StatusTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")), CreatedAtUtc = clock.GetUtcNow().UtcDateTime.AddDays(-3),
                RegisteredByStaffId = d.Phone is null ? null : staff["valmiera"].Id,
            });
        }

        db.OnSiteRequests.AddRange(requests);
        await db.SaveChangesAsync();

        var janis = staff["valmiera"];
        var first = NextWorkingDay(today);
        var second = NextWorkingDay(NextWorkingDay(first));
        var told = await rounds.CreateAsync(new NewRound(locations["valmiera"].Id, first, janis.Id, [requests[0].Id, requests[1].Id, requests[2].Id], WindowProposal.Default), janis.Id);
        if (told.RoundId is { } toldId)
        {
            var version = await db.InspectionRounds.Where(r => r.Id == toldId).Select(r => r.Version).SingleAsync();
            await rounds.NotifyAsync(toldId, version);
        }

        await rounds.CreateAsync(new NewRound(locations["valmiera"].Id, second, janis.Id, [requests[3].Id, requests[4].Id], WindowProposal.Default), janis.Id);
        logger.LogInformation("Demo data: on-site rounds on {First} and {Second} (inspectors demo.janis, demo.anna; password {Password})", first, second, DemoQueue.Password);
    }

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
