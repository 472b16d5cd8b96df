using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration;

/// <summary>What the administration pages share: the save and its messages, choices, number parsing, names.</summary>
internal static class AdminSupport
{
    public const string SuccessKey = "Administration.Success";
    public const string FailureKey = "Administration.Failure";

    /// <summary>A slug or code in an address: lowercase Latin letters and digits, words joined by single hyphens.</summary>
    public const string IdentifierPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>Digits, spaces and plus signs, as phone numbers are written (64 123 456, +371 64 123 456).</summary>
    public const string PhonePattern = "^[0-9 +]+$";

    /// <summary>
    /// Saves the page's changes. A stale version (someone else saved first) or a unique value taken meanwhile
    /// (slug, code, name) becomes a message on the form, and the result is false.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this PageModel page, ClientDeskDb db, IStringLocalizer<SharedTexts> t,
        string uniqueField, string takenMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            page.ModelState.AddModelError("", t["ConcurrencyFailure"]);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            page.ModelState.AddModelError(uniqueField, takenMessage);
        }

        return false;
    }

    /// <summary>Post/Redirect/Get: the one-line result is shown once on the page redirected to.</summary>
    public static IActionResult Saved(this PageModel page, string message, string url)
    {
        page.TempData[SuccessKey] = message;
        return new RedirectResult(url);
    }

    /// <summary>All locations, region by region, in the user's language.</summary>
    public static async Task<IReadOnlyList<Choice>> LocationChoicesAsync(ClientDeskDb db, CancellationToken ct) =>
        (await db.Locations.AsNoTracking().OrderBy(l => l.RegionId).ThenBy(l => l.NameLv)
            .Select(l => new { l.Id, l.NameLv, l.NameEn, l.IsActive }).ToListAsync(ct))
        .Select(l => new Choice(l.Id, Localization.Pick(l.NameLv, l.NameEn), l.IsActive))
        .ToList();

    /// <summary>
    /// Makes a loaded many-to-many list (a service's locations, a member's competences) hold exactly the chosen rows:
    /// drops the ones no longer chosen and loads and adds the new ones.
    /// </summary>
    public static async Task SetChosenAsync<T>(this ClientDeskDb db, List<T> list, IEnumerable<int> chosenIds, Func<T, int> id, CancellationToken ct)
        where T : class
    {
        var chosen = chosenIds.ToHashSet();
        list.RemoveAll(item => !chosen.Contains(id(item)));
        var missing = chosen.Except(list.Select(id)).ToList();
        list.AddRange(await db.Set<T>().Where(item => missing.Contains(EF.Property<int>(item, "Id"))).ToListAsync(ct));
    }

    /// <summary>True when the database refused a row because a unique index (slug, code, name) already holds the value.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067 || sqlite.SqliteExtendedErrorCode == 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Reads a decimal typed with either a comma (Latvian) or a point, and a minus sign as ICU writes it (−) or as
    /// typed (-). Empty is null; anything else that is not a
    /// number is false.
    /// </summary>
    public static bool TryParseNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var normalized = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.').Replace('\u2212', '-');
        if (decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>In the user's way of writing (12,5 in Latvian, 12.5 in English); <see cref="TryParseNumber"/> reads both.</summary>
    public static string FormatNumber(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "";

    public static string FormatNumber(double? value) => value?.ToString("0.######", CultureInfo.CurrentCulture) ?? "";

    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;

    public static string ChannelText(this IStringLocalizer<AdministrationTexts> a, Channels channel) => a["Channel." + channel];

    public static string PremisesText(this IStringLocalizer<AdministrationTexts> a, Premises premises) => a["Premises." + premises];

    /// <summary>A role's name in the user's language, from the texts the staff pages use too.</summary>
    public static string RoleText(this IStringLocalizer<AccessTexts> access, string role) =>
        Roles.All.Contains(role) ? access["Role." + role] : role;

    /// <summary>Lines of a textarea, trimmed, without empty ones, joined with \n as the model stores documents.</summary>
    public static string Lines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A location or service offered as a checkbox; inactive ones are marked.</summary>
public sealed record Choice(int Id, string Name, bool IsActive);
