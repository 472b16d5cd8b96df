using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Access.Staff;

/// <summary>
/// A member changes their own password. The one-time password gate sends a member with
/// <see cref="StaffMember.MustChangePassword"/> here until they have chosen their own.
/// </summary>
public sealed class ChangePasswordModel(SignInManager<StaffMember> signIn, IStringLocalizer<AccessTexts> t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? Success { get; set; }

    public bool MustChange => User.HasClaim(StaffClaims.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", t["ChangePassword.SameAsCurrent"]);
            return Page();
        }

        // Checked through the sign-in manager so that guessing the current password counts towards the lockout.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", check.IsLockedOut ? t["SignIn.LockedOut"] : t["ChangePassword.WrongCurrent"]);
            return Page();
        }

        var changed = await signIn.UserManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await signIn.UserManager.UpdateAsync(user);
        }

        // A new cookie without the must-change claim and with the new security stamp.
        await signIn.RefreshSignInAsync(user);
        Success = t["ChangePassword.Done"];
        return Redirect("/staff");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "ChangePassword.Current")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "ChangePassword.New")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Validation.Compare")]
        [Display(Name = "ChangePassword.Repeat")]
        public string RepeatPassword { get; set; } = "";
    }
}
