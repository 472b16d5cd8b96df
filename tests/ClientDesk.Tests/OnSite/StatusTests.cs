using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.OnSite;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Tests.OnSite.OnSiteTestData;

namespace ClientDesk.Tests.OnSite;

/// <summary>
/// The client's status page: found only with the right number and token (both wrong alike), naming the day, the window
/// and the inspector once planned (C-3); confirm, ask for another day (the stop removed, the reason kept) and withdraw,
/// each only in its state and against the version the client saw. The clock is Tuesday 17 March 2026, 09:00 in Riga.
/// </summary>
public sealed partial class StatusTests
{
    private static OnSiteRequest Request(OnSiteStatus status, DateOnly? planned) => new()
    {
        Address = "Kalnieši",
        ClientName = "Jānis",
        StatusTokenHash = "x",
        Status = status,
        Stop = planned is { } day ? new RoundStop { Round = new InspectionRound { Date = day, InspectorStaffId = "i", CreatedByStaffId = "i" } } : null,
    };

    public static TheoryData<OnSiteStatus, bool, bool, bool, bool> Rules => new()
    {
        // status, planned (a stop on 24 March), may confirm, may ask another day, may withdraw
        { OnSiteStatus.Requested, false, false, false, true },
        { OnSiteStatus.Planned, true, true, true, true },
        { OnSiteStatus.Confirmed, true, false, true, true },
        { OnSiteStatus.OtherDayAsked, false, false, false, true },
        { OnSiteStatus.Visited, true, false, false, false },
        { OnSiteStatus.Cancelled, false, false, false, false },
    };

    [Theory, MemberData(nameof(Rules))]
    public void What_the_client_may_do_depends_on_the_state(OnSiteStatus status, bool planned, bool confirm, bool otherDay, bool withdraw)
    {
        var today = new DateOnly(2026, 3, 17);
        var request = Request(status, planned ? new DateOnly(2026, 3, 24) : null);

        Assert.Equal(
            (confirm, otherDay, withdraw),
            (OnSiteRequests.Allows(request, ClientAction.Confirm, today), OnSiteRequests.Allows(request, ClientAction.AskOtherDay, today), OnSiteRequests.Allows(request, ClientAction.Withdraw, today)));
    }

    [Fact]
    public void Once_the_planned_day_has_passed_the_client_can_no_longer_confirm_move_or_withdraw()
    {
        var request = Request(OnSiteStatus.Planned, new DateOnly(2026, 3, 16));
        Assert.All(Enum.GetValues<ClientAction>(), action => Assert.False(OnSiteRequests.Allows(request, action, new DateOnly(2026, 3, 17))));
    }

    [Theory, Providers]
    public async Task A_wrong_number_or_a_wrong_token_both_give_the_same_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");
        var link = await RequestAsync(app, client);
        var token = Token().Match(link).Groups[1].Value;
        await RequestAsync(app, client);

