using ClientDesk.Platform;
using System.Net;
using System.Text;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Surveys;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary>The feedback report and its CSV over HTTP, on hand-made cases and survey answers whose figures are known.</summary>
public sealed class FeedbackReportTests
{
    private static DateTime Riga(int month, int day, int hour = 12) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-2);

    /// <summary>
    /// Valmiera, March 2026 — cases received on Monday 2 March (answer by 16 March, forward by 9 March):
    /// answered 13 March (on time, 9 working days); extended to 2 April and answered 17 March (on time by the extension,
    /// 11 days); answered 17 March unextended (late, 11 days); forwarded 5 March (on time); one still open and overdue (and February's, open, overdue since 10 March);
    /// one received 16 March, open, not overdue. One case in February, one in Rīga.
    /// Survey answers in March at Valmiera: overall 5, 3, 4; professionalism 4, 2, skipped; responsibility only 5.
    /// </summary>
    internal static async Task SeedAsync(TestApp app)
    {
        var onTime = await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Complaint, CaseChannel.Email, Riga(3, 2));
        var extended = await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Complaint, CaseChannel.Phone, Riga(3, 2));
        var late = await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Question, CaseChannel.Post, Riga(3, 2));
        var forwarded = await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Suggestion, CaseChannel.WebForm, Riga(3, 2));
        var overdue = await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Complaint, CaseChannel.Email, Riga(3, 2));
        await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Praise, CaseChannel.Email, Riga(3, 16));
        await RegistersTestData.RegisterCaseAsync(app, "valmiera", CaseKind.Complaint, CaseChannel.Email, Riga(2, 10));
        await RegistersTestData.RegisterCaseAsync(app, "riga", CaseKind.Complaint, CaseChannel.TrustLine, Riga(3, 3));
        var staff = await app.CreateStaffAsync("lietvede", [Roles.CaseOfficer], ["valmiera"]);

        await app.WithDbAsync(async db =>
        {
            var cases = await db.Cases.ToDictionaryAsync(c => c.Id);
            var institution = await db.ReferralInstitutions.Select(i => i.Id).FirstAsync();
            void Answer(Case c, DateTime at)
            {
                c.Assign(staff.Id, staff.Id, Riga(3, 3));
                c.Answer(ReplyChannel.Email, "Atbilde.", DateOnly.FromDateTime(at), staff.Id, at);
            }

            Answer(cases[onTime.Id], Riga(3, 13));
            cases[extended.Id].Extend(new DateOnly(2026, 4, 2), "Jāpieprasa ziņas no reģistra.", staff.Id, Riga(3, 4));
            Answer(cases[extended.Id], Riga(3, 17, 8));
            Answer(cases[late.Id], Riga(3, 17, 8));
            cases[forwarded.Id].Forward(institution, "Nav mūsu kompetencē.", staff.Id, Riga(3, 5));
            cases[overdue.Id].Assign(staff.Id, staff.Id, Riga(3, 3));
            await db.SaveChangesAsync();
        });

        await AnswerSurveyAsync(app, "valmiera", new DateOnly(2026, 3, 3), 5, professionalism: 4);
        await AnswerSurveyAsync(app, "valmiera", new DateOnly(2026, 3, 4), 3, professionalism: 2, responsibility: 5);
        await AnswerSurveyAsync(app, "valmiera", new DateOnly(2026, 3, 5), 4);
        await AnswerSurveyAsync(app, "valmiera", new DateOnly(2026, 2, 20), 2);
        await AnswerSurveyAsync(app, "riga", new DateOnly(2026, 3, 5), 1);
    }

    private static int ticketNumber;

    private static Task AnswerSurveyAsync(TestApp app, string slug, DateOnly visitOn, int overall, int? professionalism = null, int? responsibility = null) =>
        app.WithDbAsync(async db =>
        {
            var location = await db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync();
            var service = await db.Services.Select(s => s.Id).FirstAsync();
            var at = Riga(visitOn.Month, visitOn.Day);
            var ticket = new Ticket
            {
                LocationId = location, Date = visitOn, Letter = "B", Number = Interlocked.Increment(ref ticketNumber), ServiceId = service, Source = TicketSource.Kiosk,
                FollowTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")), IssuedAtUtc = at, QueuedSinceUtc = at, Status = TicketStatus.Finished, FinishedAtUtc = at,
            };
            var invitation = new SurveyInvitation
            {
                TokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")), Ticket = ticket, LocationId = location, ServiceId = service, VisitOn = visitOn,
                Channel = SurveyChannel.Tablet, CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(14), AnsweredAtUtc = at,
            };
            db.SurveyAnswers.Add(new SurveyAnswer
            {
                Invitation = invitation, LocationId = location, ServiceId = service, VisitOn = visitOn, Channel = SurveyChannel.Tablet, AnsweredAtUtc = at,
                Overall = overall, Professionalism = professionalism, Responsibility = responsibility, Comment = "Ļoti laipni, paldies Jānim!",
            });
            await db.SaveChangesAsync();
        });

    private static async Task<string[]> CsvAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/staff/feedback/reports.csv" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory, Providers]
    public async Task The_report_computes_satisfaction_per_value_cases_by_kind_and_channel_and_the_on_time_share_by_extended_deadlines(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        await app.CreateStaffAsync("vadite", [Roles.RegionalHead], ["valmiera"]);
        var client = await app.SignInAsync("vadite");

        var lines = await CsvAsync(client, "?location=valmiera&month=2026-03");
        Assert.Contains("Klientu apmierinātība;Kopējais vērtējums;4,00;3", lines);
        Assert.Contains("Klientu apmierinātība;Profesionalitāte;3,00;2", lines);
        Assert.Contains("Klientu apmierinātība;Atbildība;5,00;1", lines);
        Assert.Contains("Klientu apmierinātība;Cieņpilna attieksme;—;0", lines);
        Assert.Contains("Iesniegumi pēc veida;Sūdzība;3;", lines);
        Assert.Contains("Iesniegumi pēc veida;Pateicība;1;", lines);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;E-pasts;3;", lines);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;Tālrunis;1;", lines);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;Pasts;1;", lines);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;Tīmekļa veidlapa;1;", lines);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;Uzticības tālrunis;0;", lines);
        Assert.Contains("Termiņi;Daļa termiņā;75,0;4", lines);
        Assert.Contains("Termiņi;No tiem termiņā;3;", lines);
        Assert.Contains("Termiņi;Vidējais atbildes laiks (darbdienas);10,3;3", lines);
        Assert.Contains("Termiņi;Atvērti šobrīd;3;", lines);
        Assert.Contains("Termiņi;Nokavēti šobrīd;2;", lines);
        Assert.Contains("Kopējais vērtējums;2026-02;2,00;1", lines);
        Assert.Contains("Kopējais vērtējums;2026-03;4,00;3", lines);
        Assert.Contains("Daļa termiņā;2026-03;75,0;4", lines);
        Assert.Contains("Daļa termiņā;2026-02;—;0", lines);
        Assert.Contains("Kopējais vērtējums;2025-04;—;0", lines);

        var page = await (await client.GetAsync("/staff/feedback/reports?location=valmiera&month=2026-03", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("75,0 %", page);
        Assert.Contains("role=\"img\"", page);
        Assert.Contains("<title id=\"chart-values-title\">", page);
    }

    [Theory, Providers]
    public async Task The_month_and_location_filters_choose_the_figures_and_a_member_sees_only_their_locations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        await app.CreateStaffAsync("vadite", [Roles.RegionalHead], ["valmiera"]);
        await app.CreateStaffAsync("direktors", [Roles.Director]);
        var head = await app.SignInAsync("vadite");

        var february = await CsvAsync(head, "?month=2026-02");
        Assert.Contains("Iesniegumi pēc veida;Sūdzība;1;", february);
        Assert.Contains("Klientu apmierinātība;Kopējais vērtējums;2,00;1", february);
        Assert.Contains("Termiņi;Daļa termiņā;—;0", february);

        // "All" for a regional head is all of their locations: Rīga's answer and case stay out.
        var theirs = await CsvAsync(head, "?month=2026-03");
        Assert.Contains("Klientu apmierinātība;Kopējais vērtējums;4,00;3", theirs);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;Uzticības tālrunis;0;", theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/staff/feedback/reports?location=riga", TestContext.Current.CancellationToken)).StatusCode);

        var director = await app.SignInAsync("direktors");
        var everywhere = await CsvAsync(director, "?month=2026-03");
        Assert.Contains("Klientu apmierinātība;Kopējais vērtējums;3,25;4", everywhere);
        Assert.Contains("Iesniegumi pēc saņemšanas veida;Uzticības tālrunis;1;", everywhere);
        var riga = await CsvAsync(director, "?location=riga&month=2026-03");
        Assert.Contains("Klientu apmierinātība;Kopējais vērtējums;1,00;1", riga);

        // No month given: this month in Riga.
        var page = await (await director.GetAsync("/staff/feedback/reports", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("value=\"2026-03\"", page);
        Assert.Contains("2026. gada marts", page);
    }

    [Theory, Providers]
    public async Task The_csv_is_utf8_with_a_byte_order_mark_semicolon_separated_as_an_attachment_without_personal_data(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SeedAsync(app);
        await app.CreateStaffAsync("admins", [Roles.Administrator]);
        var client = await app.SignInAsync("admins");

        var response = await client.GetAsync("/staff/feedback/reports.csv?location=valmiera&month=2026-03", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("atsauksmes-2026-03-valmiera.csv", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Sadaļa;Rādītājs;Vērtība;Skaits\r\nIzvēle;Mēnesis;2026-03;\r\nIzvēle;Klientu apkalpošanas vieta;Valmiera", text);
        Assert.DoesNotContain("Jānis", text);
        Assert.DoesNotContain("janis@example.lv", text);
        Assert.DoesNotContain("Jānim", text);

        var english = await CsvAsync(await app.SignInAsync("admins", "en"), "?location=valmiera&month=2026-03");
        Assert.Contains("Client satisfaction;Overall;4.00;3", english);
    }

    [Theory, Providers]
    public async Task A_client_service_specialist_may_not_see_the_feedback_report_or_its_csv(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var client = await app.SignInAsync("ilze");
        await RegistersTestData.AssertForbiddenAsync(client, "/staff/feedback/reports");
        await RegistersTestData.AssertForbiddenAsync(client, "/staff/feedback/reports.csv");
    }
}
