using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Surveys;
using ClientDesk.Notifications;
using ClientDesk.Platform;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Feedback;

/// <summary>What the survey tests share: visits written straight to the database, the worker's pass, the link from the message.</summary>
internal static partial class SurveySupport
{
    public const string Exam = "theory-exam-traffic";

    private static int number;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A ticket at Valmiera that ended <paramref name="minutesAgo"/> minutes ago with the given outcome (null: no outcome, <paramref name="status"/> as given).</summary>
    public static async Task<int> VisitAsync(
        TestApp app, OutcomeKind? outcome = OutcomeKind.Completed, string? email = "anna@example.lv", string? phone = null, int minutesAgo = 45,
        TicketStatus status = TicketStatus.Finished, int? appointmentId = null, string language = "lv", string slug = "valmiera")
    {
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var location = await db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync(Ct);
            var service = await db.Services.Where(s => s.Code == Exam).Select(s => s.Id).SingleAsync(Ct);
            var ticket = new Ticket
            {
                LocationId = location, Date = RigaTime.Today(app.Clock), Letter = "C", Number = Interlocked.Increment(ref number) % 900 + 1, ServiceId = service,
                Source = TicketSource.Kiosk, Language = language, Email = email, Phone = phone, AppointmentId = appointmentId,
                FollowTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString()), IssuedAtUtc = now.AddMinutes(-minutesAgo - 20),
                QueuedSinceUtc = now.AddMinutes(-minutesAgo - 20), Status = status, ServingStartedAtUtc = now.AddMinutes(-minutesAgo - 10),
                FinishedAtUtc = status == TicketStatus.Finished ? now.AddMinutes(-minutesAgo) : null,
                ClosedReason = status == TicketStatus.Closed ? "Darba laika beigas" : null,
            };
            if (outcome is { } kind)
            {
                var staff = await db.Users.Select(u => u.Id).FirstOrDefaultAsync(Ct) ?? (await app.CreateStaffAsync($"desk{Guid.NewGuid():N}"[..12], [Roles.ClientServiceSpecialist], [slug])).Id;
                ticket.Outcome = new VisitOutcome
                {
                    Kind = kind, RecordedAtUtc = now.AddMinutes(-minutesAgo), RecordedByStaffId = staff,
                    LegalBasisId = kind == OutcomeKind.Refused ? await LegalBasisAsync(db) : null,
                    Explanation = kind == OutcomeKind.Refused ? "Nav iesniegti dokumenti." : null,
                    InterruptReason = kind == OutcomeKind.Interrupted ? InterruptReason.Aggressive : null,
                    ReferralInstitutionId = kind == OutcomeKind.Referred ? await db.ReferralInstitutions.Select(r => r.Id).FirstAsync(Ct) : null,
                };
            }

            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(Ct);
            return ticket.Id;
        });
    }

    /// <summary>An appointment of today at Valmiera, 8:00–8:30, with the status given (Arrived: marked at the desk's day view).</summary>
    public static async Task<int> AppointmentAsync(TestApp app, AppointmentStatus status, string? email = "janis@example.lv", string? phone = null) =>
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.Where(l => l.Slug == "valmiera").Select(l => l.Id).SingleAsync(Ct);
            var service = await db.Services.Where(s => s.Code == Exam).Select(s => s.Id).SingleAsync(Ct);
            var today = RigaTime.Today(app.Clock);
            var appointment = new Appointment
            {
                Reference = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), ManageTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString()),
                LocationId = location, ServiceId = service, Date = today, Start = new TimeOnly(8, 0), End = new TimeOnly(8, 30),
                StartsAtUtc = RigaTime.ToInstant(today, new TimeOnly(8, 0)).UtcDateTime, Channel = BookingChannels.Web, Status = status,
                ClientName = "Jānis Bērziņš", Email = email, Phone = phone, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3),
                MarkedAtUtc = status is AppointmentStatus.Arrived or AppointmentStatus.NoShow ? app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-55) : null,
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(Ct);
            return appointment.Id;
        });

    private static async Task<int> LegalBasisAsync(ClientDeskDb db)
    {
        if (await db.LegalBases.Select(b => (int?)b.Id).FirstOrDefaultAsync(Ct) is { } id)
        {
            return id;
        }

        var basis = new LegalBasis { ActLv = "Testa likums", SectionLv = "5. pants", SummaryLv = "Testa norma." };
        db.LegalBases.Add(basis);
        await db.SaveChangesAsync(Ct);
        return basis.Id;
    }

    /// <summary>One pass of the invitation worker on the app's clock.</summary>
    public static async Task<int> InviteAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyInvitations>().InviteDueAsync(Ct);
    }

    public static Task<List<OutboxMessage>> InvitationMessagesAsync(TestApp app) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == SurveyInvitations.MessageKind).OrderBy(m => m.Id).ToListAsync(Ct));

    /// <summary>The secret of the survey link in a message.</summary>
    public static string TokenIn(OutboxMessage message)
    {
        var match = SurveyLink().Match(message.Body);
        Assert.True(match.Success, message.Body);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    /// <summary>A completed visit at Valmiera, invited; the token of its link.</summary>
    public static async Task<(string Token, int TicketId)> InvitedVisitAsync(TestApp app, string email = "anna@example.lv")
    {
        var ticket = await VisitAsync(app, email: email);
        await InviteAsync(app);
        var message = (await InvitationMessagesAsync(app)).Single(m => m.TicketId == ticket);
        return (TokenIn(message), ticket);
    }

    public static Dictionary<string, string> Form(
        string overall = "5", string professionalism = "", string respect = "", string comment = "", bool mayContact = false,
        string name = "", string email = "", string phone = "") => new()
    {
        ["Input.Overall"] = overall,
        ["Input.Professionalism"] = professionalism,
        ["Input.Responsibility"] = "",
        ["Input.Respect"] = respect,
        ["Input.Cooperation"] = "4",
        ["Input.Accessibility"] = "",
        ["Input.Simplicity"] = "5",
        ["Input.Comment"] = comment,
        ["Input.MayContact"] = mayContact ? "true" : "false",
        ["Input.ContactName"] = name,
        ["Input.ContactEmail"] = email,
        ["Input.ContactPhone"] = phone,
    };

    public static Task<List<SurveyAnswer>> AnswersAsync(TestApp app) =>
        app.WithDbAsync(db => db.SurveyAnswers.AsNoTracking().Include(a => a.Case).ToListAsync(Ct));

    [GeneratedRegex(@"/survey/([A-Za-z0-9_\-%]+)(?:\?culture=en)?\s")]
    private static partial Regex SurveyLink();
}

