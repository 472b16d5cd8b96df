using ClientDesk.Catalogue;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Locations;

public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(string Slug, string NameLv, string NameEn, string RegionLv, string RegionEn, Premises Premises,
        bool NeedsReview, string? ReviewNote, bool IsActive, bool IsHeadOffice);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Locations.AsNoTracking()
            .OrderBy(l => l.RegionId).ThenBy(l => l.NameLv)
            .Select(l => new Row(l.Slug, l.NameLv, l.NameEn, l.Region.NameLv, l.Region.NameEn, l.Premises,
                l.NeedsReview, l.ReviewNote, l.IsActive, l.IsHeadOffice))
            .ToListAsync(ct);
}
