using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Referrals;

public sealed class NewModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : ReferralFormPage(db, a, t)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(null, ct);
        if (ModelState.IsValid)
        {
            var referral = new ReferralInstitution { NameLv = "", NameEn = "" };
            Input.ApplyTo(referral);
            Db.ReferralInstitutions.Add(referral);
            if (await TrySaveAsync(ct))
            {
                return Saved(referral.NameLv);
            }
        }

        return Page();
    }
}
