using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Booking;

/// <summary>
/// The public booking pages over HTTP, as a browser uses them: service → place → time (held) → details →
/// confirmation with the manage link, then moving and cancelling through that link.
/// </summary>
public sealed partial class OnlineBookingTests
{
    // The test clock is Tuesday 17 March 2026, 09:00 in Riga; Tuesday 24 March at Valmiera has appointments 8:30–18:00.
    private const string When = "/booking/when?service=theory-exam-traffic&location=valmiera";
    private const string Tuesday = "2026-03-24";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Chooses a time on the time page and returns the details page's address (with the hold).</summary>
    private static async Task<string> HoldAsync(HttpClient client, string time = "10:00", string when = When)
    {
        var response = await client.PostFormAsync(when, new() { ["time"] = $"{Tuesday}T{time}", ["from"] = Tuesday }, when + "&from=" + Tuesday);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/booking/details?", location, StringComparison.Ordinal);
        return location;
    }

    private static Dictionary<string, string> Details(string page, string name = "Jānis Bērziņš", string phone = "29123456", string email = "", string code = "", string company = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.Phone"] = phone,
        ["Input.Email"] = email,
        ["Input.PersonalCode"] = code,
        ["Input.CompanyNumber"] = company,
        ["Input.Language"] = "lv",
        ["Input.Note"] = "",
        ["Input.Website"] = "",
        ["Input.Ticket"] = TicketPattern().Match(page).Groups[1].Value,
    };

    /// <summary>Fills the details form (after the few seconds a person needs) and returns the response.</summary>
    private static async Task<HttpResponseMessage> BookAsync(TestApp app, HttpClient client, string detailsUrl, Func<string, Dictionary<string, string>>? fields = null)
    {
        var page = await client.GetStringAsync(detailsUrl, Ct);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        return await client.PostFormAsync(detailsUrl, (fields ?? (p => Details(p)))(page));
    }

    private static async Task<(string Reference, string ManageUrl)> BookThroughThePagesAsync(TestApp app, HttpClient client, string time = "10:00", string phone = "29123456")
    {
        var details = await HoldAsync(client, time);
        var response = await BookAsync(app, client, details, page => Details(page, phone: phone));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var manage = response.Headers.Location!.OriginalString;
        var match = ManagePattern().Match(manage);
        Assert.True(match.Success, manage);
        return (match.Groups[1].Value, manage);
    }

