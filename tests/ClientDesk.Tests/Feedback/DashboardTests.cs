using System.Net;
using System.Text;
using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;
using ClientDesk.Feedback;
using ClientDesk.Tests.Infrastructure;

namespace ClientDesk.Tests.Feedback;

/// <summary>
/// The case officer's dashboard and who sees which case (L-5): by the locations one works at, cases with no location
/// for case officers, cases assigned or escalated to one, all for the director, none (403) for other roles; overdue
/// cases marked in words, the counts, the filters, and attachments only for those who may see the case.
/// </summary>
public sealed class DashboardTests
{
    [Theory, Providers]
    public async Task Each_role_sees_only_the_cases_it_may_and_other_staff_are_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var anna = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        await app.CreateStaffAsync("vilis", [Roles.RegionalHead], ["valmiera"]);
        await app.CreateStaffAsync("dace", [Roles.Director]);
        await app.CreateStaffAsync("ivars", [Roles.Inspector, Roles.Administrator], ["valmiera"]);
        var valmiera = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        var jelgava = await CaseSteps.RegisterAsync(app, "jelgava", CaseSteps.Complaint);
        var nowhere = await CaseSteps.RegisterAsync(app, null, CaseSteps.Complaint);
        var jelgavaForAnna = await CaseSteps.RegisterAsync(app, "jelgava", CaseSteps.Complaint);
        using (var director = await app.SignInAsync("dace"))
        {
            await CaseSteps.ExpectDoneAsync(director, jelgavaForAnna, "Assign", new() { ["OfficerId"] = anna.Id }, "piešķirta");
        }

