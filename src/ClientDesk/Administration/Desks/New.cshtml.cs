using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Desks;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : DeskFormPage(db, a, t)
{
    public async Task OnGetAsync(int? location, CancellationToken ct)
    {
        Input.LocationId = location;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var desk = new Desk();
            Input.ApplyTo(desk);
            Db.Desks.Add(desk);
            if (await TrySaveAsync(ct))
            {
                return Saved(desk.Number);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