    [Theory, Providers]
    public async Task A_client_books_through_every_step_and_the_held_seats_become_the_appointment(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();

        var start = await client.GetStringAsync("/booking", Ct);
        Assert.Contains("href=\"/booking/where?service=theory-exam-traffic\"", start, StringComparison.Ordinal);
        var where = await client.GetStringAsync("/booking/where?service=theory-exam-traffic", Ct);
        Assert.Contains("location=valmiera", where, StringComparison.Ordinal);
        var times = await client.GetStringAsync(When + "&from=" + Tuesday, Ct);
        Assert.Contains($"value=\"{Tuesday}T10:00\"", times, StringComparison.Ordinal);
        Assert.Contains("Otrdiena, 24. marts, 10:00–10:30", times, StringComparison.Ordinal);

        var details = await HoldAsync(client);
        var held = await app.WithDbAsync(db => db.Seats.Where(s => s.HoldId != null).ToListAsync(Ct));
        Assert.Equal(2, held.Count);
        var detailsPage = await client.GetStringAsync(details, Ct);
        Assert.Contains("Šo laiku turam Jums līdz", detailsPage, StringComparison.Ordinal);

        var response = await BookAsync(app, client, details);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var manage = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Jūs esat pierakstīts.", manage, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", manage, StringComparison.Ordinal);
        var appointment = await app.WithDbAsync(db => db.Appointments.Include(a => a.Seats).SingleAsync(Ct));
        Assert.Equal((new DateOnly(2026, 3, 24), new TimeOnly(10, 0), BookingChannels.Web, "29123456"), (appointment.Date, appointment.Start, appointment.Channel, appointment.Phone));
        Assert.Contains(appointment.Reference, manage, StringComparison.Ordinal);
        Assert.Equal(held.Select(s => s.Id).Order(), appointment.Seats.Select(s => s.Id).Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.Seats.CountAsync(s => s.HoldId != null, Ct)));
    }

    [Theory, Providers]
    public async Task A_held_time_is_not_offered_to_anyone_else_and_a_second_choice_gives_the_first_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var first = app.CreateBrowserClient();
        var second = app.CreateBrowserClient();

        await HoldAsync(first, "10:00");
        Assert.DoesNotContain($"value=\"{Tuesday}T10:00\"", await second.GetStringAsync(When + "&from=" + Tuesday, Ct), StringComparison.Ordinal);
        var refused = await second.PostFormAsync(When, new() { ["time"] = $"{Tuesday}T10:00", ["from"] = Tuesday }, When);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Šo laiku kāds tikko aizņēma", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await HoldAsync(first, "11:00");
        Assert.Contains($"value=\"{Tuesday}T10:00\"", await second.GetStringAsync(When + "&from=" + Tuesday, Ct), StringComparison.Ordinal);
        Assert.Equal(["11:00", "11:15"], await app.WithDbAsync(db => db.Seats.OrderBy(s => s.Start).Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToListAsync(Ct)));
    }

    [Theory]
    [InlineData("lv", "", "29123456", "", "", "", "Lūdzu, aizpildiet laukumu")]
    [InlineData("en", "", "29123456", "", "", "", "Please fill in")]
    [InlineData("lv", "Jānis", "", "", "", "", "Norādiet tālruni vai e-pastu")]
    [InlineData("en", "Jānis", "", "", "", "", "Give a phone number or an e-mail address")]
    [InlineData("lv", "Jānis", "12345", "", "", "", "Ierakstiet tālruņa numuru")]
    [InlineData("en", "Jānis", "", "janis@", "", "", "Enter a valid e-mail address")]
    [InlineData("lv", "Jānis", "29123456", "", "161175-19998", "", "Šis personas kods nav derīgs")]
    [InlineData("en", "Jānis", "29123456", "", "310299-10000", "", "This personal code is not valid")]
    [InlineData("lv", "Jānis", "29123456", "", "", "40003521601", "Šis reģistrācijas numurs nav derīgs")]
    public async Task Bad_details_get_a_message_in_the_clients_language_and_store_nothing(
        string culture, string name, string phone, string email, string code, string company, string message)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient(culture);
        var details = await HoldAsync(client);

        var response = await BookAsync(app, client, details, page => Details(page, name, phone, email, code, company));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
    }

    [Fact]
    public async Task Both_forms_of_the_personal_code_and_a_valid_company_number_are_accepted_and_stored_in_one_form()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient();

        var old = await BookAsync(app, client, await HoldAsync(client, "10:00"), page => Details(page, code: "16117519997", phone: "+371 29 123 456"));
        var @new = await BookAsync(app, client, await HoldAsync(client, "11:00"), page => Details(page, code: "329999-12345", phone: "", email: "Anna@Example.LV", company: "40003521600"));

        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, @new.StatusCode);
        var stored = await app.WithDbAsync(db => db.Appointments.OrderBy(a => a.Start).Select(a => new { a.PersonalCode, a.Phone, a.Email, a.CompanyNumber }).ToListAsync(Ct));
        Assert.Equal(("161175-19997", "29123456"), (stored[0].PersonalCode, stored[0].Phone));
        Assert.Equal(("329999-12345", "anna@example.lv", "40003521600"), (stored[1].PersonalCode, stored[1].Email, stored[1].CompanyNumber));
    }

    [Fact]
    public async Task A_form_filled_by_a_script_is_refused_whether_it_fills_the_hidden_field_or_answers_at_once()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient();
        var details = await HoldAsync(client);

        var hidden = await BookAsync(app, client, details, page => Details(page) is var f && (f["Input.Website"] = "http://spam.example") is not null ? f : f);
        var page = await client.GetStringAsync(details, Ct);
        var atOnce = await client.PostFormAsync(details, Details(page));
        var noTicket = await client.PostFormAsync(details, Details(page) is var f2 && (f2["Input.Ticket"] = "forged") is not null ? f2 : f2);

        foreach (var response in new[] { hidden, atOnce, noTicket })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Lūdzu, pārbaudiet datus un nosūtiet vēlreiz.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(Ct)));
    }

    [Fact]
    public async Task One_person_may_hold_only_two_coming_bookings_for_a_service()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient("en");
        await BookThroughThePagesAsync(app, client, "10:00");
        await BookThroughThePagesAsync(app, client, "11:00");

        var third = await BookAsync(app, client, await HoldAsync(client, "13:00"));

        Assert.Contains("You already have 2 coming bookings for this service", await third.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await BookThroughThePagesAsync(app, client, "13:00", phone: "26111222");
    }

    [Theory, Providers]
    public async Task The_manage_link_moves_and_cancels_and_opens_nothing_without_its_secret(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        var (reference, manage) = await BookThroughThePagesAsync(app, client);
        var token = manage[(manage.IndexOf("token=", StringComparison.Ordinal) + 6)..];

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/booking/{reference}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/booking/{reference}?token=wrong{token[5..]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/booking/when?reference={reference}&token=wrong", Ct)).StatusCode);

        var move = $"/booking/when?reference={reference}&token={token}";
        var moved = await client.PostFormAsync(move, new() { ["time"] = $"{Tuesday}T14:00", ["from"] = Tuesday }, move + "&from=" + Tuesday);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("Pieraksts pārcelts.", await client.GetStringAsync(moved.Headers.Location!.OriginalString, Ct), StringComparison.Ordinal);
        var afterMove = await app.WithDbAsync(db => db.Appointments.Include(a => a.Seats).SingleAsync(Ct));
        Assert.Equal((new TimeOnly(14, 0), 1), (afterMove.Start, afterMove.MoveCount));
        Assert.All(afterMove.Seats, s => Assert.True(s.Start >= new TimeOnly(14, 0)));

        var unconfirmed = await client.PostFormAsync($"/booking/{reference}?handler=Cancel&token={token}", new(), manage);
        Assert.Contains("Lai atceltu, atzīmējiet", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var cancelled = await client.PostFormAsync($"/booking/{reference}?handler=Cancel&token={token}", new() { ["confirm"] = "true" }, manage);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Pieraksts atcelts.", await client.GetStringAsync(cancelled.Headers.Location!.OriginalString, Ct), StringComparison.Ordinal);
        var final = await app.WithDbAsync(db => db.Appointments.Include(a => a.Seats).SingleAsync(Ct));
        Assert.Equal(AppointmentStatus.Cancelled, final.Status);
        Assert.Empty(final.Seats);
    }

    [Fact]
    public async Task A_client_cannot_change_the_booking_online_after_the_cut_off_or_beyond_the_move_cap()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient("en");
        var (reference, manage) = await BookThroughThePagesAsync(app, client);
        var token = manage[(manage.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var move = $"/booking/when?reference={reference}&token={token}";
        foreach (var time in new[] { "11:00", "12:30", "13:00" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(move, new() { ["time"] = $"{Tuesday}T{time}", ["from"] = Tuesday }, move)).StatusCode);
        }

        var fourth = await client.PostFormAsync(move, new() { ["time"] = $"{Tuesday}T14:00", ["from"] = Tuesday }, move);
        Assert.Contains("You have already moved this booking 3 times", await fourth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("You have already moved this booking 3 times", await client.GetStringAsync(manage, Ct), StringComparison.Ordinal);

        // 13:00 on the 24th, less than two hours to go: the client is asked to call.
        app.Clock.Advance(new DateTimeOffset(2026, 3, 24, 10, 30, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        var page = await client.GetStringAsync(manage, Ct);
        Assert.Contains("It can no longer be changed online", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Cancel", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_page_shows_the_phone_and_deadline_on_days_booked_only_by_phone_and_why_a_day_is_closed()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient();

        // Madona is an S-5 location: Tuesdays by phone 25594590 only, until Monday 17:00.
        var madona = await client.GetStringAsync("/booking/when?service=theory-exam-traffic&location=madona&from=2026-03-24", Ct);
        var tuesday = madona[madona.IndexOf("Otrdiena, 24. marts", StringComparison.Ordinal)..];
        Assert.Contains("Šajā dienā pierakstās tikai pa tālruni", tuesday[..600], StringComparison.Ordinal);
        Assert.Contains("25594590", tuesday[..600], StringComparison.Ordinal);

        // Today's (17 March) phone booking closed yesterday at 17:00: no phone number to call for it any more.
        var today = await client.GetStringAsync("/booking/when?service=theory-exam-traffic&location=madona&from=2026-03-17", Ct);
        var closed = today[today.IndexOf("Otrdiena, 17. marts", StringComparison.Ordinal)..];
        Assert.Contains("Pieraksts uz šo dienu slēgts kopš: pirmdiena, 16. marts, plkst. 17:00.", closed[..400], StringComparison.Ordinal);
        Assert.DoesNotContain("25594590", closed[..400], StringComparison.Ordinal);

        var easter = await client.GetStringAsync(When + "&from=2026-04-03", Ct);
        Assert.Contains("Lielā Piektdiena", easter, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-04-03T", easter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Machines_lengthen_the_visit_only_for_services_about_machines_and_wrong_numbers_are_explained()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient("en");

        var exam = await client.GetStringAsync(When + "&machines=3&from=" + Tuesday, Ct);
        Assert.DoesNotContain("How many machines", exam, StringComparison.Ordinal);
        Assert.Contains("Tuesday 24 March, 17:30–18:00", exam, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            (await db.Services.SingleAsync(s => s.Code == "technical-inspection", Ct)).DurationMinutes = 20;
            await db.SaveChangesAsync(Ct);
        });
        var inspection = await client.GetStringAsync("/booking/when?service=technical-inspection&location=valmiera&machines=3&from=" + Tuesday, Ct);
        Assert.Contains("Tuesday 24 March, 17:00–18:00", inspection, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuesday 24 March, 17:15–", inspection, StringComparison.Ordinal);
        var wrong = await client.GetStringAsync("/booking/when?service=technical-inspection&location=valmiera&machines=99", Ct);
        Assert.Contains("The number of machines must be from 1 to 20.", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_are_listed_nearest_first_for_a_named_town_and_services_without_a_duration_are_booked_by_phone()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateBrowserClient();

        var near = await client.GetStringAsync("/booking/where?service=theory-exam-traffic&town=Valmiera", Ct);
        var order = LocationLink().Matches(near).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("valmiera", order[0]);
        Assert.Equal(["limbazi", "valka"], order[1..3].Order());
        var byPosition = await client.GetStringAsync("/booking/where?service=theory-exam-traffic&lat=56.51&lon=27.33", Ct);
        Assert.Equal(["rezekne", "ludza"], LocationLink().Matches(byPosition).Select(m => m.Groups[1].Value).Take(2));
        var smiltene = await client.GetStringAsync("/booking/where?service=theory-exam-traffic&town=smiltene", Ct);
        Assert.Equal("valmiera", LocationLink().Matches(smiltene)[0].Groups[1].Value);
        Assert.Contains("Vietas sakārtotas pēc attāluma no: Valmiera.", near, StringComparison.Ordinal);
        var unknown = await client.GetStringAsync("/booking/where?service=theory-exam-traffic&town=Atlantīda", Ct);
        Assert.Contains("Pilsētu “Atlantīda” nepazīstam.", unknown, StringComparison.Ordinal);

        var start = await client.GetStringAsync("/booking", Ct);
        Assert.DoesNotContain("/booking/where?service=technical-inspection", start, StringComparison.Ordinal);
        Assert.Contains("/services/technical-inspection", start, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/booking/where?service=technical-inspection", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/booking/when?service=nope&location=valmiera", Ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task A_lost_link_is_replaced_for_the_right_code_and_contact_and_the_answer_never_tells_whether_they_matched(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        var (reference, manage) = await BookThroughThePagesAsync(app, client, phone: "29123456");
        var hash = await app.WithDbAsync(db => db.Appointments.Select(a => a.ManageTokenHash).SingleAsync(Ct));

        var wrong = await client.PostFormAsync("/booking/find", new() { ["Input.Reference"] = reference, ["Input.Contact"] = "29999999" });
        var right = await client.PostFormAsync("/booking/find", new() { ["Input.Reference"] = reference.ToLowerInvariant(), ["Input.Contact"] = "+371 29123456" });

        var sent = "Ja kods un kontakts atbilst aktīvam pierakstam, jaunā saite ir nosūtīta.";
        Assert.Contains(sent, await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(sent, await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEqual(hash, await app.WithDbAsync(db => db.Appointments.Select(a => a.ManageTokenHash).SingleAsync(Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(manage, Ct)).StatusCode);
        var sms = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == "booking.link", Ct));
        Assert.Equal("+37129123456", sms.Recipient);
        var newLink = sms.Body[sms.Body.IndexOf("/booking/", StringComparison.Ordinal)..];
        Assert.Contains("Jūsu pieraksts", await client.GetStringAsync(newLink, Ct), StringComparison.Ordinal);
        var empty = await client.PostFormAsync("/booking/find", new() { ["Input.Reference"] = "", ["Input.Contact"] = "" });
        Assert.Contains("Lūdzu, aizpildiet laukumu “Pieraksta kods”.", await empty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Input.Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketPattern();

    [GeneratedRegex("^/booking/([A-Z2-9]{8})\\?token=[A-Za-z0-9_-]{43}$")]
    private static partial Regex ManagePattern();

    [GeneratedRegex("location=([a-z-]+)\"")]
    private static partial Regex LocationLink();
}
