using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Staff;

public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(string Id, string FirstName, string LastName, string PositionLv, string PositionEn, string UserName,
        bool IsActive, bool MustChangePassword, List<string> Roles, List<string> LocationsLv, List<string> LocationsEn, int Competences);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = (await (from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var members = await db.Users.AsNoTracking()
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new
            {
                u.Id, u.FirstName, u.LastName, u.PositionLv, u.PositionEn, u.UserName, u.IsActive, u.MustChangePassword,
                LocationsLv = u.Locations.OrderBy(l => l.NameLv).Select(l => l.NameLv).ToList(),
                LocationsEn = u.Locations.OrderBy(l => l.NameLv).Select(l => l.NameEn).ToList(),
                Competences = u.Competences.Count,
            })
            .ToListAsync(ct);
        Rows = members.Select(m => new Row(m.Id, m.FirstName, m.LastName, m.PositionLv, m.PositionEn, m.UserName ?? "", m.IsActive,
                m.MustChangePassword, roles[m.Id].Order().ToList(), m.LocationsLv, m.LocationsEn, m.Competences))
            .ToList();
    }
}
