using System.Net;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Tests.Queue.QueuePublicSupport;

namespace ClientDesk.Tests.Queue;

/// <summary>The lobby kiosk over HTTP, on SQLite and PostgreSQL. The test clock is Tuesday 17 March 2026, 09:00 in Riga: Valmiera serves walk-in clients.</summary>
public sealed class KioskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, Providers]
    public async Task The_kiosk_gives_a_number_in_a_walk_in_window_and_shows_it_once_with_its_qr_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kiosk = app.CreateBrowserClient();

        var start = await kiosk.GetStringAsync("/queue/valmiera/kiosk", Ct);
        Assert.Contains("Latviešu", start);
        Assert.Contains("English", start);
        var menu = await kiosk.GetStringAsync("/queue/valmiera/kiosk?culture=en&step=menu", Ct);
        Assert.Contains("For tractor drivers", menu);
        Assert.Contains("I have an appointment", menu);
        var group = await kiosk.GetStringAsync("/queue/valmiera/kiosk?culture=en&group=C", Ct);
        Assert.Contains("Theory exam on road-traffic rules", group);
        var take = await kiosk.GetStringAsync($"/queue/valmiera/kiosk?culture=en&service={Exam}", Ct);
        Assert.Contains("Take a number", take);

        var first = await TakeAtKioskAsync(kiosk, "en");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/queue/valmiera/kiosk/ticket?culture=en", first.Headers.Location!.OriginalString);
        var ticketPage = await kiosk.GetStringAsync("/queue/valmiera/kiosk/ticket?culture=en", Ct);
        Assert.Contains("C001", ticketPage);
        Assert.Contains("You are next.", ticketPage);
        Assert.Contains("data:image/png;base64,", ticketPage);
        Assert.Contains("data-print", ticketPage);

        // The ticket is shown once: reloading the kiosk's ticket page goes back to the start, the token stays out of its history.
        var again = await kiosk.GetAsync("/queue/valmiera/kiosk/ticket?culture=en", Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await TakeAtKioskAsync(kiosk, "lv")).StatusCode);
        var second = await kiosk.GetStringAsync("/queue/valmiera/kiosk/ticket?culture=lv", Ct);
        Assert.Contains("C002", second);
        Assert.Contains("Priekšā: 1", second);
        Assert.Contains("Aptuveni 15 min", second);

        var tickets = await app.WithDbAsync(db => db.Tickets.AsNoTracking().OrderBy(t => t.Number).ToListAsync(Ct));
        Assert.Equal([1, 2], tickets.Select(t => t.Number));
        Assert.All(tickets, t => Assert.Equal(TicketSource.Kiosk, t.Source));
        Assert.Equal(["en", "lv"], tickets.Select(t => t.Language));
    }

    [Theory, Providers]
    public async Task Outside_walk_in_hours_the_kiosk_says_when_walk_in_service_is_next_and_issues_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetUtcNow(LunchBreak);
        var kiosk = app.CreateBrowserClient();

        var menu = await kiosk.GetStringAsync("/queue/valmiera/kiosk?culture=lv&step=menu", Ct);
        Assert.Contains("Bez pieraksta šobrīd nepieņemam.", menu);
        Assert.Contains("Nākamreiz bez pieraksta: otrdiena, 17. marts", menu);
        Assert.Contains("Man ir pieraksts", menu);
        var english = await kiosk.GetStringAsync("/queue/valmiera/kiosk?culture=en&step=menu", Ct);
        Assert.Contains("Next walk-in service: Tuesday 17 March", english);

        var refused = await TakeAtKioskAsync(kiosk, "lv");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nākamreiz bez pieraksta", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task An_appointment_checks_in_by_its_reference_or_by_its_manage_address_and_an_unknown_one_is_told_plainly(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AppointmentTodayAsync(app, "K7M2QX9D", new TimeOnly(9, 30));
        await AppointmentTodayAsync(app, "H4ZP8RTW", new TimeOnly(9, 45));
        var kiosk = app.CreateBrowserClient();
        const string checkIn = "/queue/valmiera/kiosk/check-in?culture=lv";

        var typed = await kiosk.PostFormAsync(checkIn, new() { ["Reference"] = " k7m2-qx9d " });
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        var shown = await kiosk.GetStringAsync(typed.Headers.Location!.OriginalString, Ct);
        Assert.Contains("C001", shown);
        Assert.Contains("Pieraksts plkst. 9:30", shown);

        var scanned = await kiosk.PostFormAsync(checkIn, new() { ["Reference"] = "https://klienti.vtua.gov.lv/booking/H4ZP8RTW?token=abc" });
        Assert.Equal(HttpStatusCode.Redirect, scanned.StatusCode);
        Assert.Contains("C002", await kiosk.GetStringAsync(scanned.Headers.Location!.OriginalString, Ct));

        var twice = await kiosk.PostFormAsync(checkIn, new() { ["Reference"] = "K7M2QX9D" });
        Assert.Contains("Jūs jau esat rindā ar numuru C001.", await twice.Content.ReadAsStringAsync(Ct));
        var unknown = await kiosk.PostFormAsync(checkIn, new() { ["Reference"] = "ZZZZ2222" });
        Assert.Contains("Šodien šeit nav pieraksta ar šo numuru.", await unknown.Content.ReadAsStringAsync(Ct));
        var english = await kiosk.PostFormAsync("/queue/valmiera/kiosk/check-in?culture=en", new() { ["Reference"] = "not a reference" });
        Assert.Contains("A booking reference is 8 letters and digits", await english.Content.ReadAsStringAsync(Ct));

        var tickets = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Appointment).ToListAsync(Ct));
        Assert.Equal(2, tickets.Count);
        Assert.All(tickets, t => Assert.Equal(AppointmentStatus.Arrived, t.Appointment!.Status));
    }

    [Theory, Providers]
    public async Task Check_in_works_outside_walk_in_hours(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetUtcNow(LunchBreak);
        await AppointmentTodayAsync(app, "K7M2QX9D", new TimeOnly(12, 45));
        var kiosk = app.CreateBrowserClient("en");

        var response = await kiosk.PostFormAsync("/queue/valmiera/kiosk/check-in?culture=en", new() { ["Reference"] = "K7M2QX9D" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Appointment at 12:45", await kiosk.GetStringAsync(response.Headers.Location!.OriginalString, Ct));
    }

    [Theory]
    [InlineData("K7M2QX9D", "K7M2QX9D")]
    [InlineData("k7m2 qx9d", "K7M2QX9D")]
    [InlineData("http://localhost:5080/booking/K7M2QX9D?token=x-y", "K7M2QX9D")]
    [InlineData("/booking/k7m2qx9d", "K7M2QX9D")]
    [InlineData("K7M2QX9", null)]
    [InlineData("https://example.com/booking/K7M2QX9D1", null)]
    [InlineData("", null)]
    public void A_scanned_or_typed_reference_is_read(string input, string? expected) =>
        Assert.Equal(expected, ClientDesk.Queue.Kiosk.CheckInModel.ReadReference(input));

    [Theory, Providers]
    public async Task An_unknown_kiosk_location_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var kiosk = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.GetAsync("/queue/nowhere/kiosk", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kiosk.GetAsync("/queue/valmiera/kiosk?service=no-such", Ct)).StatusCode);
    }
}
