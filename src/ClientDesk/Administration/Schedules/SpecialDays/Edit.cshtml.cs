using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.SpecialDays;

public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : SpecialDayFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var day = await Db.SpecialDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (day is null)
        {
            return NotFound();
        }

        Input = SpecialDayInput.From(day);
        LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var day = await Db.SpecialDays.FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (day is null)
        {
            return NotFound();
        }

        await ValidateAsync(day.Id, ct);
        if (ModelState.IsValid)
        {
            Input.ApplyTo(day);
            day.Version = Guid.NewGuid();
            Db.Entry(day).Property(d => d.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(day);
            }
        }

        LoadChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        var day = await Db.SpecialDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (day is null)
        {
            return NotFound();
        }

        await ValidateAsync(day.Id, ct);
        if (ModelState.IsValid)
        {
            await BuildPreviewAsync(day, ct);
        }

        LoadChoices();
        return Page();
    }
}
