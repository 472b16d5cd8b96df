using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Rules;

public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t, TimeProvider clock)
    : RuleFormPage(db, a, t, clock)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rule = await Db.ScheduleRules.AsNoTracking().Include(r => r.Breaks).Include(r => r.Locations).Include(r => r.Replaces)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        Input = RuleInput.From(rule);
        await LoadChoicesAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var rule = await Db.ScheduleRules.Include(r => r.Breaks).Include(r => r.Locations).Include(r => r.Replaces)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (rule is null)
        {
            return NotFound();
        }

        await ValidateAsync(rule.Id, ct);
        if (ModelState.IsValid)
        {
            await ApplyAsync(rule, ct);
            rule.Version = Guid.NewGuid();
            Db.Entry(rule).Property(r => r.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(Platform.Localization.Pick(rule.NameLv, rule.NameEn));
            }
        }

        await LoadChoicesAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await Db.ScheduleRules.AnyAsync(r => r.Id == Id, ct))
        {
            return NotFound();
        }

        await ValidateAsync(Id, ct);
        if (ModelState.IsValid)
        {
            await BuildPreviewAsync(Id, ct);
        }

        await LoadChoicesAsync(Id, ct);
        return Page();
    }
}
