using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Administration;
using ClientDesk.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Notifications;

/// <summary>
/// The outbox for administrators (ADR 009): how many messages are in each state, and every message that failed or is
/// waiting to be retried, with its last error; a failed one can be sent again.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class OutboxModel(ClientDeskDb db, IStringLocalizer<NotificationTexts> t, TimeProvider clock) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(long Id, DateTime CreatedLocal, string Kind, MessageChannel Channel, string Recipient, OutboxStatus Status,
        int Attempts, string? LastError, DateTime? NextAttemptLocal);

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public int Retrying { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = (await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => g.Key, g => g.Count);
        var attention = db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0));
        Total = await attention.CountAsync(ct);
        Retrying = await attention.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        Rows = (await attention.OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : 1).ThenByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
                .Take(Shown)
                .Select(m => new { m.Id, m.CreatedAtUtc, m.Kind, m.Channel, m.Recipient, m.Status, m.Attempts, m.LastError, m.NextAttemptAtUtc })
                .ToListAsync(ct))
            .Select(m => new Row(m.Id, Platform.RigaTime.ToLocal(m.CreatedAtUtc), m.Kind, m.Channel, m.Recipient, m.Status, m.Attempts, m.LastError,
                m.NextAttemptAtUtc is { } next ? Platform.RigaTime.ToLocal(next) : null))
            .ToList();
    }

    /// <summary>A failed message gets a new round of attempts, at once; the decision is in the audit trail.</summary>
    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.Status != OutboxStatus.Failed)
        {
            TempData[AdminSupport.FailureKey] = t["Outbox.NotFailed"].Value;
            return RedirectToPage();
        }

        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAtUtc = null;
        message.ClaimedBy = null;
        message.ClaimedUntilUtc = null;

        // The interceptor leaves outbox rows out of the trail (they hold the message text); this decision is written here.
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            StaffId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            StaffName = User.FindFirst(StaffClaims.FullName)?.Value ?? User.Identity?.Name ?? "?",
            Action = "Modified",
            EntityType = nameof(OutboxMessage),
            EntityKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Changes = JsonSerializer.Serialize(new Dictionary<string, string[]> { ["Status"] = [nameof(OutboxStatus.Failed), nameof(OutboxStatus.Pending)] }),
        });
        await db.SaveChangesAsync(ct);
        TempData[AdminSupport.SuccessKey] = t["Outbox.Resent"].Value;
        return RedirectToPage();
    }

    public string KindText(string kind) => t["Kind." + kind] is { ResourceNotFound: false } text ? text.Value : kind;

    public int Count(OutboxStatus status) => Counts.GetValueOrDefault(status);
}
