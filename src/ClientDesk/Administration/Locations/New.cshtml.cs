using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Locations;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : LocationFormPage(db, a, t)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new LocationInput { NeedsReview = true };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var location = new Location { Slug = "", NameLv = "", NameEn = "" };
            Input.ApplyTo(location);
            Db.Locations.Add(location);
            if (await TrySaveAsync(ct))
            {
                return Saved(location.NameLv);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
