using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace ClientDesk.Access.Staff;

/// <summary>
/// Optional two-factor sign-in with an authenticator app (TOTP): set up with a key or QR code, confirm with a code,
/// keep the recovery codes, turn off with a code or the password, make new recovery codes.
/// </summary>
public sealed class TwoFactorModel(SignInManager<StaffMember> signIn, IStringLocalizer<AccessTexts> t) : PageModel
{
    public const string Issuer = "VTUA ClientDesk";
    public const int RecoveryCodeCount = 8;

    private UserManager<StaffMember> Users => signIn.UserManager;

    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    [TempData]
    public string? Success { get; set; }

    /// <summary>Shown once, right after they are made; TempData forgets them after this request.</summary>
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public bool IsEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool SettingUp { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? QrCodeDataUri { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync(setup: false) ? Page() : Challenge();

    /// <summary>The setup step: key, QR code and the form for the first code.</summary>
    public async Task<IActionResult> OnGetSetupAsync() =>
        await LoadAsync(setup: true) ? Page() : Challenge();

    /// <summary>Starts the setup with a fresh key, so an old or leaked one never becomes valid.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return Redirect("/staff/account/two-factor?handler=setup");
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect("/staff/account/two-factor");
        }

        var code = Digits(Input.Code);
        if (!ModelState.IsValid)
        {
            // Too long: the field's own message says so.
        }
        else if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", t["TwoFactor.CodeRequired"]);
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", t["TwoFactor.WrongCode"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(setup: true);
            return Page();
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        Success = t["TwoFactor.Enabled"];
        return Redirect("/staff/account/two-factor");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return Redirect("/staff/account/two-factor");
        }

        var secret = Input.CodeOrPassword?.Trim() ?? "";
        if (!ModelState.IsValid)
        {
            // Too long: the field's own message says so.
        }
        else if (secret.Length == 0)
        {
            ModelState.AddModelError("Input.CodeOrPassword", t["TwoFactor.CodeOrPasswordRequired"]);
        }
        else if (!await IsCodeOrPasswordAsync(user, secret))
        {
            ModelState.AddModelError("Input.CodeOrPassword",
                await Users.IsLockedOutAsync(user) ? t["SignIn.LockedOut"] : t["TwoFactor.WrongCodeOrPassword"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(setup: false);
            return Page();
        }

        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Success = t["TwoFactor.Disabled"];
        return Redirect("/staff/account/two-factor");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            RecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            Success = t["TwoFactor.NewRecoveryCodes"];
        }

        return Redirect("/staff/account/two-factor");
    }

    /// <summary>A six-digit code from the app, or the member's password; wrong tries count towards the lockout.</summary>
    private async Task<bool> IsCodeOrPasswordAsync(StaffMember user, string secret)
    {
        var code = Digits(secret);
        if (code.Length == 6 && code.All(char.IsAsciiDigit) && secret.All(c => char.IsAsciiDigit(c) || c == ' ' || c == '-'))
        {
            if (await Users.IsLockedOutAsync(user))
            {
                return false;
            }

            if (await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                return true;
            }

            await Users.AccessFailedAsync(user);
            return false;
        }

        return (await signIn.CheckPasswordSignInAsync(user, secret, lockoutOnFailure: true)).Succeeded;
    }

    private async Task<bool> LoadAsync(bool setup)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        IsEnabled = user.TwoFactorEnabled;
        if (IsEnabled)
        {
            RecoveryCodesLeft = await Users.CountRecoveryCodesAsync(user);
            return true;
        }

        SettingUp = setup;
        if (!setup)
        {
            return true;
        }

        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await Users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = FormatKey(key);
        AuthenticatorUri = OtpAuthUri(user.UserName ?? user.Id, key);
        var png = PngByteQRCodeHelper.GetQRCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M, 6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
        return true;
    }

    /// <summary>The key in groups of four, easier to type into a phone.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    private static string Digits(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public sealed class TwoFactorInput
    {
        [StringLength(20, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "TwoFactor.Code")]
        public string? Code { get; set; }

        [StringLength(200, ErrorMessage = "Validation.StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "TwoFactor.CodeOrPassword")]
        public string? CodeOrPassword { get; set; }
    }
}
