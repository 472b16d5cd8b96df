using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientDesk.Notifications;

/// <summary>
/// Wakes this instance's outbox worker (<see cref="OutboxSignal"/>) once a save that wrote outbox messages has committed:
/// right after the save when it is its own transaction, at the commit when it runs inside one (the API's idempotency
/// transaction, for one). Whatever writes a message needs to do nothing more for it to go out at once.
/// </summary>
internal sealed class OutboxWakeInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private sealed class Messages
    {
        public bool InSave { get; set; }

        public bool AwaitingCommit { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Messages> written = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    // A new transaction (also the one a save opens for itself) or a rollback: nothing saved before is waiting for a commit.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saving(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            written.GetOrCreateValue(db).InSave = true;
        }
    }

    private void Saved(DbContext? db)
    {
        if (db is null || !written.TryGetValue(db, out var messages) || !messages.InSave)
        {
            return;
        }

        messages.InSave = false;
        if (db.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        else
        {
            messages.AwaitingCommit = true;
        }
    }

    private void Failed(DbContext? db)
    {
        if (db is not null && written.TryGetValue(db, out var messages))
        {
            messages.InSave = false;
        }
    }

    private void Committed(DbContext? db)
    {
        if (db is not null && written.TryGetValue(db, out var messages) && messages.AwaitingCommit)
        {
            messages.AwaitingCommit = false;
            signal.Notify();
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null && written.TryGetValue(db, out var messages))
        {
            messages.AwaitingCommit = false;
        }
    }
}
