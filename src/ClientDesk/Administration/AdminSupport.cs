using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration;

/// <summary>What the administration pages share: the success message, unique-violation detection, number parsing, names.</summary>
internal static class AdminSupport
{
    public const string SuccessKey = "Administration.Success";
    public const string FailureKey = "Administration.Failure";

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

    public static string RoleText(this IStringLocalizer<AdministrationTexts> a, string role) =>
        Roles.All.Contains(role) ? a["Role." + role] : role;

    /// <summary>Lines of a textarea, trimmed, without empty ones, joined with \n as the model stores documents.</summary>
    public static string Lines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
