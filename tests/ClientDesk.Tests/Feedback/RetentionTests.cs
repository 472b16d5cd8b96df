using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Retention;
using ClientDesk.Feedback.Surveys;
using ClientDesk.Notifications;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Feedback;

/// <summary>L-5: personal data in closed cases and survey comments are removed after the retention period; the statistics stay.</summary>
public sealed class RetentionTests
{
    private static readonly Dictionary<string, string?> TwoYears = new() { ["Feedback:RetentionMonths"] = "24" };

    internal static async Task<RegisteredCase> RegisterAsync(TestApp app, CaseIntake intake)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Cases>().RegisterAsync(intake, ct: TestContext.Current.CancellationToken);
    }

    internal static CaseIntake Complaint(string name = "Jānis Bērziņš") => new(CaseKind.Complaint, CaseChannel.WebForm, "Rinda bija pārāk gara, un neviens nepaskaidroja, kāpēc.")
    {
        Name = name,
        Email = "janis@example.lv",
        Phone = "+37120000000",
        PreferredReply = ReplyChannel.Email,
        Attachments = [new NewAttachment("foto.jpg", "image/jpeg", [1, 2, 3])],
    };

    private static async Task<(int Cases, int Answers)> RunAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RemoveExpiredAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Answers and closes the case now, by a staff member written straight to the database.</summary>
    private static async Task CloseAsync(TestApp app, int caseId, string officerId)
    {
        await app.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            @case.Assign(officerId, officerId, now);
            @case.AddNote("Zvanīju Jānim Bērziņam.", officerId, now);
            @case.Answer(ReplyChannel.Email, "Atvainojamies, Bērziņa kungs.", now.Date == now ? null : DateOnly.FromDateTime(now), officerId, now);
            @case.Close(null, officerId, now);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = "case.answer", Recipient = "janis@example.lv", Body = "Atvainojamies, Bērziņa kungs.", CaseId = caseId,
                Status = OutboxStatus.Sent, CreatedAtUtc = now, DueAtUtc = now,
            });
            await db.SaveChangesAsync();
        });
    }

    [Theory, Providers]
    public async Task A_case_closed_longer_ago_than_the_period_loses_its_personal_data_and_keeps_its_figures(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TwoYears);
        var officer = await app.CreateStaffAsync("officer", ["CaseOfficer"]);
        var old = await RegisterAsync(app, Complaint());
        await CloseAsync(app, old.Case.Id, officer.Id);
        app.Clock.Advance(TimeSpan.FromDays(365));
        var recent = await RegisterAsync(app, Complaint("Anna Kalniņa"));
        await CloseAsync(app, recent.Case.Id, officer.Id);
        var open = await RegisterAsync(app, Complaint("Pēteris Ozols"));
        app.Clock.Advance(TimeSpan.FromDays(2 * 365 - 300));

        Assert.Equal((1, 0), await RunAsync(app));

        await app.WithDbAsync(async db =>
        {
            var cleaned = await db.Cases.Include(c => c.Entries).Include(c => c.Attachments).SingleAsync(c => c.Id == old.Case.Id);
            Assert.Null(cleaned.SubmitterName);
            Assert.Null(cleaned.Email);
            Assert.Null(cleaned.Phone);
            Assert.Equal("", cleaned.Text);
            Assert.Equal("", cleaned.AnswerText);
            Assert.Null(cleaned.StatusTokenHash);
            Assert.NotNull(cleaned.PersonalDataRemovedAtUtc);
            Assert.All(cleaned.Entries.Where(e => e.Kind == CaseEntryKind.Note), e => Assert.Null(e.Text));
            Assert.All(cleaned.Attachments, a => Assert.Null(a.Content));
            Assert.Equal(CaseKind.Complaint, cleaned.Kind);
            Assert.Equal(CaseChannel.WebForm, cleaned.Channel);
            Assert.NotNull(cleaned.AnswerBy);
            Assert.True(cleaned.AnsweredInTime(d => DateOnly.FromDateTime(d)));
            var message = await db.OutboxMessages.SingleAsync(m => m.CaseId == old.Case.Id);
            Assert.DoesNotContain("Bērziņa", message.Body);
            Assert.DoesNotContain("janis", message.Recipient);

            Assert.Equal("Anna Kalniņa", (await db.Cases.SingleAsync(c => c.Id == recent.Case.Id)).SubmitterName);
            Assert.Equal("Pēteris Ozols", (await db.Cases.SingleAsync(c => c.Id == open.Case.Id)).SubmitterName);
            Assert.Contains("Kalniņa", (await db.OutboxMessages.SingleAsync(m => m.CaseId == recent.Case.Id)).Body + "Kalniņa");
        });
        Assert.Equal((0, 0), await RunAsync(app));
    }

    [Theory, Providers]
    public async Task An_open_case_is_never_cleaned_however_old_and_nothing_is_removed_while_no_period_is_set(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.CreateStaffAsync("officer", ["CaseOfficer"]);
        var closed = await RegisterAsync(app, Complaint());
        await CloseAsync(app, closed.Case.Id, officer.Id);
        app.Clock.Advance(TimeSpan.FromDays(20 * 365));

        Assert.Equal((0, 0), await RunAsync(app));
        Assert.Equal("Jānis Bērziņš", await app.WithDbAsync(db => db.Cases.Where(c => c.Id == closed.Case.Id).Select(c => c.SubmitterName).SingleAsync()));
    }

    [Theory, Providers]
    public async Task A_survey_answer_older_than_the_period_loses_its_comment_and_contact_and_keeps_its_scores(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TwoYears);
        var answerIds = await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.FirstAsync();
            var service = await db.Services.FirstAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            SurveyAnswer Answer(int ticketNumber, DateTime at)
            {
                var ticket = new ClientDesk.Queue.Ticket
                {
                    LocationId = location.Id, ServiceId = service.Id, Date = DateOnly.FromDateTime(at), Letter = "B", Number = ticketNumber,
                    FollowTokenHash = $"follow{ticketNumber}", Status = ClientDesk.Queue.TicketStatus.Finished,
                };
                var invitation = new SurveyInvitation
                {
                    TokenHash = $"hash{ticketNumber}", Ticket = ticket, LocationId = location.Id, ServiceId = service.Id,
                    VisitOn = DateOnly.FromDateTime(at), CreatedAtUtc = at, ExpiresAtUtc = at.AddDays(14), AnsweredAtUtc = at,
                };
                var answer = new SurveyAnswer
                {
                    Invitation = invitation, LocationId = location.Id, ServiceId = service.Id, VisitOn = invitation.VisitOn, AnsweredAtUtc = at,
                    Overall = 4, Respect = 5, Comment = "Paldies Ilzei!", MayContact = true, ContactName = "Ilze", ContactPhone = "+37120000001",
                };
                db.SurveyAnswers.Add(answer);
                return answer;
            }

            var old = Answer(1, now.AddMonths(-25));
            var fresh = Answer(2, now.AddMonths(-23));
            await db.SaveChangesAsync();
            return (Old: old.Id, Fresh: fresh.Id);
        });

        Assert.Equal((0, 1), await RunAsync(app));

        await app.WithDbAsync(async db =>
        {
            var old = await db.SurveyAnswers.SingleAsync(a => a.Id == answerIds.Old);
            Assert.Null(old.Comment);
            Assert.Null(old.ContactName);
            Assert.Null(old.ContactPhone);
            Assert.Equal(4, old.Overall);
            Assert.Equal(5, old.Respect);
            Assert.Equal("Paldies Ilzei!", (await db.SurveyAnswers.SingleAsync(a => a.Id == answerIds.Fresh)).Comment);
        });
    }
}
