using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Access;

/// <summary>
/// A machine client of the API (the e-service portal, another state system), known by a key it sends in the
/// <c>X-Api-Key</c> header. Only the key's SHA-256 is stored; an administrator sees the key once, when issuing it.
/// </summary>
public sealed class ApiClient
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The key's first characters, to tell keys apart in lists and logs.</summary>
    public required string KeyPrefix { get; set; }
    public required string KeyHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// The first answer to a POST sent with an <c>Idempotency-Key</c>: the same key and body replays it, the same key
/// with another body is refused. Unique per caller and key, so two simultaneous retries store one answer.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    /// <summary>The API client, or for an anonymous caller a hash of nothing more than the key itself.</summary>
    public required string Caller { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> client)
    {
        client.Property(c => c.Name).HasMaxLength(100);
        client.Property(c => c.KeyPrefix).HasMaxLength(12);
        client.Property(c => c.KeyHash).HasMaxLength(64);
        client.HasIndex(c => c.KeyHash).IsUnique();
        client.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.Property(r => r.Caller).HasMaxLength(64);
        record.Property(r => r.Key).HasMaxLength(200);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.Property(r => r.ResponseBody).HasMaxLength(20000);
        record.HasIndex(r => new { r.Caller, r.Key }).IsUnique();
        record.HasIndex(r => r.CreatedAtUtc);
    }
}
