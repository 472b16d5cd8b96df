using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Officer;
using ClientDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Feedback;

/// <summary>
/// The case officer's work on a case over HTTP (K-5, L-3, L-8, C-5): assign, start, note, extend, forward, escalate,
/// answer by each channel and close, each with its invalid steps; a stale form changes nothing; deadline reminders.
/// Cases are registered through the <see cref="Cases"/> service, as the intake pages and API do.
/// </summary>
public sealed class CaseWorkflowTests
{
    [Theory, Providers]
    public async Task An_officer_assigns_starts_notes_answers_by_email_and_closes_a_case(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var officer = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Language = "en" });
        using var client = await app.SignInAsync("anna");

        await CaseSteps.ExpectDoneAsync(client, number, "Assign", new() { ["OfficerId"] = officer.Id }, "piešķirta");
        await CaseSteps.ExpectDoneAsync(client, number, "Start", [], "sākts");
        await CaseSteps.ExpectDoneAsync(client, number, "Note", new() { ["Note"] = "Piezvanīju klientam, gaida rakstisku atbildi." }, "Piezīme pievienota");
        await CaseSteps.ExpectDoneAsync(client, number, "Answer", new() { ["AnswerChannel"] = "Email", ["AnswerText"] = "We have checked the queue at Valmiera." }, "nosūtīta pa e-pastu");

        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(CaseStatus.Answered, @case.Status);
        Assert.Equal(ReplyChannel.Email, @case.AnswerChannel);
        Assert.Equal(new DateOnly(2026, 3, 17), @case.AnswerDeliveredOn);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CaseId == @case.Id && m.Kind == CaseNotices.AnswerKind, ct));
        Assert.Equal("janis@example.lv", mail.Recipient);
        Assert.Equal("en", mail.Language);
        Assert.Contains("Answer to submission No. " + number, mail.Subject);
        Assert.Contains("We have checked the queue at Valmiera.", mail.Body);
        Assert.Equal(mail.CreatedAtUtc, mail.DueAtUtc);

        await CaseSteps.ExpectDoneAsync(client, number, "Close", [], "slēgta");
        @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(
            [CaseEntryKind.Registered, CaseEntryKind.Assigned, CaseEntryKind.Started, CaseEntryKind.Note, CaseEntryKind.Answered, CaseEntryKind.Closed],
            @case.Entries.OrderBy(e => e.Id).Select(e => e.Kind));

        var page = await client.GetStringAsync($"/staff/cases/{number}", ct);
        Assert.Contains("Iekšēja — iesniedzējs neredz", page);
        Assert.Contains("Piezvanīju klientam", page);
    }

    [Theory, Providers]
    public async Task Invalid_steps_get_a_clear_message_and_change_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var inspector = await app.CreateStaffAsync("ivars", [Roles.Inspector], ["valmiera"]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        using var client = await app.SignInAsync("anna");

        await CaseSteps.ExpectRefusedAsync(client, number, "Start", [], "statuss ir „Reģistrēts”");
        await CaseSteps.ExpectRefusedAsync(client, number, "Answer", new() { ["AnswerChannel"] = "Email", ["AnswerText"] = "Atbilde" }, "kad tā ir piešķirta");
        await CaseSteps.ExpectRefusedAsync(client, number, "Close", new() { ["ClosingNote"] = "Nav vajadzības" }, "tikai pēc atbildes");
        await CaseSteps.ExpectInvalidAsync(client, number, "Assign", new() { ["OfficerId"] = inspector.Id }, "Izvēlieties lietvedi no saraksta.");
        await CaseSteps.ExpectInvalidAsync(client, number, "Note", new() { ["Note"] = "  " }, "Ierakstiet piezīmes tekstu.");
        await CaseSteps.ExpectInvalidAsync(client, number, "Extend", new() { ["ExtensionReason"] = "" }, "kāpēc termiņš jāpagarina");
        await CaseSteps.ExpectInvalidAsync(client, number, "Forward", new() { ["InstitutionId"] = "999999", ["ForwardNote"] = "x" }, "Izvēlieties iestādi no saraksta.");
        await CaseSteps.ExpectRefusedAsync(client, number, "Escalate", new() { ["OfficialId"] = inspector.Id, ["EscalationReason"] = "Klients lūdz" }, "nav kam nodot");
        await CaseSteps.ExpectInvalidAsync(client, number, "Note", new() { ["Note"] = new string('ā', CaseModel.NoteLength + 1) }, "ne garāks par 4000 zīmēm");

        await CaseSteps.ExpectDoneAsync(client, number, "Take", [], "Jūs paņēmāt");
        await CaseSteps.ExpectInvalidAsync(client, number, "Answer", new() { ["AnswerChannel"] = "Post", ["AnswerText"] = "Atbilde" }, "Izvēlieties, kā nosūtīt atbildi.");
        await CaseSteps.ExpectInvalidAsync(client, number, "Answer", new() { ["AnswerChannel"] = "Email", ["AnswerText"] = "" }, "Ierakstiet atbildes tekstu.");
        await CaseSteps.ExpectDoneAsync(client, number, "Extend", new() { ["ExtensionReason"] = "Jāpieprasa dati no Valmieras nodaļas." }, "pagarināts");
        await CaseSteps.ExpectRefusedAsync(client, number, "Extend", new() { ["ExtensionReason"] = "Vēlreiz" }, "jau ir pagarināts");

        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(CaseStatus.Assigned, @case.Status);
        Assert.Null(@case.AnswerText);
        Assert.Equal([CaseEntryKind.Registered, CaseEntryKind.Assigned, CaseEntryKind.Extended, CaseEntryKind.SubmitterTold], @case.Entries.OrderBy(e => e.Id).Select(e => e.Kind));

        var unknown = await client.GetAsync("/staff/cases/2026-99999", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var nonsense = await client.GetAsync("/staff/cases/abc", ct);
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
    }

    [Theory, Providers]
    public async Task A_stale_form_is_refused_with_a_message_and_overwrites_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var anna = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var berta = await app.CreateStaffAsync("berta", [Roles.CaseOfficer], ["valmiera"]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        using var first = await app.SignInAsync("anna");
        using var second = await app.SignInAsync("berta");
        var staleVersion = await CaseSteps.VersionAsync(second, number);

        await CaseSteps.ExpectDoneAsync(first, number, "Assign", new() { ["OfficerId"] = anna.Id }, "piešķirta");
        var response = await CaseSteps.PostAsync(second, number, "Assign", new() { ["OfficerId"] = berta.Id }, staleVersion);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kāds cits mainīja šo lietu. Nekas netika saglabāts.", await response.Content.ReadAsStringAsync(ct));
        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(anna.Id, @case.AssignedOfficerId);
        Assert.Single(@case.Entries, e => e.Kind == CaseEntryKind.Assigned);
    }

    [Theory, Providers]
    public async Task Extending_sets_the_longer_term_of_the_law_and_tells_the_submitter_by_email_or_by_a_printed_letter(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var byEmail = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Language = "en" });
        var byPost = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Email = null, PostalAddress = "Rīgas iela 1, Valmiera, LV-4201", PreferredReply = ReplyChannel.Post });
        using var client = await app.SignInAsync("anna");
        var expected = SubmissionLaw.DeadlinesFor(new DateOnly(2026, 3, 17), await app.WithDbAsync(db => CalendarSource.LoadAsync(db, ct))).ExtendedAnswerBy;

        await CaseSteps.ExpectDoneAsync(client, byEmail, "Extend", new() { ["ExtensionReason"] = "We must ask the Valmiera office." }, "Iesniedzējam nosūtīts e-pasts");
        await CaseSteps.ExpectDoneAsync(client, byPost, "Extend", new() { ["ExtensionReason"] = "Jāpieprasa dati." }, "Izdrukājiet paziņojumu");

        var emailed = await CaseSteps.LoadAsync(app, byEmail);
        Assert.Equal(new DateOnly(2026, 4, 17), expected);
        Assert.Equal(expected, emailed.ExtendedAnswerBy);
        Assert.Equal(expected, emailed.DueOn);
        var notice = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CaseId == emailed.Id, ct));
        Assert.Equal(CaseNotices.ExtendedKind, notice.Kind);
        Assert.Equal("en", notice.Language);
        Assert.Contains("Friday 17 April 2026", notice.Body);
        Assert.Contains("We must ask the Valmiera office.", notice.Body);

        var posted = await CaseSteps.LoadAsync(app, byPost);
        Assert.Equal(expected, posted.ExtendedAnswerBy);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.CaseId == posted.Id, ct)));
        var letter = await client.GetStringAsync($"/staff/cases/{byPost}/letter?kind=Extension", ct);
        Assert.Contains("piektdien, 2026. gada 17. aprīlī", letter);
        Assert.Contains("Rīgas iela 1, Valmiera, LV-4201", letter);
        Assert.Contains("Republikas laukums 2, Rīga, LV-1010", letter);
    }

    [Theory, Providers]
    public async Task Forwarding_sends_the_case_to_an_institution_tells_the_submitter_and_shows_the_forwarding_term(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        var institution = await app.WithDbAsync(db => db.ReferralInstitutions.Where(i => i.IsActive).OrderBy(i => i.Id).FirstAsync(ct));
        using var client = await app.SignInAsync("anna");

        var page = await client.GetStringAsync($"/staff/cases/{number}", ct);
        Assert.Contains("24.03.2026", page);
        Assert.Contains("pārsūtīšanas termiņš vēl nav beidzies", page);

        await CaseSteps.ExpectDoneAsync(client, number, "Forward", new() { ["InstitutionId"] = institution.Id.ToString(), ["ForwardNote"] = "Jautājums par augu aizsardzību." }, "pārsūtīta");

        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(CaseStatus.Forwarded, @case.Status);
        Assert.Equal(institution.Id, @case.ForwardedToInstitutionId);
        Assert.True(@case.AnsweredInTime(RigaLocal));
        var notice = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.CaseId == @case.Id, ct));
        Assert.Equal(CaseNotices.ForwardedKind, notice.Kind);
        Assert.Contains(institution.NameLv, notice.Body);
        await CaseSteps.ExpectRefusedAsync(client, number, "Forward", new() { ["InstitutionId"] = institution.Id.ToString(), ["ForwardNote"] = "Vēlreiz" }, "statuss ir „Pārsūtīts”");
    }

    [Theory, Providers]
    public async Task Escalation_goes_to_the_regional_head_of_the_case_region_then_to_the_director_and_each_then_sees_the_case(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var head = await app.CreateStaffAsync("vilis", [Roles.RegionalHead], ["gulbene"]);
        var otherHead = await app.CreateStaffAsync("zigis", [Roles.RegionalHead], ["jelgava"]);
        var director = await app.CreateStaffAsync("dace", [Roles.Director]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        using var officer = await app.SignInAsync("anna");
        using var headClient = await app.SignInAsync("vilis");

        Assert.Equal(HttpStatusCode.NotFound, (await headClient.GetAsync($"/staff/cases/{number}", ct)).StatusCode);
        var choices = await officer.GetStringAsync($"/staff/cases/{number}", ct);
        Assert.Contains($"value=\"{head.Id}\"", choices);
        Assert.DoesNotContain($"value=\"{otherHead.Id}\"", choices);
        Assert.Contains($"value=\"{director.Id}\"", choices);
        await CaseSteps.ExpectInvalidAsync(officer, number, "Escalate", new() { ["OfficialId"] = head.Id, ["EscalationReason"] = "" }, "Ierakstiet iemeslu.");
        await CaseSteps.ExpectInvalidAsync(officer, number, "Escalate", new() { ["OfficialId"] = otherHead.Id, ["EscalationReason"] = "Klients lūdz" }, "Izvēlieties amatpersonu");

        await CaseSteps.ExpectDoneAsync(officer, number, "Escalate", new() { ["OfficialId"] = head.Id, ["EscalationReason"] = "Klients lūdz reģiona vadītāju." }, "nodota");

        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(EscalationLevel.RegionalHead, @case.EscalatedTo);
        Assert.Equal(head.Id, @case.EscalatedToStaffId);
        Assert.Equal(HttpStatusCode.OK, (await headClient.GetAsync($"/staff/cases/{number}", ct)).StatusCode);
        Assert.Contains(number, await headClient.GetStringAsync("/staff/cases", ct));
        Assert.Contains("Pie reģiona vadītāja", await headClient.GetStringAsync("/staff/cases", ct));

        await CaseSteps.ExpectInvalidAsync(headClient, number, "Escalate", new() { ["OfficialId"] = head.Id, ["EscalationReason"] = "Vēlreiz" }, "Izvēlieties amatpersonu");
        // The head works at another location of the region: once the case is with the director, it leaves their list.
        var handedOver = await CaseSteps.PostAsync(headClient, number, "Escalate", new() { ["OfficialId"] = director.Id, ["EscalationReason"] = "Klients lūdz direktoru." });
        Assert.Equal(HttpStatusCode.Redirect, handedOver.StatusCode);
        Assert.Equal("/staff/cases", handedOver.Headers.Location?.OriginalString);
        Assert.Contains("nodota", await headClient.GetStringAsync("/staff/cases", ct));
        @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(EscalationLevel.Director, @case.EscalatedTo);
        Assert.Equal(director.Id, @case.EscalatedToStaffId);
        using var directorClient = await app.SignInAsync("dace");
        var dashboard = await directorClient.GetStringAsync("/staff/cases?Officer=", ct);
        Assert.Contains(number, dashboard);
        Assert.Contains("Pie direktora", dashboard);
    }

    [Theory, Providers]
    public async Task An_answer_by_post_makes_a_printable_letter_with_the_agency_address_and_no_email(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { PostalAddress = "Rīgas iela 1, Valmiera, LV-4201", PreferredReply = ReplyChannel.Post });
        using var client = await app.SignInAsync("anna");
        await CaseSteps.ExpectDoneAsync(client, number, "Take", [], "paņēmāt");

        await CaseSteps.ExpectDoneAsync(client, number, "Answer", new() { ["AnswerChannel"] = "Post", ["AnswerText"] = "Rindas kārtība Valmierā ir mainīta." }, "Izdrukājiet vēstuli");

        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(ReplyChannel.Post, @case.AnswerChannel);
        Assert.Null(@case.AnswerDeliveredOn);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.CaseId == @case.Id, ct)));
        var letter = await client.GetAsync($"/staff/cases/{number}/letter", ct);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var html = await letter.Content.ReadAsStringAsync(ct);
        Assert.Contains("Valsts tehniskās uzraudzības aģentūra", html);
        Assert.Contains("Republikas laukums 2, Rīga, LV-1010", html);
        Assert.Contains("Atbilde uz iesniegumu Nr. " + number, html);
        Assert.Contains("Rindas kārtība Valmierā ir mainīta.", html);
        Assert.Contains("Labdien, Jānis Bērziņš!", html);
        Assert.Contains("Rīgas iela 1, Valmiera, LV-4201", html);
        Assert.Contains("lang=\"lv\"", html);
    }

    [Theory, Providers]
    public async Task An_answer_to_the_e_address_counts_as_delivered_on_the_second_working_day_across_a_holiday_weekend_and_sends_nothing_else(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { EAddress = "_PRIVATE@12345678901", PreferredReply = ReplyChannel.EAddress });

        // Thursday 30 April 2026: Friday 1 May and Monday 4 May are holidays, with the weekend between.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 30, 8, 0, 0, TimeSpan.Zero));
        using var client = await app.SignInAsync("anna");
        await CaseSteps.ExpectDoneAsync(client, number, "Take", [], "paņēmāt");
        var page = await client.GetStringAsync($"/staff/cases/{number}", ct);
        Assert.Contains("ClientDesk nav savienots ar e-adresi", page);
        Assert.DoesNotContain("id=\"channel-Email\"", page);
        await CaseSteps.ExpectInvalidAsync(client, number, "Answer", new() { ["AnswerChannel"] = "Email", ["AnswerText"] = "Atbilde" }, "Izvēlieties, kā nosūtīt atbildi.");
        await CaseSteps.ExpectDoneAsync(client, number, "Answer", new() { ["AnswerChannel"] = "EAddress", ["AnswerText"] = "Atbilde e-adresē." }, "06.05.2026");

        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(ReplyChannel.EAddress, @case.AnswerChannel);
        Assert.Equal(new DateOnly(2026, 5, 6), @case.AnswerDeliveredOn);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.CaseId == @case.Id, ct)));
    }

    [Theory, Providers]
    public async Task Praise_and_information_close_without_an_answer_only_with_a_note(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var praise = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Kind = CaseKind.Praise });
        var information = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint with { Name = null, Email = null });
        using var client = await app.SignInAsync("anna");

        await CaseSteps.ExpectInvalidAsync(client, praise, "Close", new() { ["ClosingNote"] = "" }, "tikai ar piezīmi");
        await CaseSteps.ExpectDoneAsync(client, praise, "Close", new() { ["ClosingNote"] = "Pateicība nodota kolēģiem." }, "slēgta");
        await CaseSteps.ExpectRefusedAsync(client, information, "Extend", new() { ["ExtensionReason"] = "x" }, "nav termiņa");
        await CaseSteps.ExpectDoneAsync(client, information, "Take", [], "paņēmāt");
        await CaseSteps.ExpectRefusedAsync(client, information, "Answer", new() { ["AnswerChannel"] = "Email", ["AnswerText"] = "x" }, "pieņemta informācijai");
        await CaseSteps.ExpectDoneAsync(client, information, "Close", new() { ["ClosingNote"] = "Informācija ņemta vērā." }, "slēgta");

        Assert.Equal("Pateicība nodota kolēģiem.", (await CaseSteps.LoadAsync(app, praise)).ClosingNote);
        Assert.Equal(CaseStatus.Closed, (await CaseSteps.LoadAsync(app, information)).Status);
    }

    [Theory, Providers]
    public async Task The_assigned_officer_is_reminded_before_the_deadline_and_on_the_day_once_a_day_and_unassigned_cases_remind_nobody(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var anna = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        await CaseSteps.SetEmailAsync(app, anna.Id, "anna@vtua.gov.lv");
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        var unassigned = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        using var client = await app.SignInAsync("anna");
        await CaseSteps.ExpectDoneAsync(client, number, "Take", [], "paņēmāt");
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();
        async Task<int> SentAsync() => await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == CaseNotices.ReminderKind, ct));

        // Due Tuesday 31 March; two working days before is Friday 27 March.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 26, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.RunOnceAsync(ct));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.RunOnceAsync(ct));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.RunOnceAsync(ct));
        Assert.Equal(1, await SentAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.RunOnceAsync(ct));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.RunOnceAsync(ct));
        Assert.Equal(0, await reminders.RunOnceAsync(ct));

        var messages = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == CaseNotices.ReminderKind).OrderBy(m => m.Id).ToListAsync(ct));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("anna@vtua.gov.lv", m.Recipient));
        Assert.Contains("31. martā", messages[0].Subject);
        Assert.Contains($"/staff/cases/{number}", messages[0].Body);
        Assert.Contains("Šodien", messages[1].Subject);
        var @case = await CaseSteps.LoadAsync(app, number);
        Assert.Equal(new DateOnly(2026, 3, 31), @case.RemindedOn);
        Assert.Equal(2, @case.Entries.Count(e => e.Kind == CaseEntryKind.Reminded));
        Assert.DoesNotContain((await CaseSteps.LoadAsync(app, unassigned)).Entries, e => e.Kind == CaseEntryKind.Reminded);
    }

    [Theory, Providers]
    public async Task An_early_reminder_missed_on_its_day_goes_on_the_next_pass_inside_the_window(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var anna = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        await CaseSteps.SetEmailAsync(app, anna.Id, "anna@vtua.gov.lv");
        var number = await CaseSteps.RegisterAsync(app, "valmiera", CaseSteps.Complaint);
        using var client = await app.SignInAsync("anna");
        await CaseSteps.ExpectDoneAsync(client, number, "Take", [], "paņēmāt");
        var reminders = app.Services.GetRequiredService<DeadlineReminders>();

        // Due Tuesday 31 March: the app did not run on Friday 27 March, so Monday's pass reminds, and Tuesday's again.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.RunOnceAsync(ct));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.RunOnceAsync(ct));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.RunOnceAsync(ct));
    }

    private static DateOnly RigaLocal(DateTime utc) => DateOnly.FromDateTime(ClientDesk.Platform.RigaTime.ToLocal(utc));
}

