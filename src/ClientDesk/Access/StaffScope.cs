using System.Security.Claims;
using ClientDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Access;

/// <summary>
/// Which locations a signed-in member may see on staff pages (queue, bookings, reports, the staff home).
/// Administrators and directors see every location; everyone else sees only the locations they work at
/// (<see cref="StaffMember.Locations"/>). Roles come from the member's sign-in claims, the locations from the database.
/// Registered as scoped: the answer is worked out once per request and user.
/// </summary>
/// <example>
/// <code>
/// var visible = await scope.LocationIdsAsync(User, ct);
/// var tickets = db.Tickets.Where(t => visible == null || visible.Contains(t.LocationId));
/// </code>
/// </example>
public sealed class StaffScope(ClientDeskDb db, UserManager<StaffMember> users)
{
    private readonly Dictionary<string, IReadOnlySet<int>> _cache = [];

    /// <summary>Whether the user's roles let them see every location.</summary>
    public static bool SeesAllLocations(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Director);

    /// <summary>
    /// The ids of the locations the user may see, or <see langword="null"/> for all of them.
    /// An anonymous user, or a member with no location, gets an empty set.
    /// </summary>
    public async Task<IReadOnlySet<int>?> LocationIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new HashSet<int>();
        }

        if (SeesAllLocations(user))
        {
            return null;
        }

        var userId = users.GetUserId(user);
        if (userId is null)
        {
            return new HashSet<int>();
        }

        if (!_cache.TryGetValue(userId, out var ids))
        {
            var own = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .SelectMany(u => u.Locations)
                .Select(l => l.Id)
                .ToListAsync(ct);
            ids = own.ToHashSet();
            _cache[userId] = ids;
        }

        return ids;
    }

    /// <summary>Whether the user may see the given location.</summary>
    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, int locationId, CancellationToken ct) =>
        CanSee(await LocationIdsAsync(user, ct), locationId);

    /// <summary>Whether a location is inside a scope from <see cref="LocationIdsAsync"/> (null = all).</summary>
    public static bool CanSee(IReadOnlySet<int>? scope, int locationId) => scope is null || scope.Contains(locationId);
}
