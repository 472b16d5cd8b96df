using ClientDesk.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Access;

/// <summary>Identity's messages in the user's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedTexts> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["Identity.PasswordMismatch"]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["Identity.PasswordTooShort", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["Identity.PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["Identity.PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["Identity.PasswordRequiresUpper"]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), t["Identity.PasswordRequiresUniqueChars", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["Identity.PasswordRequiresNonAlphanumeric"]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["Identity.DuplicateUserName", userName]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Identity.InvalidUserName", userName ?? ""]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["ConcurrencyFailure"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["Identity.InvalidToken"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
