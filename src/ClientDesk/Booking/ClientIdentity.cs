using System.Globalization;
using System.Net.Mail;

namespace ClientDesk.Booking;

/// <summary>
/// Checks and normalises what identifies a client (L-7): a Latvian personal code in either form, a company
/// registration number, a phone number and an e-mail address. Each returns the stored form, or null when invalid.
/// </summary>
public static class ClientIdentity
{
    private static readonly int[] PersonalCodeWeights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly int[] CompanyWeights = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];

    /// <summary>
    /// The personal code as <c>DDMMYY-CNNNX</c>. The old form (until July 2017) carries a real birth date with its
    /// century digit and a check digit (1101 − Σ weights) mod 11; the new form starts with 3 and a second digit
    /// 2–9 and has no public check, so only its shape is checked (vtua-domain.md §5).
    /// </summary>
    public static string? PersonalCode(string? input, DateOnly today)
    {
        var digits = Digits(input, allowed: " -");
        if (digits is not { Length: 11 })
        {
            return null;
        }

        var formatted = string.Concat(digits.AsSpan(0, 6), "-", digits.AsSpan(6));
        if (digits[0] == '3' && digits[1] is >= '2' and <= '9')
        {
            return formatted;
        }

        var century = digits[6] switch { '0' => 1800, '1' => 1900, '2' => 2000, _ => -1 };
        if (century < 0
            || !DateOnly.TryParseExact($"{digits[..4]}{century + int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture):0000}", "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born > today)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (digits[i] - '0') * PersonalCodeWeights[i];
        }

        var check = ((1101 - sum) % 11 + 11) % 11;
        return check == digits[10] - '0' ? formatted : null;
    }

    /// <summary>A legal entity's registration number: 11 digits, the first above 3, weighted sum mod 11 equal to 3.</summary>
    public static string? CompanyNumber(string? input)
    {
        var text = input?.Trim();
        if (text is not null && text.StartsWith("LV", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        var digits = Digits(text, allowed: " ");
        if (digits is not { Length: 11 } || digits[0] <= '3')
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += (digits[i] - '0') * CompanyWeights[i];
        }

        return sum % 11 == 3 ? digits : null;
    }

    /// <summary>
    /// A phone number for calls and SMS: a Latvian number of 8 digits (with or without +371), or an international
    /// one starting with + and 8–15 digits. Stored without spaces, Latvian numbers without the country code.
    /// </summary>
    public static string? Phone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var trimmed = input.Trim();
        var plus = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        var digits = Digits(plus && trimmed.StartsWith('+') ? trimmed[1..] : trimmed, allowed: " -()");
        if (digits is null)
        {
            return null;
        }

        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (plus && digits.StartsWith("371", StringComparison.Ordinal))
        {
            digits = digits[3..];
            plus = false;
        }

        if (!plus)
        {
            return digits.Length == 8 && digits[0] is '2' or '6' or '8' or '9' ? digits : null;
        }

        return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
    }

    /// <summary>An e-mail address in its stored form (trimmed, lower case), or null when it is not one.</summary>
    public static string? Email(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var trimmed = input.Trim();
        if (trimmed.Length > 254 || trimmed.Contains(' ', StringComparison.Ordinal) || !MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal) || address.Host.EndsWith('.'))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    private static string? Digits(string? input, string allowed)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!allowed.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return digits.Length == 0 ? null : digits.ToString();
    }
}
