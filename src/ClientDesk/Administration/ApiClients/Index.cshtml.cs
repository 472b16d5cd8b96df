using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.ApiClients;

/// <summary>
/// The machine clients of the API: the list, and issuing a key. The key is shown once, on the page the issue
/// redirects to (read once from TempData); only its hash is stored.
/// </summary>
public sealed class IndexModel(ClientDeskDb db, IStringLocalizer<ApiClientTexts> k, TimeProvider clock) : PageModel
{
    public const int NameMaxLength = 100;
    private const string IssuedKeyKey = "ApiClients.IssuedKey";

    public sealed record Row(int Id, string Name, string KeyPrefix, DateTime CreatedAtUtc, DateTime? RevokedAtUtc);

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? IssuedKey { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IssuedKey = TempData[IssuedKeyKey] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), k["NameRequired"]);
        }
        else if (name.Length > NameMaxLength)
        {
            ModelState.AddModelError(nameof(Name), k["NameTooLong", NameMaxLength]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var key = ApiKeys.NewKey();
        db.ApiClients.Add(new ApiClient
        {
            Name = name,
            KeyPrefix = key[..ApiKeys.PrefixLength],
            KeyHash = ApiKeys.Hash(key),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData[IssuedKeyKey] = key;
        return this.Saved(k["Issued", name], "/admin/api-clients");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.ApiClients.AsNoTracking()
            .OrderBy(c => c.RevokedAtUtc != null).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.Name, c.KeyPrefix, c.CreatedAtUtc, c.RevokedAtUtc))
            .ToListAsync(ct);
}
