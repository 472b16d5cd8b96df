using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ClientDesk.Platform;

/// <summary>
/// The secret in a link a client is sent (manage a booking, follow a ticket, see a case, answer a survey). Only its hash
/// is stored, so a leaked database opens no one's link, and a message can carry a link only by issuing a new secret.
/// </summary>
public static class SecretLinks
{
    /// <summary>Longer input is no secret of ours and is not hashed.</summary>
    private const int MaxTokenLength = 100;

    /// <summary>256 random bits, URL-safe, 43 characters.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a secret (also used for other values kept only as a hash, such as an opted-out e-mail).</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>The hash to look a link up by, or false when what was typed or pasted cannot be one of our secrets.</summary>
    public static bool TryHash([NotNullWhen(true)] string? token, [NotNullWhen(true)] out string? hash)
    {
        hash = string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength ? null : Hash(token.Trim());
        return hash is not null;
    }

    /// <summary>Whether <paramref name="token"/> opens the link whose hash is stored, compared in constant time.</summary>
    public static bool Opens(string storedHash, string? token) =>
        TryHash(token, out var hash) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(hash));
}
