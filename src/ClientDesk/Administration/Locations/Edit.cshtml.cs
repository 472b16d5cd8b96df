using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Locations;

public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : LocationFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var location = await Db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == Slug, ct);
        if (location is null)
        {
            return NotFound();
        }

        Input = LocationInput.From(location);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var location = await Db.Locations.FirstOrDefaultAsync(l => l.Slug == Slug, ct);
        if (location is null)
        {
            return NotFound();
        }

        await ValidateAsync(location.Id, ct);
        if (ModelState.IsValid)
        {
            Input.ApplyTo(location);
            location.Version = Guid.NewGuid();
            Db.Entry(location).Property(l => l.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(location.NameLv);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