/// <summary>Registering cases and working them over HTTP, as the officer's tests do.</summary>
internal static partial class CaseSteps
{
    public static CaseIntake Complaint => new(CaseKind.Complaint, CaseChannel.WebForm, "Rindā gaidīju divas stundas.")
    {
        Subject = "Ilga gaidīšana",
        Name = "Jānis Bērziņš",
        Email = "janis@example.lv",
        PreferredReply = ReplyChannel.Email,
    };

    public static async Task<string> RegisterAsync(TestApp app, string? locationSlug, CaseIntake intake, IReadOnlyList<NewAttachment>? attachments = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
        var locationId = locationSlug is { } slug ? await db.Locations.Where(l => l.Slug == slug).Select(l => (int?)l.Id).SingleAsync() : null;
        var registered = await scope.ServiceProvider.GetRequiredService<Cases>()
            .RegisterAsync(intake with { LocationId = locationId, Attachments = attachments ?? [] });
        return registered.Case.Number;
    }

    public static async Task<Case> LoadAsync(TestApp app, string number)
    {
        Assert.True(Cases.TryParseNumber(number, out var year, out var sequence));
        return await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Entries).SingleAsync(c => c.Year == year && c.Sequence == sequence));
    }

    public static async Task SetEmailAsync(TestApp app, string staffId, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
        var staff = await users.FindByIdAsync(staffId);
        Assert.True((await users.SetEmailAsync(staff!, email)).Succeeded);
    }

    public static async Task<string> VersionAsync(HttpClient client, string number)
    {
        var page = await client.GetStringAsync($"/staff/cases/{number}");
        var match = VersionField().Match(page);
        Assert.True(match.Success, "No version on the case page.");
        return match.Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string number, string handler, Dictionary<string, string> fields, string? version = null)
    {
        fields["Version"] = version ?? await VersionAsync(client, number);
        return await client.PostFormAsync($"/staff/cases/{number}?handler={handler}", fields, $"/staff/cases/{number}");
    }

    /// <summary>The step succeeds: a redirect back to the case, whose page then says so.</summary>
    public static async Task ExpectDoneAsync(HttpClient client, string number, string handler, Dictionary<string, string> fields, string message)
    {
        var response = await PostAsync(client, number, handler, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/cases/{number}", response.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync($"/staff/cases/{number}");
        Assert.Matches("class=\"success\" role=\"status\">[^<]*" + Regex.Escape(message), page);
    }

    /// <summary>The step is not possible now: back to the case with the reason.</summary>
    public static async Task ExpectRefusedAsync(HttpClient client, string number, string handler, Dictionary<string, string> fields, string message)
    {
        var response = await PostAsync(client, number, handler, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync($"/staff/cases/{number}");
        Assert.Matches("role=\"alert\">[^<]*" + Regex.Escape(message), page);
    }

    /// <summary>The form has a mistake: the page again, with the message at the field.</summary>
    public static async Task ExpectInvalidAsync(HttpClient client, string number, string handler, Dictionary<string, string> fields, string message)
    {
        var response = await PostAsync(client, number, handler, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"Version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionField();
}