/// <summary>
/// Surveys after every completed visit (K-4) over HTTP on both engines: who is invited and how, one answer per link,
/// expiry, the case a low score opens, opting out, and the desk's tablet. The clock is Tuesday 17 March 2026 09:00 in Riga.
/// </summary>
public sealed class SurveyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, Providers]
    public async Task A_completed_visit_is_invited_once_by_email_after_the_delay_with_a_one_time_link_and_an_opt_out_link(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ticket = await SurveySupport.VisitAsync(app, minutesAgo: 10);

        Assert.Equal(0, await SurveySupport.InviteAsync(app));
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(1, await SurveySupport.InviteAsync(app));
        Assert.Equal(0, await SurveySupport.InviteAsync(app));

        var message = Assert.Single(await SurveySupport.InvitationMessagesAsync(app));
        Assert.Equal((MessageChannel.Email, "anna@example.lv", ticket, "lv"), (message.Channel, message.Recipient, message.TicketId, message.Language));
        Assert.Contains("/opt-out", message.Body);
        var token = SurveySupport.TokenIn(message);
        var invitation = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((ticket, SurveyChannel.Email, SecretLinks.Hash(token)), (invitation.TicketId, invitation.Channel, invitation.TokenHash));
        Assert.DoesNotContain(token, invitation.TokenHash);

        var page = await app.CreateBrowserClient().GetStringAsync($"/survey/{token}", Ct);
        Assert.Contains("Cik apmierināts kopumā esat ar apmeklējumu?", page);
        Assert.Contains("Tas, kas tika solīts, tika izdarīts.", page);
    }

    [Theory, Providers]
    public async Task Refused_interrupted_and_unfinished_visits_no_shows_and_clients_without_a_mobile_or_e_mail_are_not_invited(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await SurveySupport.VisitAsync(app, OutcomeKind.Refused);
        await SurveySupport.VisitAsync(app, OutcomeKind.Interrupted);
        await SurveySupport.VisitAsync(app, null, status: TicketStatus.NoShow);
        await SurveySupport.VisitAsync(app, null, status: TicketStatus.Closed);
        await SurveySupport.VisitAsync(app, email: null, phone: null);
        await SurveySupport.VisitAsync(app, email: null, phone: "67123456"); // a landline takes no SMS
        await SurveySupport.VisitAsync(app, minutesAgo: 5 * 24 * 60); // too long ago to remember
        await SurveySupport.AppointmentAsync(app, AppointmentStatus.NoShow);
        await SurveySupport.AppointmentAsync(app, AppointmentStatus.Booked);

        Assert.Equal(0, await SurveySupport.InviteAsync(app));
        Assert.Empty(await SurveySupport.InvitationMessagesAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task A_client_with_only_a_mobile_gets_an_sms_an_arrived_appointment_is_invited_and_a_checked_in_one_links_ticket_and_appointment(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var sms = await SurveySupport.VisitAsync(app, email: null, phone: "29 111 222", language: "en");
        var arrived = await SurveySupport.AppointmentAsync(app, AppointmentStatus.Arrived);
        var checkedIn = await SurveySupport.AppointmentAsync(app, AppointmentStatus.Arrived, email: "ilze@example.lv");
        var checkedInTicket = await SurveySupport.VisitAsync(app, email: null, appointmentId: checkedIn);

        Assert.Equal(3, await SurveySupport.InviteAsync(app));

        var messages = await SurveySupport.InvitationMessagesAsync(app);
        var text = Assert.Single(messages, m => m.TicketId == sms);
        Assert.Equal((MessageChannel.Sms, "+37129111222", "en"), (text.Channel, text.Recipient, text.Language));
        Assert.Contains("Please rate us", text.Body);
        Assert.Contains("?culture=en", text.Body);
        Assert.Equal("janis@example.lv", Assert.Single(messages, m => m.AppointmentId == arrived).Recipient);
        var both = Assert.Single(messages, m => m.AppointmentId == checkedIn);
        Assert.Equal((checkedInTicket, "ilze@example.lv"), (both.TicketId, both.Recipient));
        var invitations = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().ToListAsync(Ct));
        Assert.Contains(invitations, i => i.TicketId == checkedInTicket && i.AppointmentId == checkedIn);
        Assert.Contains(invitations, i => i.TicketId == null && i.AppointmentId == arrived);
        Assert.Equal(SurveyChannel.Sms, invitations.Single(i => i.TicketId == sms).Channel);
    }

    [Theory, Providers]
    public async Task Two_instances_inviting_at_the_same_moment_write_one_invitation_and_one_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var other = app.OnSameDatabase();
        _ = other.Services; // start the second instance
        await SurveySupport.VisitAsync(app);

        var counts = await Task.WhenAll(SurveySupport.InviteAsync(app), SurveySupport.InviteAsync(other));

        Assert.Equal(1, counts.Sum());
        Assert.Single(await SurveySupport.InvitationMessagesAsync(app));
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task A_client_who_opted_out_through_the_link_is_not_invited_again_and_only_a_hash_of_the_contact_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app, "Anna@Example.lv");
        var client = app.CreateBrowserClient();

        Assert.Contains("Atteikties no aptaujām", await client.GetStringAsync($"/survey/{token}/opt-out", Ct));
        var optedOut = await client.PostFormAsync($"/survey/{token}/opt-out", []);
        Assert.Equal(HttpStatusCode.Redirect, optedOut.StatusCode);
        Assert.Contains("Jūs vairs nesaņemsiet mūsu aptaujas.", await client.GetStringAsync(optedOut.Headers.Location!.OriginalString, Ct));

        var stored = Assert.Single(await app.WithDbAsync(db => db.SurveyOptOuts.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal(SurveyInvitations.EmailHash("anna@example.lv"), stored.ContactHash);
        Assert.DoesNotContain("anna", stored.ContactHash, StringComparison.OrdinalIgnoreCase);

        await SurveySupport.VisitAsync(app, email: " ANNA@example.lv ");
        await SurveySupport.VisitAsync(app, email: "other@example.lv");
        Assert.Equal(1, await SurveySupport.InviteAsync(app));
        Assert.Equal(["anna@example.lv", "other@example.lv"], (await SurveySupport.InvitationMessagesAsync(app)).Select(m => m.Recipient).Order());
    }

    [Theory, Providers]
    public async Task The_survey_is_answered_once_per_link_and_two_posts_at_the_same_moment_store_one_answer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var url = $"/survey/{token}";
        var first = app.CreateBrowserClient();
        var second = app.CreateBrowserClient();

        var posts = await Task.WhenAll(
            first.PostFormAsync(url, SurveySupport.Form("5", professionalism: "4", comment: "Ātri un laipni.")),
            second.PostFormAsync(url, SurveySupport.Form("4")));

        var answer = Assert.Single(await SurveySupport.AnswersAsync(app));
        Assert.Contains(posts, p => p.StatusCode == HttpStatusCode.Redirect);
        var thanks = posts.Single(p => p.StatusCode == HttpStatusCode.Redirect);
        var winner = thanks == posts[0] ? first : second;
        Assert.Contains("Jūsu atbildes ir saņemtas.", await winner.GetStringAsync(thanks.Headers.Location!.OriginalString, Ct));
        var loser = posts.Single(p => p != thanks);
        Assert.Contains("Par šo apmeklējumu atbildes jau ir saņemtas.", await loser.Content.ReadAsStringAsync(Ct));

        var invitation = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((invitation.Id, invitation.LocationId, invitation.VisitOn, SurveyChannel.Email), (answer.InvitationId, answer.LocationId, answer.VisitOn, answer.Channel));
        Assert.NotNull(invitation.AnsweredAtUtc);
        Assert.Null(answer.CaseId);
        Assert.False(answer.MayContact);
        Assert.Null(answer.ContactEmail);

        Assert.Contains("Par šo apmeklējumu atbildes jau ir saņemtas.", await first.GetStringAsync(url, Ct));
        var again = await first.PostFormAsync(url, SurveySupport.Form("1"), $"{url}/opt-out");
        Assert.Contains("Par šo apmeklējumu atbildes jau ir saņemtas.", await again.Content.ReadAsStringAsync(Ct));
        Assert.Single(await SurveySupport.AnswersAsync(app));
    }

    [Theory, Providers]
    public async Task An_expired_link_shows_a_polite_page_and_takes_no_answer_and_an_unknown_one_is_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateBrowserClient("en");
        var form = await client.GetStringAsync($"/survey/{token}", Ct);
        Assert.Contains("Overall, how satisfied are you with your visit?", form);

        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Contains("This survey link has expired.", await client.GetStringAsync($"/survey/{token}", Ct));
        var late = await client.PostFormAsync($"/survey/{token}", SurveySupport.Form("1"), "/survey/" + token + "/opt-out");
        Assert.Contains("This survey link has expired.", await late.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await SurveySupport.AnswersAsync(app));

        var unknown = await client.GetAsync("/survey/not-a-real-token", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("This link is not valid.", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Theory, Providers]
    public async Task A_low_score_from_a_client_who_may_be_contacted_opens_a_complaint_case_linked_to_the_visit_and_the_answer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, ticket) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateBrowserClient();

        var posted = await client.PostFormAsync($"/survey/{token}",
            SurveySupport.Form("4", respect: "2", comment: "Darbinieks bija nelaipns.", mayContact: true, name: "Anna Kalniņa", email: "anna@example.lv"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var answer = Assert.Single(await SurveySupport.AnswersAsync(app));
        var @case = Assert.IsType<Case>(answer.Case);
        Assert.Equal((CaseKind.Complaint, CaseChannel.Survey, ticket), (@case.Kind, @case.Channel, @case.TicketId));
        var invitation = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((invitation.LocationId, invitation.ServiceId), (@case.LocationId!.Value, @case.ServiceId!.Value));
        Assert.Equal(("Anna Kalniņa", "anna@example.lv", ReplyChannel.Email, false), (@case.SubmitterName, @case.Email, @case.PreferredReply, @case.IsInformationOnly));
        Assert.NotNull(@case.AnswerBy);
        Assert.Contains("Cieņpilna attieksme: 2", @case.Text);
        Assert.Contains("Kopējais vērtējums: 4", @case.Text);
        Assert.Contains("Darbinieks bija nelaipns.", @case.Text);
        Assert.Equal(("Anna Kalniņa", "anna@example.lv", true), (answer.ContactName, answer.ContactEmail, answer.MayContact));

        var thanks = await client.GetStringAsync(posted.Headers.Location!.OriginalString, Ct);
        Assert.Contains($"iesniegumu Nr. {@case.Number}", thanks);
    }

    [Theory, Providers]
    public async Task A_low_score_without_consent_and_a_good_score_with_consent_open_no_case(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (lowToken, _) = await SurveySupport.InvitedVisitAsync(app, "low@example.lv");
        var (goodToken, _) = await SurveySupport.InvitedVisitAsync(app, "good@example.lv");
        var client = app.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/survey/{lowToken}", SurveySupport.Form("1", comment: "Slikti.", name: "Anna", email: "low@example.lv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/survey/{goodToken}", SurveySupport.Form("5", professionalism: "3", mayContact: true, name: "Anna", phone: "29111222"))).StatusCode);

        var answers = await SurveySupport.AnswersAsync(app);
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Null(a.CaseId));
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync(Ct)));
        var low = answers.Single(a => a.Overall == 1);
        Assert.Equal((false, null, null), (low.MayContact, low.ContactName, low.ContactEmail));
    }

    [Theory, Providers]
    public async Task A_missing_overall_score_a_score_out_of_scale_and_a_bad_contact_get_messages_keep_what_was_typed_and_store_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateBrowserClient();

        var response = await client.PostFormAsync($"/survey/{token}",
            SurveySupport.Form("", professionalism: "9", comment: "Mans komentārs", mayContact: true, name: "", email: "nav-epasts"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Lūdzu, izvēlieties kopējo vērtējumu no 1 līdz 5.", page);
        Assert.Contains("Vērtējumam jābūt no 1 līdz 5.", page);
        Assert.Contains("Ierakstiet savu vārdu", page);
        Assert.Contains("Ierakstiet derīgu e-pasta adresi", page);
        Assert.Contains("Mans komentārs", page);
        Assert.Contains("value=\"nav-epasts\"", page);
        var tooLong = await client.PostFormAsync($"/survey/{token}", SurveySupport.Form("3", comment: new string('a', 2001)));
        Assert.Contains("Komentārs ir par garu", await tooLong.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await SurveySupport.AnswersAsync(app));
        Assert.Null((await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().SingleAsync(Ct))).AnsweredAtUtc);
    }

    [Theory, Providers]
    public async Task The_desk_opens_the_survey_of_a_finished_visit_on_the_tablet_and_the_client_ends_on_a_thank_you_screen_with_no_way_out(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("deskvalmiera", [Roles.ClientServiceSpecialist], ["valmiera"]);
        await app.CreateStaffAsync("deskjelgava", [Roles.ClientServiceSpecialist], ["jelgava"]);
        var ticket = await SurveySupport.VisitAsync(app, email: null, minutesAgo: 1);
        var refused = await SurveySupport.VisitAsync(app, OutcomeKind.Refused, minutesAgo: 1);
        var desk = await app.SignInAsync("deskvalmiera");

        var page = await desk.GetStringAsync($"/staff/survey/tablet?ticket={ticket}", Ct);
        Assert.Contains("Atvērt aptauju klientam", page);
        var opened = await desk.PostFormAsync($"/staff/survey/tablet?ticket={ticket}", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var survey = opened.Headers.Location!.OriginalString;
        Assert.StartsWith("/survey/", survey);

        var form = await desk.GetStringAsync(survey, Ct);
        Assert.Contains("survey-tablet", form);
        Assert.DoesNotContain("site-header", form);
        Assert.DoesNotContain("/opt-out", form);
        var answered = await desk.PostFormAsync(survey, SurveySupport.Form("5"));
        var thanks = await desk.GetStringAsync(answered.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Lūdzu, atdodiet planšetdatoru darbiniekam.", thanks);
        Assert.DoesNotContain("href=\"/", thanks.Replace("href=\"/language", "", StringComparison.Ordinal).Replace("href=\"/css", "", StringComparison.Ordinal));
        var answer = Assert.Single(await SurveySupport.AnswersAsync(app));
        Assert.Equal(SurveyChannel.Tablet, answer.Channel);

        // The visit has its answer: the worker sends no link later, the tablet opens no second survey, a refusal none at all.
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SurveySupport.InviteAsync(app));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostFormAsync($"/staff/survey/tablet?ticket={ticket}", [])).StatusCode);
        var notCompleted = await desk.PostFormAsync($"/staff/survey/tablet?ticket={refused}", [], $"/staff/survey/tablet?ticket={ticket}");
        Assert.Equal(HttpStatusCode.Conflict, notCompleted.StatusCode);
        Assert.Contains("tikai pabeigtam apmeklējumam", await notCompleted.Content.ReadAsStringAsync(Ct));

        var elsewhere = await app.SignInAsync("deskjelgava");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/staff/survey/tablet?ticket={ticket}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().GetAsync($"/staff/survey/tablet?ticket={ticket}", Ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task The_tablet_takes_over_an_unanswered_link_already_sent_and_the_e_mailed_link_stops_working(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("deskvalmiera", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var (token, ticket) = await SurveySupport.InvitedVisitAsync(app);
        var desk = await app.SignInAsync("deskvalmiera");

        var opened = await desk.PostFormAsync($"/staff/survey/tablet?ticket={ticket}", []);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var invitation = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(SurveyChannel.Tablet, invitation.Channel);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetAsync($"/survey/{token}", Ct)).StatusCode);
    }
}
