using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Closures;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : ClosureFormPage(db, a, t)
{
    /// <summary>The list's location filter, carried over so that the location is already chosen.</summary>
    public async Task OnGetAsync(string? location, CancellationToken ct)
    {
        Input = new ClosureInput
        {
            LocationId = await Db.Locations.Where(l => l.Slug == location).Select(l => l.Id).FirstOrDefaultAsync(ct),
        };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var closure = new LocationClosure();
            Input.ApplyTo(closure);
            Db.LocationClosures.Add(closure);
            if (await TrySaveAsync(ct))
            {
                return await SavedAsync(closure, ct);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            await BuildPreviewAsync(null, ct);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
