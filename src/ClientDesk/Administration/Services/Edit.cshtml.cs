using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Services;

public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : ServiceFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var service = await Db.Services.AsNoTracking().Include(s => s.Fees).Include(s => s.Locations).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == Code, ct);
        if (service is null)
        {
            return NotFound();
        }

        Input = ServiceInput.From(service);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var service = await Db.Services.Include(s => s.Fees).Include(s => s.Locations).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Code == Code, ct);
        if (service is null)
        {
            return NotFound();
        }

        await ValidateAsync(service.Id, ct);
        if (ModelState.IsValid)
        {
            await ApplyAsync(service, ct);
            service.Version = Guid.NewGuid();
            Db.Entry(service).Property(s => s.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(service.NameLv);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
