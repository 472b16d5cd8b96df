using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Referrals;

public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : ReferralFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var referral = await Db.ReferralInstitutions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        Input = ReferralInput.From(referral);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var referral = await Db.ReferralInstitutions.FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (referral is null)
        {
            return NotFound();
        }

        await ValidateAsync(referral.Id, ct);
        if (ModelState.IsValid)
        {
            Input.ApplyTo(referral);
            referral.Version = Guid.NewGuid();
            Db.Entry(referral).Property(r => r.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(referral.NameLv);
            }
        }

        return Page();
    }
}
