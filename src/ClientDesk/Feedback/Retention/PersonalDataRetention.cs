using ClientDesk.Data;
using ClientDesk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Feedback.Retention;

/// <summary>
/// L-5: personal data are kept only as long as needed. <see cref="FeedbackOptions.RetentionMonths"/> after a case was
/// closed or forwarded, its submitter's data, texts, notes and attachments are removed, with the messages sent about
/// it; after as long, a survey answer loses its comment and contact. What the reports count — kind, channel, dates,
/// deadlines, location, scores — stays. Nothing is removed while the period is not set (ADR 011).
/// </summary>
public sealed class PersonalDataRetention(ClientDeskDb db, TimeProvider clock, IOptions<FeedbackOptions> options)
{
    private const int Batch = 100;

    /// <summary>The removed text of a sent message, so that the row still says that something was sent.</summary>
    public const string Removed = "—";

    /// <summary>Removes what is past its period; returns how many cases and survey answers it cleaned.</summary>
    public async Task<(int Cases, int SurveyAnswers)> RemoveExpiredAsync(CancellationToken ct = default)
    {
        if (options.Value.RetentionMonths is not { } months || months <= 0)
        {
            return (0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMonths(-months);
        var cases = 0;
        while (true)
        {
            var batch = await db.Cases.Include(c => c.Entries).Include(c => c.Attachments).AsSplitQuery()
                .Where(c => c.PersonalDataRemovedAtUtc == null
                    && ((c.Status == CaseStatus.Closed && c.ClosedAtUtc < cutoff) || (c.Status == CaseStatus.Forwarded && c.ForwardedAtUtc < cutoff)))
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(c => c.Id).ToList();
            foreach (var @case in batch)
            {
                @case.RemovePersonalData(now);
                foreach (var attachment in @case.Attachments)
                {
                    attachment.Content = null;
                }
            }

            await db.SaveChangesAsync(ct);
            await db.OutboxMessages.Where(m => m.CaseId != null && ids.Contains(m.CaseId.Value) && m.Status != OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Recipient, Removed).SetProperty(m => m.Subject, Removed)
                    .SetProperty(m => m.Body, Removed).SetProperty(m => m.AttachmentContent, (string?)null), ct);
            db.ChangeTracker.Clear();
            cases += batch.Count;
        }

        var answers = await db.SurveyAnswers
            .Where(a => a.PersonalDataRemovedAtUtc == null && a.AnsweredAtUtc < cutoff
                && (a.Comment != null || a.ContactName != null || a.ContactEmail != null || a.ContactPhone != null))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Comment, (string?)null).SetProperty(a => a.ContactName, (string?)null)
                .SetProperty(a => a.ContactEmail, (string?)null).SetProperty(a => a.ContactPhone, (string?)null)
                .SetProperty(a => a.PersonalDataRemovedAtUtc, now), ct);
        return (cases, answers);
    }
}

/// <summary>Runs <see cref="PersonalDataRetention"/> at start-up and then every hour.</summary>
public sealed class PersonalDataRetentionService(IServiceScopeFactory scopes, ILogger<PersonalDataRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (cases, answers) = await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RemoveExpiredAsync(stoppingToken);
                if (cases + answers > 0)
                {
                    log.LogInformation("Removed personal data past retention from {Cases} cases and {Answers} survey answers.", cases, answers);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Removing personal data past retention failed; trying again in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
