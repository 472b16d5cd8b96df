using System.Linq.Expressions;
using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Officer;

/// <summary>
/// Who sees which case (L-5), the one filter every officer page uses: the director sees all; a case officer or regional
/// head sees the cases of the locations they work at, any case assigned or escalated to them, and — case officers
/// only — cases that concern no location. Anyone else does not pass <see cref="Policies.Cases"/> at all.
/// Location membership is read from the member's own locations (not <see cref="StaffScope"/>'s administrator rule:
/// being an administrator gives no right to read submissions).
/// </summary>
public sealed class CaseAccess(ClientDeskDb db)
{
    private Expression<Func<Case, bool>>? filter;

    /// <summary>The cases the user may see, untracked for reading or tracked for a workflow step.</summary>
    public async Task<IQueryable<Case>> CasesAsync(ClaimsPrincipal user, CancellationToken ct) =>
        db.Cases.Where(filter ??= await FilterAsync(user, ct));

    /// <summary>The case with this number if the user may see it; null for an unknown number and a case outside their reach alike.</summary>
    public async Task<Case?> FindAsync(ClaimsPrincipal user, string? number, CancellationToken ct)
    {
        if (!Cases.TryParseNumber(number, out var year, out var sequence))
        {
            return null;
        }

        return await (await CasesAsync(user, ct)).SingleOrDefaultAsync(c => c.Year == year && c.Sequence == sequence, ct);
    }

    public async Task<Expression<Func<Case, bool>>> FilterAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || userId is null)
        {
            return c => false;
        }

        if (user.IsInRole(Roles.Director))
        {
            return c => true;
        }

        var officer = user.IsInRole(Roles.CaseOfficer);
        if (!officer && !user.IsInRole(Roles.RegionalHead))
        {
            return c => false;
        }

        var locations = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .SelectMany(u => u.Locations).Select(l => l.Id).ToListAsync(ct);
        return c => (c.LocationId != null && locations.Contains(c.LocationId.Value))
            || (officer && c.LocationId == null)
            || c.AssignedOfficerId == userId
            || c.EscalatedToStaffId == userId;
    }
}
