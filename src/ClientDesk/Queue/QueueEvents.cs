namespace ClientDesk.Queue;

/// <summary>
/// Tells whoever shows a location's queue (displays, desks, ticket pages) that it changed. Every change to a ticket or
/// desk calls <see cref="ChangedAsync"/> after it is saved; what is shown is always read again from the database, so a
/// lost event costs freshness, never correctness.
/// </summary>
public interface IQueueEvents
{
    Task ChangedAsync(int locationId, CancellationToken ct = default);
}

/// <summary>The events of one app instance, for a single instance and for tests.</summary>
public sealed class InProcessQueueEvents : IQueueEvents
{
    public event Action<int>? Changed;

    public Task ChangedAsync(int locationId, CancellationToken ct = default)
    {
        Changed?.Invoke(locationId);
        return Task.CompletedTask;
    }
}
