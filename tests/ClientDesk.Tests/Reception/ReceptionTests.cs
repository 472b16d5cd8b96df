using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Reception;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Reception;

/// <summary>
/// Visitor reception (V-1, V-2) over HTTP on both engines: the public form and the status page, the staff's confirm and
/// propose, the client's accept and ask-another, the database's guard against two confirmed meetings at one start, hours
/// never offered on holidays, regional heads limited to their region, bad input, and the status secret. The clock is
/// Tuesday 17 March 2026, 09:00 in Riga; Easter Monday is 6 April 2026.
/// </summary>
public sealed partial class ReceptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Reception hours for one official, added as an administrator would (none are known from the sources).</summary>
    private static Task AddHoursAsync(TestApp app, string official, DayOfWeek weekday, int fromHour = 10, int toHour = 12) =>
        app.WithDbAsync(async db =>
        {
            var o = await db.ReceptionOfficials.SingleAsync(x => x.Key == official, Ct);
            db.ReceptionHours.Add(new ReceptionHours
            {
                OfficialId = o.Id, Weekday = weekday, Start = new TimeOnly(fromHour, 0), End = new TimeOnly(toHour, 0), ValidFrom = new DateOnly(2026, 1, 1),
            });
            await db.SaveChangesAsync(Ct);
        });

    private static Task<(ReceptionRequest Request, string Token)> RegisterAsync(
        TestApp app, string official, ReceptionSlot? wished = null, string? email = "janis@example.lv", string? phone = null, string language = "lv") =>
        app.WithDbAsync(async db =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var receptions = scope.ServiceProvider.GetRequiredService<Receptions>();
            var officialId = await db.ReceptionOfficials.Where(o => o.Key == official).Select(o => o.Id).SingleAsync(Ct);
            return await receptions.RegisterAsync(
                new ReceptionIntake(officialId, "Par tehniskās apskates atteikumu", "Jānis Bērziņš", phone, email, language, ReceptionChannel.Phone)
                {
                    Wished = wished,
                    PreferredTimes = wished is null ? "Otrdienās pēc 13:00" : null,
                },
                Ct);
        });

    private static async Task<HttpResponseMessage> SubmitAsync(TestApp app, HttpClient client, string official, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/reception?official={official}", Ct);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        fields.TryAdd("Input.FormTicket", WebUtility.HtmlDecode(FormTicket().Match(page).Groups[1].Value));
        fields.TryAdd("Input.Official", official);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        return await client.PostAsync("/reception", new FormUrlEncodedContent(fields), Ct);
    }

    private static Task<List<OutboxMessage>> MessagesAsync(TestApp app, string kind) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.Id).ToListAsync(Ct));

    private static string LinkIn(string body) => "/reception/status?" + StatusLink().Match(body).Groups[1].Value;

    private static async Task<HttpResponseMessage> StaffPostAsync(HttpClient staff, string number, string handler, Dictionary<string, string> fields)
    {
        var page = await staff.GetStringAsync($"/staff/reception/{number}", Ct);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        fields.TryAdd("Version", VersionField().Match(page).Groups[1].Value);
        return await staff.PostAsync($"/staff/reception/{number}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task<HttpResponseMessage> ClientPostAsync(HttpClient client, string link, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(link, Ct);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        fields.TryAdd("Version", VersionField().Match(page).Groups[1].Value);
        return await client.PostAsync($"{link}&handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    private static Task<ReceptionRequest> ReloadAsync(TestApp app, int id) =>
        app.WithDbAsync(db => db.ReceptionRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct));

    [Theory, Providers]
    public async Task The_director_and_a_head_per_region_receive_visitors_with_the_directors_room_614_and_no_invented_hours(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();

        var page = await client.GetStringAsync("/reception", Ct);

        Assert.Contains("Direktors", page, StringComparison.Ordinal);
        Assert.Contains("Republikas laukums 2, Rīga, LV-1010", page, StringComparison.Ordinal);
        Assert.Contains("614", page, StringComparison.Ordinal);
        Assert.Contains("Reģionālās nodaļas vadītājs — Vidzeme", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReceptionHours.CountAsync(Ct)));
        Assert.Equal(6, await app.WithDbAsync(db => db.ReceptionOfficials.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task A_request_for_a_slot_confirmed_by_the_director_tells_the_client_the_place_and_room_614(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddHoursAsync(app, "director", DayOfWeek.Monday);
        var client = app.CreateBrowserClient();

        var response = await SubmitAsync(app, client, "director", new()
        {
            ["Input.Topic"] = "Vēlos pārrunāt traktora reģistrācijas atteikumu.",
            ["Input.Slot"] = "2026-03-23T10:30",
            ["Input.Name"] = "Anna Kalniņa",
            ["Input.Email"] = "anna@example.lv",
            ["Input.Language"] = "lv",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/reception/status?number=PN-2026-00001&token=", location, StringComparison.Ordinal);
        var sent = await client.GetStringAsync(location, Ct);
        Assert.Contains("Pieteikums saņemts. Numurs: PN-2026-00001", sent, StringComparison.Ordinal);
        var request = await app.WithDbAsync(db => db.ReceptionRequests.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((ReceptionStatus.Requested, ReceptionChannel.Web, new DateOnly(2026, 3, 23), new TimeOnly(10, 30)),
            (request.Status, request.Channel, request.WishedDate, request.WishedStart));
        Assert.Single(await MessagesAsync(app, ReceptionNotices.ReceivedKind));

        await app.CreateStaffAsync("direktors", [Roles.Director], ["riga"]);
        var staff = await app.SignInAsync("direktors");
        var confirmed = await StaffPostAsync(staff, "PN-2026-00001", "Confirm", []);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        request = await ReloadAsync(app, request.Id);
        Assert.Equal((ReceptionStatus.Confirmed, new DateOnly(2026, 3, 23), new TimeOnly(10, 30)), (request.Status, request.ConfirmedDate, request.ConfirmedStart));
        var message = Assert.Single(await MessagesAsync(app, ReceptionNotices.ConfirmedKind));
        Assert.Equal((MessageChannel.Email, "anna@example.lv", "lv"), (message.Channel, message.Recipient, message.Language));
        Assert.Contains("Pie: Direktors", message.Body, StringComparison.Ordinal);
        Assert.Contains("Laiks: pirmdien, 2026. gada 23. martā, plkst. 10:30", message.Body, StringComparison.Ordinal);
        Assert.Contains("Adrese: Republikas laukums 2, Rīga, LV-1010", message.Body, StringComparison.Ordinal);
        Assert.Contains("telpa 614", message.Body, StringComparison.Ordinal);

        // The link in the confirmation works; the one from the first message no longer does (only the newest secret's hash is kept).
        Assert.Contains("Apstiprināts", await client.GetStringAsync(LinkIn(message.Body), Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location, Ct)).StatusCode);

        // The slot is no longer offered to others.
        Assert.DoesNotContain("2026-03-23T10:30", await client.GetStringAsync("/reception?official=director", Ct), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_proposed_time_accepted_by_the_client_is_confirmed_and_a_phone_only_client_gets_an_sms(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (request, _) = await RegisterAsync(app, "head-vidzeme", email: null, phone: "29123456", language: "en");
        await app.CreateStaffAsync("vaditajs", [Roles.RegionalHead], ["valmiera"]);
        var staff = await app.SignInAsync("vaditajs");

        var proposed = await StaffPostAsync(staff, request.Number, "Propose", new() { ["Date"] = "2026-03-26", ["Time"] = "14:00" });

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var sms = Assert.Single(await MessagesAsync(app, ReceptionNotices.ProposedKind));
        Assert.Equal((MessageChannel.Sms, "+37129123456", "en"), (sms.Channel, sms.Recipient, sms.Language));
        Assert.Contains("Head of the regional division — Vidzeme", sms.Body, StringComparison.Ordinal);
        Assert.Contains("Thursday 26 March 2026, 14:00", sms.Body, StringComparison.Ordinal);

        var client = app.CreateBrowserClient("en");
        var accepted = await ClientPostAsync(client, LinkIn(sms.Body), "Accept", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        request = await ReloadAsync(app, request.Id);
        Assert.Equal((ReceptionStatus.Confirmed, new DateOnly(2026, 3, 26), new TimeOnly(14, 0)), (request.Status, request.ConfirmedDate, request.ConfirmedStart));
        Assert.Contains("Thank you! The time is confirmed.", await client.GetStringAsync(accepted.Headers.Location!.ToString(), Ct), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_client_who_asks_for_another_time_sends_the_request_back_with_the_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (request, _) = await RegisterAsync(app, "director");
        var director = await app.CreateStaffAsync("direktore", [Roles.Director], ["riga"]);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == director.Id, Ct)).Email = "direktore@vtua.example";
            (await db.ReceptionOfficials.SingleAsync(o => o.Id == request.OfficialId, Ct)).StaffMemberId = director.Id;
            await db.SaveChangesAsync(Ct);
        });
        await app.CreateStaffAsync("paligs", [Roles.ClientServiceSpecialist], ["riga"]);
        var staff = await app.SignInAsync("paligs");
        await StaffPostAsync(staff, request.Number, "Propose", new() { ["Date"] = "2026-03-24", ["Time"] = "10:00" });
        var link = LinkIn(Assert.Single(await MessagesAsync(app, ReceptionNotices.ProposedKind)).Body);
        var client = app.CreateBrowserClient();

        var noReason = await ClientPostAsync(client, link, "Another", new() { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Lūdzu, uzrakstiet iemeslu.", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(ReceptionStatus.TimeProposed, (await ReloadAsync(app, request.Id)).Status);

        var another = await ClientPostAsync(client, link, "Another", new() { ["Reason"] = "Otrdien esmu laukos; der ceturtdiena." });

        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        request = await ReloadAsync(app, request.Id);
        Assert.Equal((ReceptionStatus.Requested, "Otrdien esmu laukos; der ceturtdiena.", null), (request.Status, request.ClientNote, request.ProposedDate));
        Assert.Contains("Klients lūdz citu laiku: Otrdien esmu laukos; der ceturtdiena.", await staff.GetStringAsync("/staff/reception", Ct), StringComparison.Ordinal);

        // The director learns it at once by e-mail, with the reason and a link to the request.
        var told = Assert.Single(await MessagesAsync(app, ReceptionNotices.OfficialToldKind));
        Assert.Equal(("direktore@vtua.example", $"{request.Number}: klients lūdz citu laiku"), (told.Recipient, told.Subject));
        Assert.Contains("Klienta iemesls: Otrdien esmu laukos; der ceturtdiena.", told.Body, StringComparison.Ordinal);
        Assert.Contains($"/staff/reception/{request.Number}", told.Body, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Two_confirmations_of_one_official_at_the_same_start_leave_one_meeting(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddHoursAsync(app, "director", DayOfWeek.Monday);
        var slot = new ReceptionSlot(new DateOnly(2026, 3, 23), new TimeOnly(10, 0));
        var (first, _) = await RegisterAsync(app, "director", slot);
        var (second, _) = await RegisterAsync(app, "director", slot, email: "ilze@example.lv");
        await app.CreateStaffAsync("direktors", [Roles.Director], ["riga"]);
        await app.CreateStaffAsync("paligs", [Roles.ClientServiceSpecialist], ["riga"]);
        var director = await app.SignInAsync("direktors");
        var assistant = await app.SignInAsync("paligs");

        // Both pages are open before either confirms, then both confirm at once.
        var pages = await Task.WhenAll(director.GetStringAsync($"/staff/reception/{first.Number}", Ct), assistant.GetStringAsync($"/staff/reception/{second.Number}", Ct));
        Task<HttpResponseMessage> Confirm(HttpClient staff, string number, string page) => staff.PostAsync($"/staff/reception/{number}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
            ["Version"] = VersionField().Match(page).Groups[1].Value,
        }), Ct);
        var answers = await Task.WhenAll(Confirm(director, first.Number, pages[0]), Confirm(assistant, second.Number, pages[1]));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Contains("Šajā laikā jau ir apstiprināta cita tikšanās.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var statuses = await app.WithDbAsync(db => db.ReceptionRequests.AsNoTracking().Select(r => r.Status).ToListAsync(Ct));
        Assert.Single(statuses, s => s == ReceptionStatus.Confirmed);
        Assert.Single(await MessagesAsync(app, ReceptionNotices.ConfirmedKind));

        // The database itself refuses a second confirmed row at that start, whatever the code does.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var other = await db.ReceptionRequests.SingleAsync(r => r.Status == ReceptionStatus.Requested, Ct);
            other.ConfirmWish(app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Ct);
        }));
    }

    [Theory, Providers]
    public async Task Reception_hours_are_not_offered_on_a_public_holiday_or_a_closure_of_the_office(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddHoursAsync(app, "director", DayOfWeek.Monday);
        await app.WithDbAsync(async db =>
        {
            var riga = await db.Locations.SingleAsync(l => l.Slug == "riga", Ct);
            db.LocationClosures.Add(new LocationClosure { LocationId = riga.Id, StartsOn = new DateOnly(2026, 3, 30), EndsOn = new DateOnly(2026, 3, 30), ReasonLv = "Remonts", ReasonEn = "Repairs" });
            await db.SaveChangesAsync(Ct);
        });

        var page = await app.CreateBrowserClient().GetStringAsync("/reception?official=director", Ct);

        Assert.Contains("value=\"2026-03-23T10:00\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-23T11:30\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-03-23T12:00\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-30T", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-04-06T", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-04-13T10:00\"", page, StringComparison.Ordinal);

        // Staff may still propose such a day, after a warning.
        var (request, _) = await RegisterAsync(app, "director");
        await app.CreateStaffAsync("direktors", [Roles.Director], ["riga"]);
        var staff = await app.SignInAsync("direktors");
        var warned = await StaffPostAsync(staff, request.Number, "Propose", new() { ["Date"] = "2026-04-06", ["Time"] = "10:00" });
        var warning = await warned.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Šī diena nav darba diena", warning, StringComparison.Ordinal);
        Assert.Equal(ReceptionStatus.Requested, (await ReloadAsync(app, request.Id)).Status);

        var anyway = await StaffPostAsync(staff, request.Number, "Propose", new() { ["Date"] = "2026-04-06", ["Time"] = "10:00", ["Anyway"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.Equal(ReceptionStatus.TimeProposed, (await ReloadAsync(app, request.Id)).Status);
    }

    [Theory, Providers]
    public async Task A_regional_head_sees_and_works_only_the_requests_for_their_own_region(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (vidzeme, _) = await RegisterAsync(app, "head-vidzeme");
        var (kurzeme, _) = await RegisterAsync(app, "head-kurzeme");
        var (director, _) = await RegisterAsync(app, "director");
        await app.CreateStaffAsync("vaditajs", [Roles.RegionalHead], ["valmiera"]);
        var head = await app.SignInAsync("vaditajs");

        var list = await head.GetStringAsync("/staff/reception", Ct);

        Assert.Contains(vidzeme.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(kurzeme.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(director.Number, list, StringComparison.Ordinal);
        Assert.Contains("/staff/access-denied", (await head.GetAsync($"/staff/reception/{kurzeme.Number}", Ct)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/staff/access-denied", (await head.GetAsync($"/staff/reception/{director.Number}", Ct)).Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/staff/reception/{vidzeme.Number}", Ct)).StatusCode);

        await app.CreateStaffAsync("inspektors", [Roles.Inspector], ["valmiera"]);
        var inspector = await app.SignInAsync("inspektors");
        Assert.Equal(HttpStatusCode.Redirect, (await inspector.GetAsync("/staff/reception", Ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task Bad_input_gets_a_message_on_each_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddHoursAsync(app, "director", DayOfWeek.Monday);
        var client = app.CreateBrowserClient("en");

        var response = await SubmitAsync(app, client, "director", new()
        {
            ["Input.Topic"] = new string('x', ReceptionInput.TopicMaxLength + 1),
            ["Input.Slot"] = "2026-04-06T10:00",
            ["Input.Name"] = "",
            ["Input.Email"] = "anna@",
            ["Input.Phone"] = "12",
            ["Input.Language"] = "de",
        });
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("may have up to 2000 characters (now 2001)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("This time is no longer free.", page, StringComparison.Ordinal);
        Assert.Contains("Please enter your name.", page, StringComparison.Ordinal);
        Assert.Contains("This is not a valid e-mail address", page, StringComparison.Ordinal);
        Assert.Contains("This is not a valid phone number", page, StringComparison.Ordinal);
        Assert.Contains("Choose the language for our messages.", page, StringComparison.Ordinal);

        var noTimes = await SubmitAsync(app, client, "head-latgale", new() { ["Input.Topic"] = "Par apskati", ["Input.Name"] = "Anna", ["Input.Language"] = "lv" });
        var second = await noTimes.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Give an e-mail address or a phone number", second, StringComparison.Ordinal);
        Assert.Contains("Choose a time, or write which days and times suit you.", second, StringComparison.Ordinal);

        var unknown = await SubmitAsync(app, client, "director", new() { ["Input.Official"] = "nobody", ["Input.Topic"] = "x", ["Input.Name"] = "Anna", ["Input.Email"] = "anna@example.lv", ["Input.PreferredTimes"] = "any", ["Input.Language"] = "lv" });
        Assert.Contains("Choose whom you wish to meet.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var bot = await SubmitAsync(app, client, "director", new() { ["Input.Topic"] = "x", ["Input.Name"] = "Anna", ["Input.Email"] = "anna@example.lv", ["Input.PreferredTimes"] = "any", ["Input.Language"] = "lv", ["Input.Website"] = "http://spam" });
        Assert.Equal(HttpStatusCode.OK, bot.StatusCode);

        // Staff: a time in the past is refused.
        var (request, _) = await RegisterAsync(app, "director");
        await app.CreateStaffAsync("direktors", [Roles.Director], ["riga"]);
        var staff = await app.SignInAsync("direktors", "en");
        var past = await StaffPostAsync(staff, request.Number, "Propose", new() { ["Date"] = "2026-03-17", ["Time"] = "08:00" });
        Assert.Contains("This time has passed.", await past.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var badCase = await StaffPostAsync(staff, request.Number, "Link", new() { ["Case"] = "2026-99999" });
        Assert.Contains("There is no such case.", await badCase.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(1, await app.WithDbAsync(db => db.ReceptionRequests.CountAsync(Ct)));
        Assert.Equal(ReceptionStatus.Requested, (await ReloadAsync(app, request.Id)).Status);
    }

    [Theory, Providers]
    public async Task The_status_page_needs_the_number_and_its_secret_and_a_wrong_one_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (request, token) = await RegisterAsync(app, "director");
        var client = app.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reception/status?number={request.Number}&token={Uri.EscapeDataString(token)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reception/status?number={request.Number}&token=wrong", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reception/status?number=PN-2026-00099&token={Uri.EscapeDataString(token)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reception/status?number={request.Number}&token=", Ct)).StatusCode);
        var noLink = await client.GetStringAsync("/reception/status", Ct);
        Assert.DoesNotContain(request.Number, noLink, StringComparison.Ordinal);

        // A client cannot accept when nothing is proposed, and a cancelled request takes no more steps.
        var link = $"/reception/status?number={request.Number}&token={Uri.EscapeDataString(token)}";
        var before = await client.GetStringAsync(link, Ct);
        var cancel = await ClientPostAsync(client, link, "Cancel", new() { ["Reason"] = "Jautājums atrisināts." });
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var cancelled = await ReloadAsync(app, request.Id);
        Assert.Equal((ReceptionStatus.Cancelled, "Jautājums atrisināts."), (cancelled.Status, cancelled.ClientNote));

        // The page shown before cancelling is stale: its step is refused with a message.
        var stale = await client.PostAsync($"{link}&handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(before).Groups[1].Value),
            ["Version"] = VersionField().Match(before).Groups[1].Value,
            ["Reason"] = "Vēlreiz",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Pieteikums tikko mainījās.", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Jautājums atrisināts.", (await ReloadAsync(app, request.Id)).ClientNote);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.FormTicket\" value=\"([^\"]+)\"")]
    private static partial Regex FormTicket();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex(@"/reception/status\?(number=[^\s]+)")]
    private static partial Regex StatusLink();
}
