using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Services;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : ServiceFormPage(db, a, t)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new ServiceInput { RequestChannels = [Channels.InPerson], ReceiveChannels = [Channels.InPerson] };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var service = new Service { Code = "", NameLv = "", NameEn = "" };
            await ApplyAsync(service, ct);
            Db.Services.Add(service);
            if (await TrySaveAsync(ct))
            {
                return Saved(service.NameLv);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
