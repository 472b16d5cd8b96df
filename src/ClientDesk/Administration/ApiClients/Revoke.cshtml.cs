using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.ApiClients;

/// <summary>Revoking a key asks first; the row stays (with when it was revoked) so the audit trail and the list keep it.</summary>
public sealed class RevokeModel(ClientDeskDb db, IStringLocalizer<ApiClientTexts> k, IStringLocalizer<SharedTexts> t, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public string ClientName { get; private set; } = "";

    public string KeyPrefix { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } client)
        {
            return NotFound();
        }

        if (client.RevokedAtUtc is not null)
        {
            TempData[AdminSupport.FailureKey] = k["AlreadyRevoked"].Value;
            return Redirect("/admin/api-clients");
        }

        (ClientName, KeyPrefix, Version) = (client.Name, client.KeyPrefix, client.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.ApiClients.FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } client)
        {
            return NotFound();
        }

        (ClientName, KeyPrefix) = (client.Name, client.KeyPrefix);
        if (client.RevokedAtUtc is not null)
        {
            TempData[AdminSupport.FailureKey] = k["AlreadyRevoked"].Value;
            return Redirect("/admin/api-clients");
        }

        db.Entry(client).Property(c => c.Version).OriginalValue = Version;
        client.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        client.Version = Guid.NewGuid();
        if (await this.TrySaveAsync(db, t, "", t["ConcurrencyFailure"], ct))
        {
            return this.Saved(k["RevokedDone", client.Name], "/admin/api-clients");
        }

        return Page();
    }
}