        var right = await client.GetAsync(link, Ct);
        var wrongToken = await client.GetAsync("/onsite/status?number=IZ-2026-00001&token=wrong", Ct);
        var otherNumber = await client.GetAsync($"/onsite/status?number=IZ-2026-00002&token={token}", Ct);
        var noToken = await client.GetAsync("/onsite/status?number=IZ-2026-00001", Ct);
        var apiOther = await client.GetAsync($"/api/v1/onsite-requests/IZ-2026-00002?token={token}", Ct);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Z/s “Kalnieši”", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(Ct)));
        foreach (var response in new[] { wrongToken, otherNumber, noToken })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains("No request with this number and link was found.", page);
            Assert.DoesNotContain("Kalnieši", page);
        }

        Assert.Equal(HttpStatusCode.NotFound, apiOther.StatusCode);
    }

    [Theory, Providers]
    public async Task Once_planned_the_page_names_the_day_the_window_and_the_inspector_and_the_client_confirms(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");
        var link = await RequestAsync(app, client);
        await PlanAsync(app, (await RequestsAsync(app))[0].Id, new DateOnly(2026, 3, 24));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(link, Ct));
        Assert.Contains("Tuesday 24 March 2026, 10:00–11:00", page);
        Assert.Contains("Inspector: Ilze Ozola, Senior inspector", page);

        var confirmed = await PostAsync(client, link, "Confirm", page);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = Assert.Single(await RequestsAsync(app));
        Assert.Equal(OnSiteStatus.Confirmed, stored.Status);
        Assert.NotNull(stored.Stop!.ConfirmedAtUtc);
        Assert.Contains("Thank you, the day is confirmed.", await client.GetStringAsync(confirmed.Headers.Location!.OriginalString, Ct));
    }

    [Theory, Providers]
    public async Task Asking_for_another_day_needs_a_reason_takes_the_request_out_of_its_round_and_keeps_the_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");
        var link = await RequestAsync(app, client);
        await PlanAsync(app, (await RequestsAsync(app))[0].Id, new DateOnly(2026, 3, 24));
        var page = await client.GetStringAsync(link, Ct);

        var noReason = await PostAsync(client, link, "OtherDay", page, ("reason", " "));
        Assert.Contains("Write briefly why this day does not suit", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct)));

        var asked = await PostAsync(client, link, "OtherDay", page, ("reason", "Sējas laiks; der aprīļa beigas."));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var stored = Assert.Single(await RequestsAsync(app));
        Assert.Equal((OnSiteStatus.OtherDayAsked, "Sējas laiks; der aprīļa beigas.", (RoundStop?)null), (stored.Status, stored.StatusNote, stored.Stop));
        Assert.Empty(await app.WithDbAsync(db => db.RoundStops.ToListAsync(Ct)));
        var told = Assert.Single(await InspectorNoticesAsync(app));
        Assert.Equal(("IZ-2026-00001: klients lūdz citu dienu", "lv"), (told.Subject, told.Language));
        Assert.Contains("Bija plānots: 24.03.2026, 10:00–11:00", told.Body);
        Assert.Contains("Klienta iemesls: Sējas laiks; der aprīļa beigas.", told.Body);

        // Asked again with the page as it was: neither a second change nor an error page.
        var again = await PostAsync(client, link, "OtherDay", page, ("reason", "vēlreiz"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The request has changed meanwhile.", await again.Content.ReadAsStringAsync(Ct));
    }

    [Theory, Providers]
    public async Task A_client_withdraws_a_request_and_a_change_made_meanwhile_by_the_inspector_is_not_overwritten(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");
        var link = await RequestAsync(app, client);
        var seen = await client.GetStringAsync(link, Ct);
        Assert.DoesNotContain("Confirm this day", seen);

        // The inspector plans it after the client opened the page: the client's old page is stale.
        await PlanAsync(app, (await RequestsAsync(app))[0].Id, new DateOnly(2026, 3, 24));
        var stale = await PostAsync(client, link, "Withdraw", seen);
        Assert.Contains("The request has changed meanwhile.", await stale.Content.ReadAsStringAsync(Ct));
        Assert.Equal(OnSiteStatus.Planned, Assert.Single(await RequestsAsync(app)).Status);

        var withdrawn = await PostAsync(client, link, "Withdraw", await client.GetStringAsync(link, Ct), ("reason", "Pārdevu traktoru."));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var stored = Assert.Single(await RequestsAsync(app));
        Assert.Equal((OnSiteStatus.Cancelled, "Pārdevu traktoru.", (RoundStop?)null), (stored.Status, stored.StatusNote, stored.Stop));
        var told = Assert.Single(await InspectorNoticesAsync(app));
        Assert.Equal("IZ-2026-00001: klients atsauca pieteikumu", told.Subject);
        Assert.Contains("Klienta iemesls: Pārdevu traktoru.", told.Body);

        var after = await client.GetStringAsync(link, Ct);
        Assert.DoesNotContain("Withdraw the request</button>", after);
        var version = await app.WithDbAsync(db => db.OnSiteRequests.Select(r => r.Version).SingleAsync(Ct));
        var refused = await PostAsync(client, link, "Confirm", seen, ("version", version.ToString()));
        Assert.Contains("This can no longer be done now.", await refused.Content.ReadAsStringAsync(Ct));
    }

    private static Task<List<OutboxMessage>> InspectorNoticesAsync(TestApp app) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == OnSiteRequests.InspectorToldKind && m.Recipient == OnSiteTestData.InspectorEmail).ToListAsync(Ct));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string handler, string page, params (string Name, string Value)[] fields)
    {
        var query = link[(link.IndexOf('?') + 1)..];
        var content = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
            ["version"] = Version().Match(page) is { Success: true } v ? v.Groups[1].Value : Guid.Empty.ToString(),
        };
        foreach (var (name, value) in fields)
        {
            content[name] = value;
        }

        return await client.PostAsync($"/onsite/status?handler={handler}&{query}", new FormUrlEncodedContent(content), Ct);
    }

    [GeneratedRegex("token=([^&\"]+)")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex Version();
}
