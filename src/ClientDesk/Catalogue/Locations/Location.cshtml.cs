using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.Locations;

/// <summary>
/// One location for the public. Facts the agency has not confirmed yet are said to be so; the review note and the
/// source are for administrators and are never read here.
/// </summary>
public sealed class LocationModel(ClientDeskDb db, CalendarStore calendars, TimeProvider clock) : PageModel
{
    public LocationView Location { get; private set; } = null!;

    public LocationHours Hours { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking()
            .Where(l => l.Slug == slug && l.IsActive)
            .Select(l => new LocationView(
                l.Id, l.Slug, l.NameLv, l.NameEn, l.Region.NameLv, l.Region.NameEn, l.Premises, l.Address, l.Room, l.Phone, l.Email, l.IsHeadOffice,
                l.Services.Where(s => s.IsActive).OrderBy(s => s.NameLv).Select(s => new ServiceLink(s.Code, s.NameLv, s.NameEn, s.OnSite)).ToList()))
            .FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return NotFound();
        }

        Location = location;
        Hours = LocationHours.Of(await calendars.GetAsync(db, ct), location.Id, location.Slug, clock.GetUtcNow());
        return Page();
    }

    public sealed record LocationView(
        int Id, string Slug, string NameLv, string NameEn, string RegionLv, string RegionEn, Premises Premises, string? Address, string? Room,
        string? Phone, string? Email, bool IsHeadOffice, List<ServiceLink> Services)
    {
        public bool HasMissingFacts => string.IsNullOrWhiteSpace(Address) || string.IsNullOrWhiteSpace(Phone) || string.IsNullOrWhiteSpace(Email);
    }

    public sealed record ServiceLink(string Code, string NameLv, string NameEn, bool OnSite);
}
