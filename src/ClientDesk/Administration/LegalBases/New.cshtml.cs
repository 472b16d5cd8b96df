using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.LegalBases;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : LegalBasisFormPage(db, a, t)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var basis = new LegalBasis { ActLv = "", SectionLv = "" };
            Input.ApplyTo(basis);
            Db.LegalBases.Add(basis);
            if (await TrySaveAsync(ct))
            {
                return Saved(basis);
            }
        }

        return Page();
    }
}
