using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Rules;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t, TimeProvider clock)
    : RuleFormPage(db, a, t, clock)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = RuleInput.ForNew();
        await LoadChoicesAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var rule = new ScheduleRule { Code = "", NameLv = "", NameEn = "" };
            await ApplyAsync(rule, ct);
            Db.ScheduleRules.Add(rule);
            if (await TrySaveAsync(ct))
            {
                return Saved(Platform.Localization.Pick(rule.NameLv, rule.NameEn));
            }
        }

        await LoadChoicesAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            await BuildPreviewAsync(null, ct);
        }

        await LoadChoicesAsync(null, ct);
        return Page();
    }
}
