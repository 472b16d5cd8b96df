using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Staff;

public sealed class EditModel(ClientDeskDb db, UserManager<StaffMember> users, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : StaffFormPage(db, users, a, t)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    /// <summary>The one-time password just made, shown on this page once.</summary>
    public string? OneTimePassword { get; private set; }

    public string FullName { get; private set; } = "";

    public bool IsSelf => Id == Users.GetUserId(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var member = await Db.Users.AsNoTracking().Include(u => u.Locations).Include(u => u.Competences).AsSplitQuery()
            .FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (member is null)
        {
            return NotFound();
        }

        Input = new StaffInput
        {
            FirstName = member.FirstName,
            LastName = member.LastName,
            PositionLv = member.PositionLv,
            PositionEn = member.PositionEn,
            UserName = member.UserName ?? "",
            Email = member.Email,
            Phone = member.PhoneNumber,
            Roles = [.. await Users.GetRolesAsync(member)],
            LocationIds = member.Locations.Select(l => l.Id).ToList(),
            ServiceIds = member.Competences.Select(s => s.Id).ToList(),
            ShowInDirectory = member.ShowInDirectory,
            IsActive = member.IsActive,
            ConcurrencyStamp = member.ConcurrencyStamp,
        };
        FullName = member.FullName;
        OneTimePassword = TempData[OneTimePasswordKey] as string;
        if (OneTimePassword is not null)
        {
            Response.Headers.CacheControl = "no-store";
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = await Db.Users.Include(u => u.Locations).Include(u => u.Competences).AsSplitQuery()
            .FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (member is null)
        {
            return NotFound();
        }

        FullName = member.FullName;
        await ValidateAsync(ct);
        if (IsSelf && !Input.IsActive)
        {
            ModelState.AddModelError("Input.IsActive", Texts["Staff.CannotDeactivateSelf"]);
        }

        if (IsSelf && !Input.Roles.Contains(Roles.Administrator))
        {
            ModelState.AddModelError("Input.Roles", Texts["Staff.CannotDropOwnAdministrator"]);
        }

        if (ModelState.IsValid)
        {
            var current = await Users.GetRolesAsync(member);
            var wanted = Input.Roles.Distinct().ToList();
            var rolesChanged = !current.Order().SequenceEqual(wanted.Order());
            var deactivated = member.IsActive && !Input.IsActive;

            await ApplyAsync(member, ct);
            member.IsActive = Input.IsActive;
            if (deactivated)
            {
                // Locked out for good, so that no password opens the account again until it is reactivated.
                member.LockoutEnabled = true;
                member.LockoutEnd = Deactivated;
            }
            else if (Input.IsActive && member.LockoutEnd == Deactivated)
            {
                member.LockoutEnd = null;
                member.AccessFailedCount = 0;
            }

            Db.Entry(member).Property(u => u.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            var result = await Users.UpdateAsync(member);
            if (result.Succeeded)
            {
                result = await Users.RemoveFromRolesAsync(member, current.Except(wanted));
            }

            if (result.Succeeded)
            {
                result = await Users.AddToRolesAsync(member, wanted.Except(current));
            }

            // A new security stamp ends the member's open sessions at their next check (deactivation, fewer rights).
            if (result.Succeeded && (deactivated || rolesChanged))
            {
                result = await Users.UpdateSecurityStampAsync(member);
            }

            if (result.Succeeded)
            {
                await transaction.CommitAsync(ct);
                return this.Saved(Texts["Staff.Saved", member.FullName], "/admin/staff");
            }

            await transaction.RollbackAsync(ct);
            AddErrors(result);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Makes a new one-time password, shown once; the member must replace it at the next sign-in.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync()
    {
        var member = await Users.FindByIdAsync(Id);
        if (member is null)
        {
            return NotFound();
        }

        var password = FirstAdministrator.OneTimePassword();
        member.MustChangePassword = true;
        if (member.IsActive)
        {
            member.LockoutEnd = null;
            member.AccessFailedCount = 0;
        }

        var token = await Users.GeneratePasswordResetTokenAsync(member);
        var result = await Users.ResetPasswordAsync(member, token, password);
        if (!result.Succeeded)
        {
            TempData[AdminSupport.FailureKey] = string.Join(" ", result.Errors.Select(e => e.Description));
            return Redirect($"/admin/staff/{member.Id}/edit");
        }

        TempData[OneTimePasswordKey] = password;
        return this.Saved(Texts["Staff.PasswordReset", member.FullName], $"/admin/staff/{member.Id}/edit");
    }
}
