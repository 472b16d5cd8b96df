using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Schedules.Closures;

/// <summary>Every closure, earliest first, optionally of one location (?location=slug).</summary>
public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(int Id, string LocationLv, string LocationEn, DateOnly StartsOn, DateOnly EndsOn, string ReasonLv, string ReasonEn);

    [BindProperty(SupportsGet = true, Name = "location")]
    public string? Location { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Locations = (await db.Locations.AsNoTracking().OrderBy(l => l.RegionId).ThenBy(l => l.NameLv)
                .Select(l => new { l.Slug, l.NameLv, l.NameEn }).ToListAsync(ct))
            .Select(l => new SelectListItem(Localization.Pick(l.NameLv, l.NameEn), l.Slug, l.Slug == Location))
            .ToList();

        var query = db.LocationClosures.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Location))
        {
            query = query.Where(c => c.Location.Slug == Location);
        }

        Rows = await query.OrderBy(c => c.StartsOn).ThenBy(c => c.Location.NameLv)
            .Select(c => new Row(c.Id, c.Location.NameLv, c.Location.NameEn, c.StartsOn, c.EndsOn, c.ReasonLv, c.ReasonEn))
            .ToListAsync(ct);
    }
}
