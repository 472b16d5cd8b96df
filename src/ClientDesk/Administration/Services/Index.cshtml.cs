using ClientDesk.Catalogue;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Services;

public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(string Code, string NameLv, string NameEn, int? DurationMinutes, Channels RequestChannels,
        int Fees, int Locations, bool OnSite, bool IsActive);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Services.AsNoTracking()
            .OrderBy(s => s.Code)
            .Select(s => new Row(s.Code, s.NameLv, s.NameEn, s.DurationMinutes, s.RequestChannels, s.Fees.Count, s.Locations.Count, s.OnSite, s.IsActive))
            .ToListAsync(ct);
}
