using System.Diagnostics.Metrics;
using ClientDesk.Booking;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Notifications;

/// <summary>
/// Sends the outbox messages that are due (ADR 009). A row is first claimed — on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, on SQLite by a conditional update — so that several workers and app instances never
/// take the same row; then it is sent and marked Sent. A failure is retried with a growing wait and, after the
/// last attempt or when no retry can help, the message is Failed for an administrator to see.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEmailSender email, ISmsSender sms, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const string MeterName = "ClientDesk.Notifications";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> SentCounter = Meter.CreateCounter<long>("clientdesk.notifications.sent", description: "Messages sent");
    private static readonly Counter<long> FailureCounter = Meter.CreateCounter<long>("clientdesk.notifications.failures", description: "Failed attempts to send");
    private static readonly Counter<long> GivenUpCounter = Meter.CreateCounter<long>("clientdesk.notifications.failed", description: "Messages that failed for good");

    /// <summary>Enough rounds for a backlog of thousands; the worker calls again a few seconds later anyway.</summary>
    private const int MaxRounds = 50;

    private NotificationOptions Settings => options.Value;

    /// <summary>Sends every message due now; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        // Each call claims under its own name, so two calls in one process are as separate as two instances.
        var worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        worker = worker[Math.Max(0, worker.Length - 100)..];
        var sent = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
            var claimed = await ClaimAsync(db, worker, ct);
            if (claimed.Count == 0)
            {
                break;
            }

            foreach (var message in claimed)
            {
                if (await DeliverAsync(db, message, worker, ct))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(ClientDeskDb db, string worker, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Settings.ClaimFor;
        var batch = Math.Max(1, Settings.BatchSize);
        if (db.Database.IsNpgsql())
        {
            // Rows another instance is claiming right now are skipped, not waited for.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.OutboxMessages.FromSql($"""
                SELECT * FROM "OutboxMessages"
                WHERE "Status" = 'Pending' AND "DueAtUtc" <= {now}
                  AND ("NextAttemptAtUtc" IS NULL OR "NextAttemptAtUtc" <= {now})
                  AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
                ORDER BY "DueAtUtc", "Id"
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.ClaimedBy = worker;
                row.ClaimedUntilUtc = until;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return rows;
        }

        // SQLite has one writer at a time: each claim is one conditional update, and only one of two racing workers matches.
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.DueAtUtc <= now && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= now)
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(ct);
        var mine = new List<long>();
        foreach (var id in candidates)
        {
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, worker).SetProperty(m => m.ClaimedUntilUtc, until), ct);
            if (claimed == 1)
            {
                mine.Add(id);
            }
        }

        return await db.OutboxMessages.Where(m => mine.Contains(m.Id) && m.ClaimedBy == worker)
            .OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id).ToListAsync(ct);
    }

    private async Task<bool> DeliverAsync(ClientDeskDb db, OutboxMessage message, string worker, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await StaleReminderAsync(db, message, now, ct) is { } why)
        {
            await FinishAsync(db, message, worker, s => s
                .SetProperty(m => m.Status, OutboxStatus.Withdrawn)
                .SetProperty(m => m.LastError, why), ct);
            logger.LogInformation("Outbox message {MessageId} ({Kind}) withdrawn: {Reason}", message.Id, message.Kind, why);
            return false;
        }

        try
        {
            if (message.Channel == MessageChannel.Email)
            {
                await email.SendAsync(message, ct);
            }
            else
            {
                await sms.SendAsync(message, ct);
            }
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && ct.IsCancellationRequested))
        {
            await FailAsync(db, message, worker, exception, ct);
            return false;
        }

        var attempts = message.Attempts + 1;
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await FinishAsync(db, message, worker, s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAtUtc, sentAt)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null), ct);
        SentCounter.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()), new KeyValuePair<string, object?>("kind", message.Kind));
        logger.LogInformation("Outbox message {MessageId} ({Kind}, {Channel}) sent", message.Id, message.Kind, message.Channel);
        return true;
    }

    /// <summary>A reminder of an appointment that was cancelled or has already begun is not sent (a late worker, a race with a change).</summary>
    private static async Task<string?> StaleReminderAsync(ClientDeskDb db, OutboxMessage message, DateTime now, CancellationToken ct)
    {
        if (!message.Kind.StartsWith(BookingNotices.ReminderPrefix, StringComparison.Ordinal) || message.AppointmentId is not { } id)
        {
            return null;
        }

        var appointment = await db.Appointments.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Status, a.StartsAtUtc }).SingleOrDefaultAsync(ct);
        return appointment switch
        {
            null or { Status: not AppointmentStatus.Booked } => "Not sent: the appointment is no longer booked.",
            _ when appointment.StartsAtUtc <= now => "Not sent: the appointment had already begun.",
            _ => null,
        };
    }

    private async Task FailAsync(ClientDeskDb db, OutboxMessage message, string worker, Exception exception, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        var givenUp = exception is UndeliverableException || attempts >= Settings.MaxAttempts;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length <= 2000 ? error : error[..2000];
        DateTime? next = givenUp ? null : now + Settings.Backoff(attempts);
        await FinishAsync(db, message, worker, s => s
            .SetProperty(m => m.Status, givenUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAtUtc, next), ct);
        FailureCounter.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
        if (givenUp)
        {
            GivenUpCounter.Add(1, new KeyValuePair<string, object?>("channel", message.Channel.ToString()));
            logger.LogError("Outbox message {MessageId} ({Kind}, {Channel}) failed for good after {Attempts} attempts: {ErrorType}",
                message.Id, message.Kind, message.Channel, attempts, exception.GetType().Name);
        }
        else
        {
            logger.LogWarning("Outbox message {MessageId} ({Kind}, {Channel}) attempt {Attempts} failed ({ErrorType}); next attempt at {NextAttemptUtc:o}",
                message.Id, message.Kind, message.Channel, attempts, exception.GetType().Name, next);
        }
    }

    /// <summary>Writes the outcome and releases the claim — only while the claim is still ours (a lapsed claim may be another worker's now).</summary>
    private static async Task FinishAsync(
        ClientDeskDb db, OutboxMessage message, string worker, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> outcome, CancellationToken ct)
    {
        // The outcome must be written even when the caller is stopping: the message has gone out (or failed) already.
        _ = ct;
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == worker).ExecuteUpdateAsync(s =>
        {
            outcome(s);
            s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null);
        }, CancellationToken.None);
    }
}

/// <summary>Wakes this instance's worker as soon as messages are committed (<see cref="OutboxWakeInterceptor"/>), instead of at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly Lock gate = new();

    /// <summary>
    /// Wakes the worker; a signal already given is enough. Checked under a lock rather than by catching
    /// <see cref="SemaphoreFullException"/>, which under load cost an exception for almost every booking.
    /// </summary>
    public void Notify()
    {
        lock (gate)
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
    }

    /// <summary>Whether the worker has been woken and has not looked yet.</summary>
    internal bool IsRaised => signal.CurrentCount > 0;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await signal.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Drains the outbox every few seconds, and at once after a booking on this instance (ADR 009).</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<NotificationOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            logger.LogInformation("The outbox worker is off (Notifications:Worker:Enabled); messages wait in the outbox");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database may be away for a moment; the messages stay in the outbox and the next round tries again.
                logger.LogError(exception, "The outbox worker could not dispatch; it tries again at the next poll");
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }
}
