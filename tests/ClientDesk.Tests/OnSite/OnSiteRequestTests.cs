using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.OnSite;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClientDesk.Tests.OnSite.OnSiteTestData;

namespace ClientDesk.Tests.OnSite;

/// <summary>
/// On-site requests from the public form and from staff: saved with the year's number, the fee shown and the receipt in
/// the client's language; bad input of every kind refused with a message on its field and nothing stored; scripts kept
/// out; 50 at once numbered 1..50. The clock is Tuesday 17 March 2026, 09:00 in Riga.
/// </summary>
public sealed class OnSiteRequestTests
{
    [Theory, Providers]
    public async Task The_web_form_saves_the_request_with_its_number_and_fee_and_e_mails_the_receipt_in_the_clients_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var fields = Form();
        fields["Input.Language"] = "en";
        fields["Input.Latitude"] = "57,5413";
        fields["Input.Longitude"] = "25.4275";

        var response = await SendAsync(app, app.CreateBrowserClient(), fields, true, "Wednesday");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/onsite/status?number=IZ-2026-00001&token=", response.Headers.Location!.OriginalString);
        var stored = Assert.Single(await RequestsAsync(app));
        Assert.Equal(
            (OnSiteChannel.Web, OnSiteStatus.Requested, 2, 30m, (double?)57.5413, "29123456", "en", ClientDesk.Calendar.Weekdays.Monday | ClientDesk.Calendar.Weekdays.Wednesday, (string?)null),
            (stored.Channel, stored.Status, stored.Machines, stored.TravelFeeEur!.Value, stored.Latitude, stored.Phone, stored.Language, stored.SuitableWeekdays, stored.RegisteredByStaffId));
        var receipt = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal(("janis@example.lv", "On-site request IZ-2026-00001 received"), (receipt.Recipient, receipt.Subject));
        Assert.Contains("Travel fee: 30.00 EUR (per client, not per machine).", receipt.Body);
        Assert.Contains("/onsite/status?number=IZ-2026-00001&token=", receipt.Body);