        async Task ExpectAsync(string user, string[] sees, string[] doesNotSee)
        {
            using var client = await app.SignInAsync(user);
            var dashboard = await client.GetStringAsync("/staff/cases", ct);
            foreach (var number in sees)
            {
                Assert.Contains($"/staff/cases/{number}\"", dashboard);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/staff/cases/{number}", ct)).StatusCode);
            }

            foreach (var number in doesNotSee)
            {
                Assert.DoesNotContain($"/staff/cases/{number}\"", dashboard);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/cases/{number}", ct)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/cases/{number}/letter", ct)).StatusCode);
            }
        }

        await ExpectAsync("anna", [valmiera, nowhere, jelgavaForAnna], [jelgava]);
        await ExpectAsync("vilis", [valmiera], [jelgava, nowhere, jelgavaForAnna]);
        await ExpectAsync("dace", [valmiera, jelgava, nowhere, jelgavaForAnna], []);

        using var inspector = await app.SignInAsync("ivars");
        foreach (var path in new[] { "/staff/cases", $"/staff/cases/{valmiera}", $"/staff/cases/{valmiera}/letter" })
        {
            var response = await inspector.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/access-denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync(response.Headers.Location, ct)).StatusCode);
        }

        using var anonymous = app.CreateBrowserClient();
        var signIn = await anonymous.GetAsync("/staff/cases", ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/staff/sign-in", signIn.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task An_attachment_downloads_with_its_type_as_an_attachment_only_for_those_who_may_see_the_case(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        await app.CreateStaffAsync("zane", [Roles.CaseOfficer], ["jelgava"]);
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 vēstules skenējums");
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint, [new NewAttachment("vēstule.pdf", "application/pdf", bytes)]);
        var attachmentId = (await app.WithDbAsync(db => db.CaseAttachments.SingleAsync(ct))).Id;
        var url = $"/staff/cases/{number}?handler=Attachment&attachmentId={attachmentId}";
        using var anna = await app.SignInAsync("anna");
        using var zane = await app.SignInAsync("zane");

        Assert.Contains(url.Replace("&", "&amp;", StringComparison.Ordinal), await anna.GetStringAsync($"/staff/cases/{number}", ct));
        var download = await anna.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("vēstule.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(HttpStatusCode.NotFound, (await zane.GetAsync(url, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/staff/cases/{number}?handler=Attachment&attachmentId={attachmentId + 1}", ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task Open_cases_are_listed_by_deadline_with_overdue_ones_marked_in_words_and_counted(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        // Received Tue 3 March: due Tue 17 March, today. Received Fri 27 Feb (old rule): due Fri 27 March.
        // Received Mon 2 March: due Mon 16 March, overdue since yesterday. Received Thu 5 March: due Thu 19 March, in two working days.
        var dueToday = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { ReceivedAtUtc = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc) });
        var oldRule = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { ReceivedAtUtc = new DateTime(2026, 2, 27, 9, 0, 0, DateTimeKind.Utc) });
        var overdue = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { ReceivedAtUtc = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc) });
        var soon = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { ReceivedAtUtc = new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc) });
        var information = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Name = null, Email = null });
        using var lv = await app.SignInAsync("anna");
        using var en = await app.SignInAsync("anna", "en");

        var page = await lv.GetStringAsync("/staff/cases", ct);
        var order = new[] { overdue, dueToday, soon, oldRule, information }.Select(n => page.IndexOf($"/staff/cases/{n}\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("Nokavēts — dienas pēc termiņa: 1", page);
        Assert.Contains("Termiņš šodien", page);
        Assert.Contains("Termiņš tuvojas — atlikušās darba dienas: 2", page);
        Assert.Contains("bez termiņa (informācijai)", page);
        Assert.Contains("case-mark case-overdue", page);
        Assert.Matches(@"<strong>5</strong>\s*atvērtas", page);
        Assert.Matches(@"<strong>1</strong>\s*nokavētas", page);
        Assert.Matches(@"<strong>2</strong>\s*termiņš šonedēļ", page);

        var english = await en.GetStringAsync("/staff/cases", ct);
        Assert.Contains("Overdue — days past the deadline: 1", english);
        Assert.Contains("Due today", english);
        Assert.Contains("no deadline (information only)", english);

        var casePage = await lv.GetStringAsync($"/staff/cases/{overdue}", ct);
        Assert.Contains("Nokavēts — dienas pēc termiņa: 1", casePage);
    }

    [Theory, Providers]
    public async Task The_dashboard_filters_by_location_type_officer_and_status(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var anna = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera", "gulbene"]);
        var berta = await app.CreateStaffAsync("berta", [Roles.CaseOfficer], ["valmiera"]);
        var mine = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        var bertas = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Kind = CaseKind.Question });
        var unassigned = await CaseSteps.RegisterAsync(app, "gulbene", CaseSteps.Complaint);
        var closed = await CaseSteps.RegisterAsync(app, "gulbene", CaseSteps.Complaint with { Kind = CaseKind.Praise });
        using var client = await app.SignInAsync("anna");
        await CaseSteps.ExpectDoneAsync(client, mine, "Take", [], "paņēmāt");
        await CaseSteps.ExpectDoneAsync(client, bertas, "Assign", new() { ["OfficerId"] = berta.Id }, "piešķirta");
        await CaseSteps.ExpectDoneAsync(client, closed, "Close", new() { ["ClosingNote"] = "Paldies nodots." }, "slēgta");
        var gulbene = await app.WithDbAsync(db => db.Locations.SingleAsync(l => l.Slug == "gulbene", ct));

        async Task ExpectAsync(string query, params string[] listed)
        {
            var page = await client.GetStringAsync("/staff/cases" + query, ct);
            foreach (var number in new[] { mine, bertas, unassigned, closed })
            {
                Assert.True(listed.Contains(number) == page.Contains($"/staff/cases/{number}\"", StringComparison.Ordinal), $"{query}: {number}");
            }
        }

        await ExpectAsync("", mine, bertas, unassigned);
        await ExpectAsync("?Officer=mine", mine);
        await ExpectAsync("?Officer=unassigned", unassigned);
        await ExpectAsync($"?Officer={berta.Id}", bertas);
        await ExpectAsync("?Kind=Question", bertas);
        await ExpectAsync($"?Location={gulbene.Id}", unassigned);
        await ExpectAsync("?Status=closed", closed);
        await ExpectAsync("?Status=all", mine, bertas, unassigned, closed);
        await ExpectAsync("?Status=nonsense&Kind=Nonsense&Location=abc", mine, bertas, unassigned);
        Assert.Equal(anna.Id, (await CaseSteps.LoadAsync(app, mine)).AssignedOfficerId);
    }
}
