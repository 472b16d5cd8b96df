using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.Locations;

/// <summary>All active client service locations, region by region.</summary>
public sealed class LocationsModel(ClientDeskDb db) : PageModel
{
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking()
            .Where(l => l.IsActive)
            .OrderBy(l => l.Region.Id).ThenByDescending(l => l.IsHeadOffice).ThenBy(l => l.Premises).ThenBy(l => l.NameLv)
            .Select(l => new LocationCard(l.Region.Slug, l.Region.NameLv, l.Region.NameEn, l.Slug, l.NameLv, l.NameEn, l.Premises, l.Address, l.Phone))
            .ToListAsync(ct);

        Regions = locations
            .GroupBy(l => (l.RegionSlug, l.RegionLv, l.RegionEn))
            .Select(g => new RegionView(g.Key.RegionLv, g.Key.RegionEn, g.ToList()))
            .ToList();
    }

    public sealed record RegionView(string NameLv, string NameEn, IReadOnlyList<LocationCard> Locations);

    public sealed record LocationCard(
        string RegionSlug, string RegionLv, string RegionEn, string Slug, string NameLv, string NameEn, Premises Premises, string? Address, string? Phone);
}
