using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.SpecialDays;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : SpecialDayFormPage(db, a, t)
{
    public void OnGet() => LoadChoices();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var day = new SpecialDay();
            Input.ApplyTo(day);
            Db.SpecialDays.Add(day);
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
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            await BuildPreviewAsync(null, ct);
        }

        LoadChoices();
        return Page();
    }
}
