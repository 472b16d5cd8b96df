using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Staff;

public sealed class NewModel(ClientDeskDb db, UserManager<StaffMember> users, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : StaffFormPage(db, users, a, t)
{
    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ValidateAsync(ct);
        if (ModelState.IsValid)
        {
            var member = new StaffMember { FirstName = "", LastName = "", PositionLv = "", MustChangePassword = true, IsActive = true };
            await ApplyAsync(member, ct);
            var password = FirstAdministrator.OneTimePassword();

            // The member, their roles and the audit entries of both are stored together or not at all.
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            var result = await Users.CreateAsync(member, password);
            if (result.Succeeded)
            {
                result = await Users.AddToRolesAsync(member, Input.Roles.Distinct());
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(ct);
                TempData[OneTimePasswordKey] = password;
                return this.Saved(Texts["Staff.Created", member.FullName], $"/admin/staff/{member.Id}/edit");
            }

            await transaction.RollbackAsync(ct);
            AddErrors(result);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
