using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ClientDesk.Tests.Access;

/// <summary>
/// RFC 6238 codes as an authenticator app makes them: base32 key, HMAC-SHA1, 30-second steps, 6 digits.
/// Identity checks authenticator codes against the real clock (not the app's TimeProvider), so tests use the real one too.
/// </summary>
internal static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key) => Code(base32Key, TimeProvider.System.GetUtcNow());

    public static string Code(string base32Key, DateTimeOffset time) => CodeAtStep(base32Key, time.ToUnixTimeSeconds() / 30);

    /// <summary>A six-digit code that is valid at none of the steps Identity accepts around now.</summary>
    public static string WrongCode(string base32Key)
    {
        var step = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30;
        var valid = Enumerable.Range(-3, 7).Select(i => CodeAtStep(base32Key, step + i)).ToHashSet();
        var candidate = 123456;
        while (valid.Contains(candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
        {
            candidate++;
        }

        return candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string CodeAtStep(string base32Key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
