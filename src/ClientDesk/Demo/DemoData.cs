using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// The demo configuration (<c>--launch-profile Demo</c>, <c>appsettings.Demo.json</c>): a living system for a newcomer.
/// Services get the demo durations and locations the demo seats from that file, clearly not the agency's figures,
/// and the coming three weeks get bookings through every channel, made by the same <see cref="Bookings"/> code as
/// real ones. Runs once, on a database with no appointments.
/// </summary>
internal static class DemoData
{
    private static readonly string[] FirstNames = ["Jānis", "Andris", "Ilze", "Inese", "Māris", "Guntis", "Dace", "Aivars", "Kristīne", "Edgars", "Zane", "Valdis", "Laura", "Raimonds", "Sandra", "Oskars"];
    private static readonly string[] LastNames = ["Bērziņš", "Kalniņš", "Ozols", "Liepiņš", "Krūmiņš", "Zariņš", "Vītols", "Eglītis", "Kļaviņš", "Jansons", "Pētersons", "Lācis", "Siliņš", "Grīnbergs"];
    private static readonly string[] Farms = ["ZS “Lejasmeijas”", "SIA “Agro Vidzeme”", "ZS “Kalnāji”", "SIA “Latgales lauki”", "ZS “Upenieki”"];
    private static readonly BookingChannels[] StaffChannels = [BookingChannels.Phone, BookingChannels.Phone, BookingChannels.InPerson, BookingChannels.Email, BookingChannels.EServicePortal, BookingChannels.EAddress, BookingChannels.Post];

    public static async Task SeedIfEnabledAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Demo:Enabled", false))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();

        // Each part seeds once, on its own, so that a demo database made by an older version gains the newer parts.
        if (!await db.Appointments.AnyAsync())
        {
            await SeedBookingsAsync(app, scope.ServiceProvider, db);
        }

        await DemoQueue.SeedAsync(scope.ServiceProvider, db, app.Logger);
        await DemoFeedback.SeedAsync(scope.ServiceProvider, db, app.Logger);
        await DemoReception.SeedAsync(scope.ServiceProvider, db, app.Logger);
        await DemoOnSiteRequests.SeedAsync(scope.ServiceProvider, db, app.Logger);
        await DemoOnSitePlanning.SeedAsync(scope.ServiceProvider, db, app.Logger);
        await DemoInspectionSchedule.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), app.Logger);
    }

    private static async Task SeedBookingsAsync(WebApplication app, IServiceProvider services, ClientDeskDb db)
    {

        var minutes = app.Configuration.GetSection("Demo:ServiceMinutes").Get<Dictionary<string, int>>() ?? [];
        foreach (var service in await db.Services.Where(s => s.DurationMinutes == null).ToListAsync())
        {
            service.DurationMinutes = minutes.GetValueOrDefault(service.Code) is > 0 and var m ? m : null;
        }

        var seats = app.Configuration.GetSection("Demo:LocationSeats").Get<Dictionary<string, int>>() ?? [];
        foreach (var location in await db.Locations.ToListAsync())
        {
            location.BookingSeats = seats.GetValueOrDefault(location.Slug, location.BookingSeats);
        }

        await db.SaveChangesAsync();
        var count = await BookComingWeeksAsync(services, db);
        app.Logger.LogInformation("Demo data: {Count} bookings over the coming three weeks", count);
    }

    private static async Task<int> BookComingWeeksAsync(IServiceProvider services, ClientDeskDb db)
    {
        var bookings = services.GetRequiredService<Bookings>();
        var clock = services.GetRequiredService<TimeProvider>();
        var staffId = await db.Users.Select(u => u.Id).FirstOrDefaultAsync();
        var random = new Random(2026);
        var today = Platform.RigaTime.Today(clock);
        var offers = await db.Locations.Where(l => l.IsActive)
            .Select(l => new { l.Id, Services = l.Services.Where(s => s.IsActive && s.DurationMinutes != null).Select(s => new { s.Id, s.Code }).ToList() })
            .ToListAsync();
        var booked = 0;
        foreach (var location in offers.Where(o => o.Services.Count > 0))
        {
            for (var date = today.AddDays(1); date <= today.AddDays(21); date = date.AddDays(1))
            {
                for (var i = random.Next(2, 7); i > 0; i--)
                {
                    var service = location.Services[random.Next(location.Services.Count)];
                    var machines = Booking.Online.OnlineBooking.CountsMachines(service.Code) ? random.Next(1, 4) : 1;
                    var byStaff = random.Next(10) < 4;
                    var channel = byStaff ? StaffChannels[random.Next(StaffChannels.Length)] : BookingChannels.Web;
                    var free = await bookings.AvailabilityAsync(location.Id, service.Id, machines, date, date, channel, forStaff: byStaff);
                    var times = free?.SingleOrDefault()?.Times ?? [];
                    if (times.Count == 0)
                    {
                        continue;
                    }

                    var time = times[random.Next(times.Count)];
                    var outcome = await bookings.BookAsync(new BookingRequest(
                        location.Id, service.Id, date, time.Start, machines, channel, Client(random), byStaff ? staffId : null));
                    booked += outcome is BookingOutcome.Booked ? 1 : 0;
                }
            }
        }

        return booked;
    }

    private static ClientDetails Client(Random random)
    {
        var company = random.Next(6) == 0;
        var name = company ? Farms[random.Next(Farms.Length)] : $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        var phone = "2" + random.Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = random.Next(3) == 0 ? $"klients{random.Next(100, 999)}@example.com" : null;
        return new ClientDetails(name, phone, email, Language: random.Next(8) == 0 ? "en" : "lv");
    }
}
