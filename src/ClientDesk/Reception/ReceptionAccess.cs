using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Reception;

/// <summary>
/// Who works reception requests (policy <see cref="Policy"/>): the Director, the regional heads, and as their
/// assistants the client service specialists and administrators. Administrators and the Director see every official;
/// a regional head sees the regional heads of the regions of their own locations (not the Director); a client service
/// specialist sees the officials who receive at one of their locations, or, with no office set, in one of their regions.
/// </summary>
public sealed class ReceptionAccess(ClientDeskDb db, UserManager<StaffMember> users)
{
    public const string Policy = "Reception";

    public static readonly string[] Roles =
        [Access.Roles.Director, Access.Roles.RegionalHead, Access.Roles.ClientServiceSpecialist, Access.Roles.Administrator];

    /// <summary>The ids of the officials whose requests the user may see and work; null for all of them.</summary>
    public async Task<IReadOnlySet<int>?> OfficialIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Access.Roles.Administrator) || user.IsInRole(Access.Roles.Director))
        {
            return null;
        }

        var userId = users.GetUserId(user);
        var locations = await db.Users.AsNoTracking().Where(u => u.Id == userId).SelectMany(u => u.Locations)
            .Select(l => new { l.Id, l.RegionId }).ToListAsync(ct);
        var locationIds = locations.Select(l => l.Id).ToList();
        var regionIds = locations.Select(l => l.RegionId).Distinct().ToList();
        var head = user.IsInRole(Access.Roles.RegionalHead);
        var assistant = user.IsInRole(Access.Roles.ClientServiceSpecialist);

        var ids = await db.ReceptionOfficials.AsNoTracking()
            .Where(o => o.StaffMemberId == userId
                || (head && o.Kind == OfficialKind.RegionalHead && regionIds.Contains(o.RegionId))
                || (assistant && (o.LocationId != null ? locationIds.Contains(o.LocationId.Value) : regionIds.Contains(o.RegionId))))
            .Select(o => o.Id).ToListAsync(ct);
        return ids.ToHashSet();
    }

    public async Task<bool> CanWorkAsync(ClaimsPrincipal user, int officialId, CancellationToken ct) =>
        await OfficialIdsAsync(user, ct) is not { } ids || ids.Contains(officialId);
}