        var status = await app.CreateBrowserClient().GetStringAsync(response.Headers.Location.OriginalString, Ct);
        Assert.Contains("Saņemts, gaida plānošanu", status);
        Assert.Contains("30,00 EUR (par klientu)", status);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "Input.Service", "licence-issue", "Izvēlieties pakalpojumu, ko var veikt pie jums." },
        { "Input.Office", "riga-nowhere", "Izvēlieties tuvāko nodaļu, kas sniedz šo pakalpojumu." },
        { "Input.Address", " ", "Uzrakstiet adresi, kur atrodas tehnika." },
        { "Input.Address", new string('a', 301), "var būt ne vairāk kā 300 rakstzīmes; tagad ir 301." },
        { "Input.Directions", new string('a', 501), "var būt ne vairāk kā 500 rakstzīmes" },
        { "Input.Latitude", "57.1", "Norādiet abus — platumu un garumu" },
        { "Input.Longitude", "abc", "Norādiet abus — platumu un garumu" },
        { "Input.Machines", "0", "Norādiet tehnikas vienību skaitu no 1 līdz 50." },
        { "Input.Machines", "51", "Norādiet tehnikas vienību skaitu no 1 līdz 50." },
        { "Input.Machines", "divi", "Norādiet tehnikas vienību skaitu no 1 līdz 50." },
        { "Input.MachinesDescription", "", "Uzrakstiet, kāda tehnika jāapskata" },
        { "Input.EarliestDate", "", "Norādiet datumu." },
        { "Input.EarliestDate", "20.03.2026", "Norādiet datumu kā GGGG-MM-DD" },
        { "Input.EarliestDate", "2026-03-17", "Datumam jābūt vēlākam par šodienu." },
        { "Input.LatestDate", "2026-09-14", "Datums var būt ne vairāk kā 180 dienas uz priekšu." },
        { "Input.LatestDate", "2026-03-19", "Beigu datums nevar būt agrāks par sākuma datumu." },
        { "Input.Weekdays", "Someday", "Nederīga nedēļas diena." },
        { "Input.Weekdays", "", "Atzīmējiet vismaz vienu nedēļas dienu" },
        { "Input.Name", "", "Uzrakstiet savu vārdu un uzvārdu vai uzņēmuma nosaukumu." },
        { "Input.Phone", "12345", "Tālruņa numurs nav derīgs" },
        { "Input.Email", "janis@", "E-pasta adrese nav derīga." },
        { "Input.Language", "ru", "Izvēlieties saziņas valodu." },
        { "Input.Note", new string('a', 2001), "var būt ne vairāk kā 2000 rakstzīmes" },
    };

    [Theory, MemberData(nameof(BadInput))]
    public async Task Bad_input_of_every_kind_gets_its_message_and_nothing_is_stored(string field, string value, string message)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var fields = Form();
        fields[field] = value;

        var response = await SendAsync(app, app.CreateBrowserClient(), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Empty(await RequestsAsync(app));
    }

    [Fact]
    public async Task A_point_outside_latvia_a_request_without_any_contact_and_weekdays_outside_the_dates_are_refused()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var fields = Form();
        (fields["Input.Latitude"], fields["Input.Longitude"]) = ("25.4275", "57.5413");
        (fields["Input.Phone"], fields["Input.Email"]) = ("", "");
        (fields["Input.EarliestDate"], fields["Input.LatestDate"], fields["Input.Weekdays"]) = ("2026-03-24", "2026-03-24", "Monday");

        var page = WebUtility.HtmlDecode(await (await SendAsync(app, app.CreateBrowserClient(), fields)).Content.ReadAsStringAsync(Ct));

        Assert.Contains("Šis punkts nav Latvijā.", page);
        Assert.Contains("Norādiet tālruni vai e-pastu", page);
        Assert.Contains("Starp norādītajiem datumiem nav nevienas atzīmētās nedēļas dienas.", page);
        Assert.Contains("Z/s “Kalnieši”", page);
        Assert.Empty(await RequestsAsync(app));
    }

    [Fact]
    public async Task A_script_that_fills_the_hidden_field_or_sends_without_the_forms_ticket_stores_nothing()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var withWebsite = Form();
        withWebsite["Input.Website"] = "http://spam.example";
        var withoutTicket = Form();
        withoutTicket["Input.FormTicket"] = "forged";

        var first = await SendAsync(app, app.CreateBrowserClient(), withWebsite);
        var second = await SendAsync(app, app.CreateBrowserClient(), withoutTicket);
        var tooFast = await SendAsync(app, app.CreateBrowserClient(), Form(), wait: false);

        Assert.All([first, second, tooFast], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("Neizdevās nosūtīt", await first.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await RequestsAsync(app));
    }

    [Theory, Providers]
    public async Task Staff_register_a_phone_request_as_theirs_and_see_the_number_and_the_status_link(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var clerk = await app.CreateStaffAsync("kasiere", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var client = await app.SignInAsync("kasiere", "en");
        var fields = Form();
        fields["Input.Channel"] = "Phone";
        fields["Input.Email"] = "";

        var response = await client.PostFormAsync("/staff/onsite/register", fields, "/staff/onsite/register?service=technical-inspection");

        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Request IZ-2026-00001 registered.", page);
        Assert.Contains("/onsite/status?number=IZ-2026-00001&amp;token=", page);
        var stored = Assert.Single(await RequestsAsync(app));
        Assert.Equal((OnSiteChannel.Phone, clerk.Id), (stored.Channel, stored.RegisteredByStaffId));
        Assert.Empty(await app.WithDbAsync(db => db.OutboxMessages.ToListAsync(Ct)));

        fields["Input.Channel"] = "Web";
        var refused = await client.PostFormAsync("/staff/onsite/register", fields, "/staff/onsite/register?service=technical-inspection");
        Assert.Contains("Choose how the request was received.", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Single(await RequestsAsync(app));
    }

    [Fact]
    public async Task The_staff_page_is_for_signed_in_staff_only()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.CreateBrowserClient().GetAsync("/staff/onsite/register", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString);
    }

    [Theory, Providers]
    public async Task Fifty_requests_sent_at_once_get_the_numbers_one_to_fifty(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var application = await app.WithDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Code == "technical-inspection", Ct);
            var office = await db.Locations.SingleAsync(l => l.Slug == "valmiera", Ct);
            return new OnSiteApplication(service.Id, office.Id, "Kalnieši", null, null, null, 1, "MTZ-82", new(2026, 3, 20), new(2026, 4, 10),
                ClientDesk.Calendar.Weekdays.Monday, "Jānis Bērziņš", "29123456", "janis@example.lv", "lv", null, new TravelFeeQuote(30m, 10m, null, []));
        });

        var registered = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OnSiteRequests>().RegisterAsync(application, OnSiteChannel.Web, null, Ct);
        })));

        Assert.Equal(Enumerable.Range(1, 50), registered.Select(r => r.Request.Sequence).Order());
        Assert.Equal(50, await app.WithDbAsync(db => db.OnSiteRequests.CountAsync(Ct)));
        Assert.Equal(50, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(Ct)));
    }
}
