using ClientDesk.Catalogue;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Remote;

/// <summary>A location as the public queue pages name it.</summary>
public sealed record QueuePlace(int Id, string Slug, string NameLv, string NameEn, string? Address, string? Room);

/// <summary>A service a client can take a number for, with the letter of its group (A machinery, C drivers…).</summary>
public sealed record QueueService(int Id, string Code, string NameLv, string NameEn, string Letter, string GroupKey);

/// <summary>What the kiosk, the remote-ticket pages and the API read about locations and their services.</summary>
internal static class WalkInPlaces
{
    public static Task<QueuePlace?> LocationAsync(ClientDeskDb db, string? slug, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(slug) || slug.Length > 100
            ? Task.FromResult<QueuePlace?>(null)
            : db.Locations.AsNoTracking().Where(l => l.Slug == slug && l.IsActive)
                .Select(l => new QueuePlace(l.Id, l.Slug, l.NameLv, l.NameEn, l.Address, l.Room)).SingleOrDefaultAsync(ct);

    /// <summary>The active services of the location, in the catalogue's order within each group.</summary>
    public static async Task<IReadOnlyList<QueueService>> ServicesAsync(ClientDeskDb db, int locationId, CancellationToken ct)
    {
        var rows = await db.Services.AsNoTracking()
            .Where(s => s.IsActive && s.Locations.Any(l => l.Id == locationId))
            .Select(s => new { s.Id, s.Code, s.NameLv, s.NameEn }).ToListAsync(ct);
        return [.. rows.Select(s => new QueueService(s.Id, s.Code, s.NameLv, s.NameEn, QueueLetters.For(s.Code), ServiceGroups.GroupOf(s.Code)))
            .OrderBy(s => s.Letter).ThenBy(s => ServiceGroups.OrderOf(s.Code)).ThenBy(s => s.NameLv, StringComparer.Ordinal)];
    }
}
