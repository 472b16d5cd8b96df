using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Officer;

/// <summary>A member of staff to choose in a list: a case officer to assign, an official to escalate to.</summary>
public sealed record StaffChoice(string Id, string Name, EscalationLevel Level = EscalationLevel.None);

/// <summary>The active staff who work cases: case officers to assign to, and the officials above them (C-5).</summary>
public static class Officials
{
    public static IQueryable<StaffMember> InRole(ClientDeskDb db, string role) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    public static async Task<IReadOnlyList<StaffChoice>> CaseOfficersAsync(ClientDeskDb db, CancellationToken ct) =>
        await InRole(db, Roles.CaseOfficer).AsNoTracking()
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new StaffChoice(u.Id, u.FirstName + " " + u.LastName, EscalationLevel.None))
            .ToListAsync(ct);

    /// <summary>
    /// Whom a case can be taken to, higher than it is now: the regional heads of the case location's region (active
    /// staff with that role working at a location in the region), then the director. A case with no location goes to
    /// the director.
    /// </summary>
    public static async Task<IReadOnlyList<StaffChoice>> EscalationChoicesAsync(ClientDeskDb db, int? locationId, EscalationLevel now, CancellationToken ct)
    {
        var choices = new List<StaffChoice>();
        if (now < EscalationLevel.RegionalHead && locationId is { } id)
        {
            var regionId = await db.Locations.Where(l => l.Id == id).Select(l => (int?)l.RegionId).SingleOrDefaultAsync(ct);
            choices.AddRange(await InRole(db, Roles.RegionalHead).AsNoTracking()
                .Where(u => u.Locations.Any(l => l.RegionId == regionId))
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
                .Select(u => new StaffChoice(u.Id, u.FirstName + " " + u.LastName, EscalationLevel.RegionalHead))
                .ToListAsync(ct));
        }

        if (now < EscalationLevel.Director)
        {
            choices.AddRange(await InRole(db, Roles.Director).AsNoTracking()
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
                .Select(u => new StaffChoice(u.Id, u.FirstName + " " + u.LastName, EscalationLevel.Director))
                .ToListAsync(ct));
        }

        return choices;
    }
}
