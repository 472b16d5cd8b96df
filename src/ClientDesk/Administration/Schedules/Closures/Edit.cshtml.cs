using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Closures;

public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : ClosureFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var closure = await Db.LocationClosures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (closure is null)
        {
            return NotFound();
        }

        Input = ClosureInput.From(closure);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var closure = await Db.LocationClosures.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (closure is null)
        {
            return NotFound();
        }

        await ValidateAsync(closure.Id, ct);
        if (ModelState.IsValid)
        {
            Input.ApplyTo(closure);
            closure.Version = Guid.NewGuid();
            Db.Entry(closure).Property(c => c.Version).OriginalValue = Input.Version;
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
        var closure = await Db.LocationClosures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (closure is null)
        {
            return NotFound();
        }

        await ValidateAsync(closure.Id, ct);
        if (ModelState.IsValid)
        {
            await BuildPreviewAsync(closure, ct);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
