using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Reception;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// Demo visitor reception: the officials of V-1 and V-2 (the Director in room 614, a head per region), a demo director
/// and the demo Vidzeme head (demo.valdis) in their posts, and requests in every status — one linked to a demo case.
/// No reception hours are seeded: the sources give none, so the demo shows the "describe the days that suit" path;
/// administrators add hours at /staff/reception/officials. Runs once, on a database with no reception requests.
/// </summary>
internal static class DemoReception
{
    public static async Task SeedAsync(IServiceProvider services, ClientDeskDb db, ILogger logger)
    {
        await Receptions.EnsureOfficialsAsync(db);
        if (await db.ReceptionRequests.AnyAsync() || !await db.ReceptionOfficials.AnyAsync())
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var users = services.GetRequiredService<UserManager<StaffMember>>();
        var receptions = services.GetRequiredService<Receptions>();
        var calendar = await Calendar.CalendarSource.LoadAsync(db);
        var today = RigaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var director = await db.ReceptionOfficials.SingleAsync(o => o.Key == "director");
        var vidzeme = await db.ReceptionOfficials.SingleOrDefaultAsync(o => o.Key == "head-vidzeme") ?? director;
        var kurzeme = await db.ReceptionOfficials.SingleOrDefaultAsync(o => o.Key == "head-kurzeme") ?? director;

        var riga = await db.Locations.Where(l => l.IsHeadOffice).ToListAsync();
        var demoDirector = new StaffMember
        {
            UserName = "demo.direktors", FirstName = "Andris", LastName = "Siliņš", PositionLv = "Direktors (demo)", PositionEn = "Director (demo)",
            Email = "demo.direktors@demo.invalid", Locations = riga,
        };
        if ((await users.CreateAsync(demoDirector, DemoQueue.Password)).Succeeded)
        {
            await users.AddToRoleAsync(demoDirector, Roles.Director);
            director.StaffMemberId = demoDirector.Id;
        }

        if (await db.Users.SingleOrDefaultAsync(u => u.UserName == "demo.valdis") is { } head && vidzeme != director)
        {
            vidzeme.StaffMemberId = head.Id;
            vidzeme.LocationId = await db.Locations.Where(l => l.Slug == "valmiera").Select(l => (int?)l.Id).SingleOrDefaultAsync();
        }

        await db.SaveChangesAsync();

        var deskStaff = await db.Users.Where(u => u.UserName == "demo.liga").Select(u => u.Id).SingleOrDefaultAsync();
        var linkedCase = await db.Cases.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        DateOnly WorkingDay(int daysFromToday) => daysFromToday >= 0
            ? calendar.NextWorkingDayOnOrAfter(today.AddDays(daysFromToday))
            : Enumerable.Range(0, 10).Select(i => today.AddDays(daysFromToday - i)).First(calendar.IsWorkingDay);

        async Task<ReceptionRequest> RequestAsync(ReceptionOfficial official, string topic, string name, string? email, string? phone, ReceptionChannel channel, string preferred, int? caseId = null)
        {
            var (request, _) = await receptions.RegisterAsync(
                new ReceptionIntake(official.Id, topic, name, phone, email, "lv", channel)
                {
                    PreferredTimes = preferred,
                    RegisteredByStaffId = channel == ReceptionChannel.Web ? null : deskStaff,
                    CaseId = caseId,
                });
            return request;
        }

        await RequestAsync(director, "Vēlos pārrunāt traktora tehniskās apskates atteikumu un tā pamatojumu.", "Jānis Bērziņš", "janis.berzins@example.lv", null,
            ReceptionChannel.Web, "Otrdienās vai ceturtdienās pēc 13:00");

        var proposed = await RequestAsync(director, "Par reģistrācijas dokumentu noformēšanu zemnieku saimniecībai.", "Ilze Kalniņa", null, "29123456",
            ReceptionChannel.Phone, "Jebkurā darba dienā no rīta");
        proposed.Propose(WorkingDay(3), new TimeOnly(10, 0), now);

        var confirmed = await RequestAsync(director, "Sūdzība par apkalpošanu Valmierā — vēlos tikties klātienē.", "Māris Ozols", "maris.ozols@example.lv", null,
            ReceptionChannel.Email, "Nākamnedēļ", linkedCase);
        confirmed.Propose(WorkingDay(6), new TimeOnly(11, 0), now);
        confirmed.Accept(now);

        var held = await RequestAsync(vidzeme, "Par izbraukuma apskates grafiku Vidzemē.", "Dace Liepiņa", "dace@example.lv", null,
            ReceptionChannel.Web, "Pirmdienās");
        held.Propose(WorkingDay(-7), new TimeOnly(14, 0), now);
        held.Accept(now);
        held.MarkHeld(now);

        var another = await RequestAsync(vidzeme, "Jautājums par vadītāja apliecības atjaunošanu pēc ilgāka pārtraukuma.", "Guntis Zariņš", "guntis@example.lv", null,
            ReceptionChannel.Web, "Piektdienās");
        another.Propose(WorkingDay(2), new TimeOnly(9, 0), now);
        another.AskAnother("Piektdien esmu Rīgā; derētu nākamā nedēļa.", now);

        var cancelled = await RequestAsync(kurzeme, "Par piekabes reģistrāciju.", "Laura Vītola", "laura@example.lv", null, ReceptionChannel.Post, "Jebkurā laikā");
        cancelled.Cancel("Jautājums atrisināts pa tālruni.", byClient: false, now);

        await db.SaveChangesAsync();
        logger.LogInformation("Demo data: reception requests in every status (no reception hours: none are known)");
    }
}
