using System.Security.Cryptography;
using System.Text;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Access;

/// <summary>Who calls the API: a machine client known by its key, or an anonymous caller (the public web's rules).</summary>
public sealed record ApiCaller(int? ClientId, string? Name)
{
    public static ApiCaller Anonymous { get; } = new(null, null);

    public bool IsClient => ClientId is not null;
}

/// <summary>
/// Issues and checks the keys of machine clients (<see cref="ApiClient"/>). A key is <c>cdk_</c> and 32 random
/// URL-safe characters; only its SHA-256 is stored, and its first 8 characters to tell keys apart.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    public const int PrefixLength = 8;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A new key; the caller stores <see cref="Hash"/> and shows the key once.</summary>
    public static string NewKey() =>
        "cdk_" + string.Create(32, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Only something shaped like a key is looked up; anything else is refused without a query.</summary>
    public static bool LooksLikeKey(string? key) =>
        key is { Length: 36 } && key.StartsWith("cdk_", StringComparison.Ordinal) && key.AsSpan(4).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>
    /// The caller of a request: anonymous without the header, the client for a valid key, null for a key that is
    /// unknown, malformed or revoked (the endpoint answers 401 then, never falling back to anonymous).
    /// </summary>
    public static async Task<ApiCaller?> CallerAsync(string? key, ClientDeskDb db, CancellationToken ct)
    {
        if (key is null)
        {
            return ApiCaller.Anonymous;
        }

        if (!LooksLikeKey(key))
        {
            return null;
        }

        var hash = Hash(key);
        var client = await db.ApiClients.AsNoTracking()
            .Where(c => c.KeyHash == hash && c.RevokedAtUtc == null)
            .Select(c => new { c.Id, c.Name })
            .FirstOrDefaultAsync(ct);
        return client is null ? null : new ApiCaller(client.Id, client.Name);
    }
}
