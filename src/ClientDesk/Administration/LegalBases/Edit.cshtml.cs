using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.LegalBases;

/// <summary>Edits a legal basis. Refusals already recorded keep citing it; one no longer in force is deactivated, not deleted.</summary>
public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : LegalBasisFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var basis = await Db.LegalBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == Id, ct);
        if (basis is null)
        {
            return NotFound();
        }

        Input = LegalBasisInput.From(basis);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var basis = await Db.LegalBases.FirstOrDefaultAsync(b => b.Id == Id, ct);
        if (basis is null)
        {
            return NotFound();
        }

        await ValidateAsync(basis.Id, ct);
        if (ModelState.IsValid)
        {
            Input.ApplyTo(basis);
            basis.Version = Guid.NewGuid();
            Db.Entry(basis).Property(b => b.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(basis);
            }
        }

        return Page();
    }
}
