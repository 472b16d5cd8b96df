using System.Net;
using ClientDesk.Access;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Queue;

/// <summary>The desk workstation, its notices, the admin lists and the day report over HTTP (issue 5), on both engines.
/// The clock is Tuesday 17 March 2026 09:00 in Riga: Valmiera's walk-in window.</summary>
public sealed class WorkstationTests
{
    private const string Exam = "theory-exam-traffic";
    private const string Page = "/staff/queue";

    private static async Task<int> AddDeskAsync(TestApp app, string slug, int number) => await app.WithDbAsync(async db =>
    {
        var desk = new Desk { LocationId = await db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync(), Number = number };
        db.Desks.Add(desk);
        await db.SaveChangesAsync();
        return desk.Id;
    });

    private static async Task<int> AddLegalBasisAsync(TestApp app) => await app.WithDbAsync(async db =>
    {
        var basis = new LegalBasis { ActLv = "Testa likums", ActEn = "Test Act", SectionLv = "5. panta otrā daļa", SectionEn = "Section 5(2)", SummaryLv = "Testa norma.", Url = "https://likumi.lv/ta/id/1" };
        db.LegalBases.Add(basis);
        await db.SaveChangesAsync();
        return basis.Id;
    });

    /// <summary>A specialist at Valmiera, competent for the theory exam, signed in and sitting at a new desk.</summary>
    private static async Task<(HttpClient Client, StaffMember Staff)> SeatedAsync(TestApp app, string user, string culture = "lv", int deskNumber = 1)
    {
        var staff = await app.CreateStaffAsync(user, [Roles.ClientServiceSpecialist], ["valmiera"], competences: [Exam]);
        var desk = await AddDeskAsync(app, "valmiera", deskNumber);
        var client = await app.SignInAsync(user, culture);
        var opened = await client.PostFormAsync($"{Page}?handler=Open&location=valmiera", new() { ["deskId"] = desk.ToString() }, Page);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return (client, staff);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync($"{Page}?handler={handler}&location=valmiera", fields, $"{Page}?location=valmiera");

    private static async Task<Ticket> CallNextAsync(TestApp app, HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "CallNext", [])).StatusCode);
        return await app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Status == TicketStatus.Called));
    }

    [Theory, Providers]
    public async Task A_specialist_opens_a_desk_calls_next_starts_and_finishes_a_visit_as_completed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, staff) = await SeatedAsync(app, "specialists");
        var (location, service) = await QueueEngineTests.PlaceAsync(app);
        var ticket = await QueueEngineTests.IssueAsync(app, location, service);

        var page = await client.PageAsync(Page);
        Assert.Contains("Jūs strādājat pie 1. lodziņa.", page);
        Assert.Contains(ticket.Code, page);

        var called = await CallNextAsync(app, client);
        Assert.Equal((ticket.Id, staff.Id), (called.Id, called.StaffMemberId));
        Assert.Contains("Pašreizējais klients", await client.PageAsync(Page));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Start", new() { ["ticketId"] = ticket.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Finish", new() { ["ticketId"] = ticket.Id.ToString(), ["Finish.Kind"] = "Completed" })).StatusCode);

        var stored = await app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Outcome).SingleAsync());
        Assert.Equal((TicketStatus.Finished, OutcomeKind.Completed), (stored.Status, stored.Outcome!.Kind));
        Assert.NotNull(stored.ServingStartedAtUtc);
        var afterFinish = await client.PageAsync(Page);
        Assert.Contains($"href=\"/staff/survey/tablet?ticket={ticket.Id}\"", afterFinish);
        Assert.Contains($"href=\"/staff/errors/new?outcome={stored.Outcome.Id}\"", afterFinish);

        await PostAsync(client, "CallNext", []);
        Assert.Contains("Neviens jūsu pakalpojumu klients negaida.", await client.PageAsync(Page));
    }

    [Theory, Providers]
    public async Task A_refusal_without_basis_or_explanation_is_refused_in_the_users_language_and_a_refusal_with_both_gives_a_notice_with_the_appeal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await SeatedAsync(app, "refuserlv");
        var (location, service) = await QueueEngineTests.PlaceAsync(app);
        var ticket = await QueueEngineTests.IssueAsync(app, location, service);
        await CallNextAsync(app, client);
        var id = ticket.Id.ToString();

        var lv = await PostAsync(client, "Finish", new() { ["ticketId"] = id, ["Finish.Kind"] = "Refused", ["Finish.Explanation"] = "" });
        Assert.Equal(HttpStatusCode.OK, lv.StatusCode);
        var lvPage = await lv.TextAsync();
        Assert.Contains("Atteikumam izvēlieties tiesisko pamatu.", lvPage);
        Assert.Contains("Atteikumam uzrakstiet paskaidrojumu klientam.", lvPage);
        Assert.Contains("administratoram tie vispirms jāpievieno", lvPage);

        var english = await app.SignInAsync("refuserlv", "en");
        var en = await english.PostFormAsync($"{Page}?handler=Finish&location=valmiera",
            new() { ["ticketId"] = id, ["Finish.Kind"] = "Refused", ["Finish.Explanation"] = "Kept text" }, Page);
        var enPage = await en.TextAsync();
        Assert.Contains("Choose the legal basis of the refusal.", enPage);
        Assert.Contains("Kept text", enPage);
        Assert.Equal(0, await app.WithDbAsync(db => db.VisitOutcomes.CountAsync()));

        var basis = await AddLegalBasisAsync(app);
        var done = await PostAsync(client, "Finish", new()
        {
            ["ticketId"] = id, ["Finish.Kind"] = "Refused", ["Finish.LegalBasisId"] = basis.ToString(), ["Finish.Explanation"] = "Nav reģistrācijas apliecības oriģināla.",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var outcome = await app.WithDbAsync(db => db.VisitOutcomes.AsNoTracking().SingleAsync());
        Assert.Equal((OutcomeKind.Refused, basis), (outcome.Kind, outcome.LegalBasisId));
        Assert.Contains($"/staff/queue/outcomes/{outcome.Id}/notice", await client.PageAsync(Page));

        var notice = await client.PageAsync($"/staff/queue/outcomes/{outcome.Id}/notice");
        Assert.Contains("Testa likums, 5. panta otrā daļa", notice);
        Assert.Contains("Nav reģistrācijas apliecības oriģināla.", notice);
        Assert.Contains($"VTUA-2026-{outcome.Id:000000}", notice);
        Assert.Contains("direktoram viena mēneša laikā", notice);
        Assert.Contains("pasts@vtua.gov.lv", notice);
        Assert.Contains("Test refuserlv", notice);
    }

    [Theory, Providers]
    public async Task An_interruption_needs_a_reason_and_a_referral_to_an_institution_shows_its_contacts_and_can_be_emailed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await SeatedAsync(app, "interrupter");
        var (location, service) = await QueueEngineTests.PlaceAsync(app);
        var ticket = await QueueEngineTests.IssueAsync(app, location, service);
        await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Email, "klients@example.lv"), TestContext.Current.CancellationToken));
        await CallNextAsync(app, client);
        var id = ticket.Id.ToString();

        var interrupted = await PostAsync(client, "Finish", new() { ["ticketId"] = id, ["Finish.Kind"] = "Interrupted" });
        Assert.Contains("Izvēlieties pārtraukšanas iemeslu.", await interrupted.TextAsync());
        var nobody = await PostAsync(client, "Finish", new() { ["ticketId"] = id, ["Finish.Kind"] = "Referred" });
        Assert.Contains("Izvēlieties kolēģi vai iestādi", await nobody.TextAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.VisitOutcomes.CountAsync()));

        var institution = await app.WithDbAsync(async db =>
        {
            var r = new ReferralInstitution { NameLv = "Testa dienests", NameEn = "Test Service", Phone = "67000001", Email = "info@example.lv", Website = "https://example.lv" };
            db.ReferralInstitutions.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Finish", new()
        {
            ["ticketId"] = id, ["Finish.Kind"] = "Referred", ["Finish.ReferralInstitutionId"] = institution.ToString(),
        })).StatusCode);
        var outcome = await app.WithDbAsync(db => db.VisitOutcomes.AsNoTracking().SingleAsync());
        var notice = await client.PageAsync($"/staff/queue/outcomes/{outcome.Id}/notice");
        Assert.Contains("Testa dienests", notice);
        Assert.Contains("67000001", notice);
        Assert.Contains("https://example.lv", notice);

        var sent = await client.PostFormAsync($"/staff/queue/outcomes/{outcome.Id}/notice?handler=Email", [], $"/staff/queue/outcomes/{outcome.Id}/notice");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var message = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.TicketId == ticket.Id));
        Assert.Equal("klients@example.lv", message.Recipient);
        Assert.Contains("67000001", message.Body);
        Assert.NotNull(await app.WithDbAsync(db => db.VisitOutcomes.Select(o => o.NoticeEmailedAtUtc).SingleAsync()));
    }

    [Theory, Providers]
    public async Task A_staff_member_cannot_see_or_act_on_another_locations_queue(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("valmieraonly", [Roles.ClientServiceSpecialist], ["valmiera"], competences: [Exam]);
        var elsewhere = await AddDeskAsync(app, "jelgava", 1);
        var client = await app.SignInAsync("valmieraonly");

        Assert.Equal(HttpStatusCode.NotFound, (await client.ResponseAsync($"{Page}?location=jelgava")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{Page}?handler=Open&location=jelgava", new() { ["deskId"] = elsewhere.ToString() }, Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{Page}?handler=Issue&location=jelgava", new() { ["Issue.ServiceId"] = "1" }, Page)).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Desks.Where(d => d.Id == elsewhere).Select(d => d.StaffMemberId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.ResponseAsync("/staff/queue/report?location=jelgava")).StatusCode);

        var caseOfficer = await app.CreateStaffAsync("caseofficer", [Roles.CaseOfficer], ["valmiera"]);
        var denied = await (await app.SignInAsync("caseofficer")).ResponseAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("access-denied", denied.Headers.Location!.ToString());
    }

    [Theory, Providers]
    public async Task A_client_transferred_to_a_colleague_is_called_next_only_by_that_colleague(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (first, _) = await SeatedAsync(app, "firstdesk", deskNumber: 1);
        var (other, _) = await SeatedAsync(app, "otherdesk", deskNumber: 2);
        var (chosen, chosenStaff) = await SeatedAsync(app, "chosendesk", deskNumber: 3);
        var (location, service) = await QueueEngineTests.PlaceAsync(app);
        var ticket = await QueueEngineTests.IssueAsync(app, location, service);
        await CallNextAsync(app, first);

        var transferred = await PostAsync(first, "Transfer", new() { ["ticketId"] = ticket.Id.ToString(), ["target"] = "staff:" + chosenStaff.Id });
        Assert.Equal(HttpStatusCode.Redirect, transferred.StatusCode);
        var otherPage = await other.PageAsync(Page);
        Assert.Contains("Pārsūtīts citam darbiniekam.", otherPage);

        await PostAsync(other, "CallNext", []);
        Assert.Contains("Neviens jūsu pakalpojumu klients negaida.", await other.PageAsync(Page));
        var called = await CallNextAsync(app, chosen);
        Assert.Equal((ticket.Id, chosenStaff.Id), (called.Id, called.StaffMemberId));
    }

    [Theory, Providers]
    public async Task Administrators_keep_desks_and_legal_bases_with_validation_and_concurrency(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var admin = await app.SignInAsAdministratorAsync();
        var valmiera = await app.WithDbAsync(db => db.Locations.Where(l => l.Slug == "valmiera").Select(l => l.Id).SingleAsync());

        var bad = await admin.PostFormAsync("/admin/desks/new", new() { ["Input.LocationId"] = valmiera.ToString(), ["Input.Number"] = "120", ["Input.IsActive"] = "true" });
        Assert.Contains("Numuram jābūt no 1 līdz 99.", await bad.TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/desks/new", new() { ["Input.LocationId"] = valmiera.ToString(), ["Input.Number"] = "4", ["Input.NoteLv"] = "pie ieejas", ["Input.IsActive"] = "true" })).StatusCode);
        var twice = await admin.PostFormAsync("/admin/desks/new", new() { ["Input.LocationId"] = valmiera.ToString(), ["Input.Number"] = "4", ["Input.IsActive"] = "true" });
        Assert.Contains("Šajā vietā jau ir 4. lodziņš.", await twice.TextAsync());
        var desk = await app.WithDbAsync(db => db.Desks.AsNoTracking().SingleAsync());
        Assert.Contains("pie ieejas", await admin.PageAsync("/admin/desks"));

        var stale = desk.Version.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/desks/{desk.Id}/edit", new() { ["Input.LocationId"] = valmiera.ToString(), ["Input.Number"] = "5", ["Input.Version"] = stale, ["Input.IsActive"] = "true" })).StatusCode);
        var conflict = await admin.PostFormAsync($"/admin/desks/{desk.Id}/edit", new() { ["Input.LocationId"] = valmiera.ToString(), ["Input.Number"] = "6", ["Input.Version"] = stale, ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.Desks.Select(d => d.Number).SingleAsync()));

        Assert.Contains("Sarakstā vēl nav neviena tiesiskā pamata.", await admin.PageAsync("/admin/legal-bases"));
        var missing = await admin.PostFormAsync("/admin/legal-bases/new", new() { ["Input.ActLv"] = "", ["Input.SectionLv"] = "3. pants", ["Input.Url"] = "http://x" });
        var missingPage = await missing.TextAsync();
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("https://", missingPage);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/legal-bases/new", new() { ["Input.ActLv"] = "Testa likums", ["Input.SectionLv"] = "3. pants", ["Input.IsActive"] = "true" })).StatusCode);
        var duplicate = await admin.PostFormAsync("/admin/legal-bases/new", new() { ["Input.ActLv"] = "Testa likums", ["Input.SectionLv"] = "3. pants", ["Input.IsActive"] = "true" });
        Assert.Contains("jau ir sarakstā", await duplicate.TextAsync());
        var basis = await app.WithDbAsync(db => db.LegalBases.AsNoTracking().SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/legal-bases/{basis.Id}/edit", new() { ["Input.ActLv"] = "Testa likums", ["Input.SectionLv"] = "3. pants", ["Input.Version"] = basis.Version.ToString(), ["Input.IsActive"] = "false" })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.LegalBases.Select(b => b.IsActive).SingleAsync()));
        var staleBasis = await admin.PostFormAsync($"/admin/legal-bases/{basis.Id}/edit", new() { ["Input.ActLv"] = "Cits", ["Input.SectionLv"] = "3. pants", ["Input.Version"] = basis.Version.ToString() });
        Assert.Equal(HttpStatusCode.OK, staleBasis.StatusCode);
        Assert.Equal("Testa likums", await app.WithDbAsync(db => db.LegalBases.Select(b => b.ActLv).SingleAsync()));
    }

    [Theory, Providers]
    public async Task The_day_report_counts_tickets_waits_and_outcomes_of_a_prepared_day(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (client, _) = await SeatedAsync(app, "reporter");
        var (location, service) = await QueueEngineTests.PlaceAsync(app);
        var first = await QueueEngineTests.IssueAsync(app, location, service);
        var second = await QueueEngineTests.IssueAsync(app, location, service);
        var third = await QueueEngineTests.IssueAsync(app, location, service);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await CallNextAsync(app, client);
        await PostAsync(client, "Start", new() { ["ticketId"] = first.Id.ToString() });
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await PostAsync(client, "Finish", new() { ["ticketId"] = first.Id.ToString(), ["Finish.Kind"] = "Completed" });
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await PostAsync(client, "CallNext", []);
        await PostAsync(client, "NoShow", new() { ["ticketId"] = second.Id.ToString() });
        await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == third.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed).SetProperty(t => t.ClosedReason, "dienas beigas"), TestContext.Current.CancellationToken));

        var report = await client.PageAsync("/staff/queue/report?location=valmiera&date=2026-03-17");
        Assert.Matches(@"Izsniegtas biļetes</th><td>3<", report);
        Assert.Matches(@"Apkalpoti</th><td>1<", report);
        Assert.Matches(@"Neieradās pēc izsaukuma</th><td>1<", report);
        Assert.Matches(@"Slēgtas bez apkalpošanas: dienas beigas</th><td>1<", report);
        // Group C: 3 issued, 2 called after 10 and 20 minutes: median 15, longest 20; one service of 6 minutes.
        Assert.Matches(@"<th scope=""row"">C</th><td>3</td><td>2</td><td>15 min</td><td>20 min</td><td>6 min</td>", report);
        Assert.Matches(@"<th scope=""row"">1</th><td>1</td><td>0</td><td>0</td><td>0</td>", report);
    }
}

internal static class WorkstationHttp
{
    public static Task<string> PageAsync(this HttpClient client, string url) => client.GetStringAsync(url, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ResponseAsync(this HttpClient client, string url) => client.GetAsync(url, TestContext.Current.CancellationToken);

    public static Task<string> TextAsync(this HttpResponseMessage response) => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
