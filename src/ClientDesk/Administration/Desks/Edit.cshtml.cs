using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Desks;

/// <summary>Edits a desk; one that has served no ticket may be deleted, any other is deactivated instead (its history stays).</summary>
public sealed class EditModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : DeskFormPage(db, a, t)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var desk = await Db.Desks.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (desk is null)
        {
            return NotFound();
        }

        Input = DeskInput.From(desk);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var desk = await Db.Desks.FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (desk is null)
        {
            return NotFound();
        }

        await ValidateAsync(desk.Id, ct);
        if (ModelState.IsValid)
        {
            Input.ApplyTo(desk);
            desk.Version = Guid.NewGuid();
            Db.Entry(desk).Property(d => d.Version).OriginalValue = Input.Version;
            if (await TrySaveAsync(ct))
            {
                return Saved(desk.Number);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var desk = await Db.Desks.FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (desk is null)
        {
            return NotFound();
        }

        if (desk.StaffMemberId is not null || await Db.Tickets.AnyAsync(t => t.DeskId == desk.Id || t.TransferredToDeskId == desk.Id, ct))
        {
            TempData[AdminSupport.FailureKey] = A["Desk.CannotDelete", desk.Number].Value;
            return Redirect($"/admin/desks/{desk.Id}/edit");
        }

        Db.Desks.Remove(desk);
        await Db.SaveChangesAsync(ct);
        TempData[AdminSupport.SuccessKey] = A["Desk.Deleted", desk.Number].Value;
        return Redirect("/admin/desks");
    }
}
