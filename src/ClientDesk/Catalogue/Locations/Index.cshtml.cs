using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.Locations;

/// <summary>All active client service locations, region by region, each with "open now" or its next opening.</summary>
public sealed class LocationsModel(ClientDeskDb db, CalendarStore calendars, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking()
            .Where(l => l.IsActive)
            .OrderBy(l => l.Region.Id).ThenByDescending(l => l.IsHeadOffice).ThenBy(l => l.Premises).ThenBy(l => l.NameLv)
            .Select(l => new LocationCard(l.Id, l.Region.Slug, l.Region.NameLv, l.Region.NameEn, l.Slug, l.NameLv, l.NameEn, l.Premises, l.Address, l.Phone))
            .ToListAsync(ct);

        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        Today = Platform.RigaTime.Today(clock);
        locations = [.. locations.Select(l => l with { Status = calendar.StatusAt(l.Id, now) })];
        Regions = locations
            .GroupBy(l => (l.RegionSlug, l.RegionLv, l.RegionEn))
            .Select(g => new RegionView(g.Key.RegionLv, g.Key.RegionEn, g.ToList()))
            .ToList();
    }

    public sealed record RegionView(string NameLv, string NameEn, IReadOnlyList<LocationCard> Locations);

    public sealed record LocationCard(
        int Id, string RegionSlug, string RegionLv, string RegionEn, string Slug, string NameLv, string NameEn, Premises Premises, string? Address, string? Phone)
    {
        public OpenStatus? Status { get; init; }
    }
}
