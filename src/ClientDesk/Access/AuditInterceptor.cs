using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientDesk.Access;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every row a signed-in staff member adds, changes or deletes (C-1),
/// in the same transaction as the change itself, so the trail can never miss a saved change.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Recorded as changed, never with their values.</summary>
    private static readonly HashSet<string> SecretProperties = ["PasswordHash", "Value", "KeyHash"];

    /// <summary>Bookkeeping columns that change with every save; they say nothing a reader of the trail needs.</summary>
    private static readonly HashSet<string> IgnoredProperties =
        ["SecurityStamp", "ConcurrencyStamp", "Version", "NormalizedUserName", "NormalizedEmail", "NormalizedName"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void AddEntries(DbContext? db)
    {
        var user = http.HttpContext?.User;
        if (db is null || user?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var staffId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var staffName = user.FindFirstValue(StaffClaims.FullName) ?? user.Identity.Name ?? "?";
        var at = clock.GetUtcNow().UtcDateTime;

        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not (AuditEntry or Calendar.CalendarChange or Notifications.OutboxMessage or IdempotencyRecord or Booking.Seat) && e.Metadata.ClrType.Name != "DataProtectionKey")
            .ToList();

        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            db.Add(new AuditEntry
            {
                AtUtc = at,
                StaffId = staffId,
                StaffName = staffName,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.DisplayName(),
                EntityKey = Key(entry),
                Changes = JsonSerializer.Serialize(changes),
            });
        }
    }

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        // A database-generated key is not known before the save; the entity's natural identifier stands in.
        var values = key.Properties.Select(p => entry.Property(p.Name))
            .Select(p => p.IsTemporary ? null : p.CurrentValue?.ToString());
        return string.Join("/", values.Select(v => v ?? NaturalKey(entry)));
    }

    private static string NaturalKey(EntityEntry entry)
    {
        foreach (var name in new[] { "Slug", "Code", "Reference", "UserName", "NameLv" })
        {
            if (entry.Metadata.FindProperty(name) is not null)
            {
                return entry.Property(name).CurrentValue?.ToString() ?? "new";
            }
        }

        return "new";
    }

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredProperties.Contains(name))
            {
                continue;
            }

            // Clients' personal data (L-5) would outlive its retention period in the trail, so only the fact of a change
            // is kept. Staff accounts are the trail's own subject (C-1): who was added or changed stays readable.
            var secret = SecretProperties.Contains(name)
                || (entry.Entity is not StaffMember
                    && property.Metadata.PropertyInfo?.IsDefined(typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute), inherit: false) == true);
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null && !property.IsTemporary:
                    changes[name] = [null, secret ? "***" : property.CurrentValue];
                    break;
                case EntityState.Deleted:
                    changes[name] = [secret ? "***" : property.OriginalValue, null];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = secret ? ["***", "***"] : [property.OriginalValue, property.CurrentValue];
                    break;
                default:
                    break;
            }
        }

        return changes;
    }
}
