using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ClientDesk.Queue.Live;

/// <summary>
/// Fans a location's changes out to everyone watching it on this instance: the lobby displays and the ticket pages.
/// A change is read from the database once (in a fresh scope) and the same view pushed to every subscriber; changes
/// that arrive while a read is under way are coalesced into one more read. Each subscriber has a small channel that
/// drops its oldest view, so a slow display never holds up the others.
/// </summary>
public sealed class LobbyBroadcaster(IServiceScopeFactory scopes, ILogger<LobbyBroadcaster> log)
{
    /// <summary>Changes closer together than this become one read.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentDictionary<int, LocationFeed> feeds = new();

    public Subscription<LobbyView> SubscribeLobby(int locationId)
    {
        var feed = feeds.GetOrAdd(locationId, id => new LocationFeed(id));
        var subscription = new Subscription<LobbyView>(s => feed.Lobby.TryRemove(s, out _));
        feed.Lobby.TryAdd(subscription, 0);
        return subscription;
    }

    public Subscription<TicketView> SubscribeTicket(int locationId, int ticketId)
    {
        var feed = feeds.GetOrAdd(locationId, id => new LocationFeed(id));
        var subscription = new Subscription<TicketView>(s => feed.Tickets.TryRemove(s, out _)) { TicketId = ticketId };
        feed.Tickets.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Whatever the source (this instance, or another through PostgreSQL), a location changed.</summary>
    public void Changed(int locationId)
    {
        var feed = feeds.GetOrAdd(locationId, id => new LocationFeed(id));
        Interlocked.Exchange(ref feed.Dirty, 1);
        if (Interlocked.CompareExchange(ref feed.Running, 1, 0) == 0)
        {
            _ = Task.Run(() => RefreshAsync(feed));
        }
    }

    /// <summary>After a lost connection to the database's notifications: everything watched may be stale.</summary>
    public void ChangedEverywhere()
    {
        foreach (var id in feeds.Keys)
        {
            Changed(id);
        }
    }

    /// <summary>Subscribers on this instance, for the benchmark and tests.</summary>
    public int Subscribers => feeds.Values.Sum(f => f.Lobby.Count + f.Tickets.Count);

    private async Task RefreshAsync(LocationFeed feed)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Coalesce);
                Interlocked.Exchange(ref feed.Dirty, 0);
                await ReadAndPushAsync(feed);
                if (Volatile.Read(ref feed.Dirty) == 0)
                {
                    Interlocked.Exchange(ref feed.Running, 0);
                    // A change that slipped in between the check and the reset starts its own loop, unless this one takes it.
                    if (Volatile.Read(ref feed.Dirty) == 0 || Interlocked.CompareExchange(ref feed.Running, 1, 0) != 0)
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception e)
        {
            Interlocked.Exchange(ref feed.Running, 0);
            log.LogError(e, "Reading the queue of location {LocationId} for its displays failed.", feed.LocationId);
        }
    }

    private async Task ReadAndPushAsync(LocationFeed feed)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<QueueState>();
        if (!feed.Lobby.IsEmpty && await state.LobbyAsync(feed.LocationId) is { } lobby)
        {
            foreach (var subscriber in feed.Lobby.Keys)
            {
                subscriber.Push(lobby);
            }
        }

        foreach (var group in feed.Tickets.Keys.GroupBy(s => s.TicketId))
        {
            if (await state.TicketAsync(group.Key) is { } ticket)
            {
                foreach (var subscriber in group)
                {
                    subscriber.Push(ticket);
                }
            }
        }

        // Every instance checks; the conditional update in TurnNearNotices lets only one of them write the message.
        await scope.ServiceProvider.GetRequiredService<TurnNearNotices>().CheckAsync(feed.LocationId);
    }

    private sealed class LocationFeed(int locationId)
    {
        public int LocationId { get; } = locationId;
        public ConcurrentDictionary<Subscription<LobbyView>, byte> Lobby { get; } = new();
        public ConcurrentDictionary<Subscription<TicketView>, byte> Tickets { get; } = new();
        public int Dirty;
        public int Running;
    }
}

/// <summary>One display's or ticket page's stream of views; dispose it when the client goes.</summary>
public sealed class Subscription<T>(Action<Subscription<T>> remove) : IDisposable
{
    private readonly Channel<T> views = Channel.CreateBounded<T>(new BoundedChannelOptions(4)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false,
    });

    public int TicketId { get; init; }

    public ChannelReader<T> Views => views.Reader;

    public void Push(T view) => views.Writer.TryWrite(view);

    public void Dispose()
    {
        remove(this);
        views.Writer.TryComplete();
    }
}
