using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Feedback.Officer;

/// <summary>
/// Reminds the assigned officer of a case's deadline by e-mail <see cref="FeedbackOptions.ReminderWorkingDaysBefore"/>
/// working days before it (or on the first pass after, if the app did not run that day) and on the day, once a day at most (<see cref="Case.RemindedOn"/>), with a history entry.
/// Unassigned cases remind nobody: the dashboard shows them. Runs hourly with the outbox worker (off in Testing);
/// <see cref="RunOnceAsync"/> is one pass on the app's clock.
/// </summary>
public sealed class DeadlineReminders(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<FeedbackOptions> feedback, IOptions<NotificationOptions> notifications,
    ILogger<DeadlineReminders> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass: reminds of every due reminder not yet sent today; returns how many cases were reminded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
        var notices = scope.ServiceProvider.GetRequiredService<CaseNotices>();
        var calendar = await CalendarSource.LoadAsync(db, ct);
        var today = RigaTime.Today(clock);
        var before = Math.Max(0, feedback.Value.ReminderWorkingDaysBefore);
        var horizon = calendar.AddWorkingDays(today, before);
        var candidates = await db.Cases
            .Where(c => (c.Status == CaseStatus.Assigned || c.Status == CaseStatus.InProgress) && c.AssignedOfficerId != null
                && (c.RemindedOn == null || c.RemindedOn < today)
                && (c.ExtendedAnswerBy ?? c.AnswerBy) >= today && (c.ExtendedAnswerBy ?? c.AnswerBy) <= horizon)
            .Include(c => c.AssignedOfficer)
            .ToListAsync(ct);

        var reminded = 0;
        foreach (var @case in candidates)
        {
            var due = @case.DueOn!.Value;
            var left = calendar.CountWorkingDays(today, due);
            // The early reminder goes on the first pass inside the window, so a day the app did not run does not lose it.
            var windowOpens = calendar.AddWorkingDays(due, -before);
            var earlyDue = left <= before && (@case.RemindedOn is null || @case.RemindedOn < windowOpens);
            if (!(due == today || earlyDue))
            {
                continue;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (@case.AssignedOfficer?.Email is { Length: > 0 } email && @case.AssignedOfficer.IsActive)
            {
                notices.Reminder(@case, email, due, due == today ? 0 : left, now);
            }

            @case.RemindedOn = today;
            @case.Log(CaseEntryKind.Reminded, null, now, Deadline.For(due, true, today, calendar).Mark.ToString());
            @case.Version = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(ct);
                reminded++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone worked the case (or another instance reminded) at this moment; the next pass looks again.
                db.ChangeTracker.Clear();
                break;
            }
        }

        return reminded;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifications.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Deadline reminders failed; the next pass tries again");
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }
}
