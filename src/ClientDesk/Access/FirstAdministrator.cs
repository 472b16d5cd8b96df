using System.Security.Cryptography;
using ClientDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Access;

/// <summary>
/// On a database with no staff, creates the administrator "admin" with a one-time password printed on the
/// console. The password must be changed at the first sign-in.
/// </summary>
internal static class FirstAdministrator
{
    public const string UserName = "admin";

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static async Task<string?> CreateIfNoStaffAsync(ClientDeskDb db, UserManager<StaffMember> users, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        var password = OneTimePassword();
        var admin = new StaffMember
        {
            UserName = UserName,
            FirstName = "Sistēmas",
            LastName = "administrators",
            PositionLv = "Administrators",
            PositionEn = "Administrator",
            MustChangePassword = true,
            ShowInDirectory = false,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: "
                + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        return password;
    }

    /// <summary>16 characters from every class the password rules ask for, without look-alikes (0/O, 1/l).</summary>
    public static string OneTimePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "!#%+-=?@";
        var all = lower + upper + digits + symbols;
        var chars = new char[16];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
