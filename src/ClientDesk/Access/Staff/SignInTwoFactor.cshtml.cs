using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ClientDesk.Access.Staff;

/// <summary>The second sign-in step for members with two-factor sign-in: a code from the app or a recovery code.</summary>
public sealed class SignInTwoFactorModel(SignInManager<StaffMember> signIn, IStringLocalizer<AccessTexts> t) : PageModel
{
    [BindProperty]
    public SignInTwoFactorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // The first step is remembered for a few minutes only; after that the member starts again.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToSignIn();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!user.IsActive)
        {
            ModelState.AddModelError("", t["SignIn.Failed"]);
            return Page();
        }

        var typed = Input.Code.Trim().Replace(" ", "", StringComparison.Ordinal);
        var digits = typed.Replace("-", "", StringComparison.Ordinal);
        var isAppCode = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        SignInResult result;
        if (isAppCode)
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false);
        }
        else if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            result = SignInResult.LockedOut;
        }
        else
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(typed));
            if (!result.Succeeded)
            {
                // Recovery codes are long and random, but wrong ones still count towards the lockout like passwords.
                await signIn.UserManager.AccessFailedAsync(user);
                if (await signIn.UserManager.IsLockedOutAsync(user))
                {
                    result = SignInResult.LockedOut;
                }
            }
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
        }

        ModelState.AddModelError("", result.IsLockedOut ? t["SignIn.LockedOut"]
            : isAppCode ? t["SignInTwoFactor.WrongCode"]
            : t["SignInTwoFactor.WrongRecoveryCode"]);
        return Page();
    }

    /// <summary>Recovery codes are stored as XXXXX-XXXXX in capitals; accept them typed in lower case or without the dash.</summary>
    private static string RecoveryCode(string typed)
    {
        var code = typed.ToUpperInvariant();
        return code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;
    }

    private RedirectToPageResult RedirectToSignIn() => RedirectToPage("/Access/Staff/SignIn", new { ReturnUrl });

    public sealed class SignInTwoFactorInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(50, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "SignInTwoFactor.Code")]
        public string Code { get; set; } = "";
    }
}
