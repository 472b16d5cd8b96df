using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Referrals;

public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(int Id, string NameLv, string NameEn, string TopicsLv, string TopicsEn, string? Phone, string? Email,
        string? Website, bool IsActive);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.ReferralInstitutions.AsNoTracking()
            .OrderBy(r => r.NameLv)
            .Select(r => new Row(r.Id, r.NameLv, r.NameEn, r.TopicsLv, r.TopicsEn, r.Phone, r.Email, r.Website, r.IsActive))
            .ToListAsync(ct);
}
