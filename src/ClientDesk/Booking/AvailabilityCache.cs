using System.Collections.Concurrent;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace ClientDesk.Booking;

/// <summary>
/// Short-lived memory for the booking API's reads. Free times are kept for one second per (location, service,
/// machines, range, channel) and dropped at once when this instance books, moves or cancels at the location; a
/// booking always checks the time again against the database, so a list a second old can only cost a 409.
/// Slugs and codes are kept as ids for a minute: ids never change, and a location or service made inactive
/// meanwhile is refused by <see cref="Bookings"/> itself.
/// </summary>
public sealed class AvailabilityCache : IDisposable
{
    public static readonly TimeSpan FreeTimesFor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdsFor = TimeSpan.FromMinutes(1);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> changes = new();

    public async Task<int?> LocationIdAsync(ClientDeskDb db, string slug, CancellationToken ct) =>
        slug.Length > 100 ? null : await IdAsync(("location", slug), () => db.Locations.AsNoTracking().Where(l => l.Slug == slug && l.IsActive).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct));

    public async Task<int?> ServiceIdAsync(ClientDeskDb db, string code, CancellationToken ct) =>
        code.Length > 100 ? null : await IdAsync(("service", code), () => db.Services.AsNoTracking().Where(s => s.Code == code && s.IsActive).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct));

    public async Task<T> FreeTimesAsync<T>(int locationId, object key, Func<Task<T>> compute)
        where T : class
    {
        if (cache.TryGetValue((locationId, key), out T? cached) && cached is not null)
        {
            return cached;
        }

        var token = changes.GetOrAdd(locationId, _ => new CancellationTokenSource()).Token;
        var value = await compute();
        using var entry = cache.CreateEntry((locationId, key));
        entry.Value = value;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = FreeTimesFor;
        entry.AddExpirationToken(new CancellationChangeToken(token));
        return value;
    }

    /// <summary>A booking, move or cancellation at the location: its cached free times are stale now.</summary>
    public void Changed(int locationId)
    {
        if (changes.TryRemove(locationId, out var source))
        {
            source.Cancel();
        }
    }

    public void Dispose()
    {
        cache.Dispose();
        foreach (var source in changes.Values)
        {
            source.Dispose();
        }
    }

    private async Task<int?> IdAsync((string Kind, string Name) key, Func<Task<int?>> load)
    {
        if (cache.TryGetValue(key, out int? id))
        {
            return id;
        }

        id = await load();
        if (id is not null)
        {
            cache.Set(key, id, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = IdsFor });
        }

        return id;
    }
}
