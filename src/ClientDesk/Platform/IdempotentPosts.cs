using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Administration;
using ClientDesk.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.Platform;

/// <summary>
/// One answer per caller and <c>Idempotency-Key</c> for the API's creating POSTs (a booking, an on-site request, a case).
/// The key's record and what the POST creates commit in one transaction. A retry with the same key, at once or later,
/// waits on the unique (caller, key) index, then finds the first answer and replays it; the same key with another body
/// is a 422. Answers are stored encrypted, because they carry secrets such as a manage token.
/// </summary>
public sealed class IdempotentPosts(ClientDeskDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int KeyMaxLength = 200;

    public static bool IsWellFormed(string? key) => !string.IsNullOrWhiteSpace(key) && key.Length <= KeyMaxLength;

    /// <summary>Whose keys these are: the API client, or an anonymous caller by a hash of its address (no address is stored).</summary>
    public static string CallerId(ApiCaller caller, HttpContext http) =>
        caller.ClientId is { } id
            ? "client:" + id.ToString(CultureInfo.InvariantCulture)
            : "anonymous:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(http.Connection.RemoteIpAddress?.ToString() ?? "unknown")))[..32];

    /// <summary>
    /// Runs <paramref name="create"/> once for this caller and key, in a transaction with the key's record, and answers
    /// with what it returned; a repeat gets the stored answer. <paramref name="scope"/> keeps the keys of one kind of POST
    /// apart from another's; <paramref name="locationOf"/> reads a 201's Location from its body.
    /// </summary>
    public async Task<IResult> OnceAsync<TBody>(
        string scope, string callerId, string key, TBody body, JsonSerializerOptions json,
        Func<CancellationToken, Task<(int Status, string Json)>> create, Func<JsonElement, string?> locationOf, CancellationToken ct)
    {
        var caller = $"{scope}:{callerId}";
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, json)));
        var protector = protection.CreateProtector("ClientDesk.Idempotency." + scope);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = new IdempotencyRecord
        {
            Caller = caller,
            Key = key,
            RequestHash = requestHash,
            ResponseBody = "",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.IdempotencyRecords.Add(record);
        // A failure here rolls the whole transaction back, so the savepoint EF would set around this save (two more
        // round trips) buys nothing. The creating code's own saves keep theirs.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await ReplayAsync(caller, key, requestHash, protector, locationOf, ct)
                ?? Problem(StatusCodes.Status409Conflict, "Request in progress", $"A request with this {Header} is still being handled; retry in a moment.", "inProgress");
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }

        var (status, answer) = await create(ct);
        await db.IdempotencyRecords.Where(r => r.Id == record.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.ResponseBody, protector.Protect(answer)), ct);
        await transaction.CommitAsync(ct);
        return new StoredAnswer(status, answer, locationOf);
    }

    /// <summary>The stored answer for this caller's key: replayed for the same body, 422 for another; null when there is none yet.</summary>
    private async Task<IResult?> ReplayAsync(
        string caller, string key, string requestHash, IDataProtector protector, Func<JsonElement, string?> locationOf, CancellationToken ct)
    {
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.Caller == caller && r.Key == key)
            .Select(r => new { r.RequestHash, r.StatusCode, r.ResponseBody })
            .FirstOrDefaultAsync(ct);
        if (stored is null || stored.ResponseBody.Length == 0)
        {
            return null;
        }

        if (stored.RequestHash != requestHash)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, $"{Header} reused",
                $"This {Header} was already used with a different body. Use a new key for a new request.", "idempotencyKeyReused");
        }

        return new StoredAnswer(stored.StatusCode, protector.Unprotect(stored.ResponseBody), locationOf);
    }

    /// <summary>An answer written as it was first written; a 201 gets its Location header again.</summary>
    private sealed class StoredAnswer(int status, string json, Func<JsonElement, string?> locationOf) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (status == StatusCodes.Status201Created && locationOf(JsonDocument.Parse(json).RootElement) is { } location)
            {
                http.Response.Headers.Location = location;
            }

            http.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
            await http.Response.WriteAsync(json, http.RequestAborted);
        }
    }
}
