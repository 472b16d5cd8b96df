using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.LegalBases;

/// <summary>The acts and sections a refusal may cite (C-6, L-4). Empty until an administrator adds them: nothing is invented.</summary>
public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(int Id, string ActLv, string ActEn, string SectionLv, string SectionEn, string? Url, bool IsActive);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.LegalBases.AsNoTracking()
            .OrderBy(b => b.ActLv).ThenBy(b => b.SectionLv)
            .Select(b => new Row(b.Id, b.ActLv, b.ActEn, b.SectionLv, b.SectionEn, b.Url, b.IsActive))
            .ToListAsync(ct);
}
