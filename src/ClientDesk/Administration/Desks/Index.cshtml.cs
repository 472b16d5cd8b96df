using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Desks;

/// <summary>The desks of every location (issue 5): the numbers the display shows, a note, whether staff may open them.</summary>
public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(int Id, int Number, string Note, bool IsActive, string? StaffName);

    public sealed record LocationDesks(int LocationId, string Location, IReadOnlyList<Row> Desks);

    public IReadOnlyList<LocationDesks> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var locations = await db.Locations.AsNoTracking().OrderBy(l => l.RegionId).ThenBy(l => l.NameLv)
            .Select(l => new { l.Id, l.NameLv, l.NameEn }).ToListAsync(ct);
        var desks = await db.Desks.AsNoTracking().OrderBy(d => d.Number)
            .Select(d => new { d.Id, d.LocationId, d.Number, d.NoteLv, d.NoteEn, d.IsActive, Staff = d.StaffMember == null ? null : d.StaffMember.FirstName + " " + d.StaffMember.LastName })
            .ToListAsync(ct);
        Locations = [.. locations.Select(l => new LocationDesks(l.Id, Localization.Pick(l.NameLv, l.NameEn),
            [.. desks.Where(d => d.LocationId == l.Id).Select(d => new Row(d.Id, d.Number, Localization.Pick(d.NoteLv, d.NoteEn), d.IsActive, d.Staff))]))];
    }
}
