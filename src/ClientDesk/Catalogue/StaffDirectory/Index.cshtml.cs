using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.StaffDirectory;

/// <summary>
/// Who serves clients, so that staff are identifiable (C-3): active members who agreed to be listed, optionally at one
/// location. Phone and e-mail appear only where the member has them.
/// </summary>
public sealed class StaffDirectoryModel(ClientDeskDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "location")]
    [System.ComponentModel.DataAnnotations.StringLength(40)]
    public string? Location { get; set; }

    public IReadOnlyList<LocationOption> Locations { get; private set; } = [];

    public IReadOnlyList<StaffCard> Staff { get; private set; } = [];

    /// <summary>The chosen location, when the slug names an active one; any other value shows everybody.</summary>
    public LocationOption? Chosen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Locations = await db.Locations.AsNoTracking()
            .Where(l => l.IsActive)
            .OrderBy(l => l.NameLv)
            .Select(l => new LocationOption(l.Slug, l.NameLv, l.NameEn))
            .ToListAsync(ct);
        Chosen = Locations.FirstOrDefault(l => l.Slug == Location);

        var staff = db.Users.AsNoTracking().Where(u => u.IsActive && u.ShowInDirectory);
        if (Chosen is { } chosen)
        {
            staff = staff.Where(u => u.Locations.Any(l => l.Slug == chosen.Slug));
        }

        Staff = await staff
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new StaffCard(
                u.FirstName, u.LastName, u.PositionLv, u.PositionEn, u.PhoneNumber, u.Email,
                u.Locations.Where(l => l.IsActive).OrderBy(l => l.NameLv).Select(l => new LocationOption(l.Slug, l.NameLv, l.NameEn)).ToList()))
            .ToListAsync(ct);
    }

    public sealed record LocationOption(string Slug, string NameLv, string NameEn);

    public sealed record StaffCard(
        string FirstName, string LastName, string PositionLv, string PositionEn, string? Phone, string? Email, List<LocationOption> Locations);
}
