using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.Services;

/// <summary>The public catalogue: every active service, grouped the way a client looks for it.</summary>
public sealed class ServicesModel(ClientDeskDb db) : PageModel
{
    public IReadOnlyList<ServiceGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive)
            .Select(s => new ServiceCard(s.Code, s.NameLv, s.NameEn, s.DescriptionLv, s.DescriptionEn, s.OnSite))
            .ToListAsync(ct);

        var groupOrder = ServiceGroups.All.Select(g => g.TextKey).Append(ServiceGroups.Other).ToList();
        Groups = services
            .GroupBy(s => ServiceGroups.GroupOf(s.Code))
            .OrderBy(g => groupOrder.IndexOf(g.Key))
            .Select(g => new ServiceGroup(g.Key, g.OrderBy(s => ServiceGroups.OrderOf(s.Code)).ThenBy(s => s.NameLv, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public sealed record ServiceGroup(string TextKey, IReadOnlyList<ServiceCard> Services);

    public sealed record ServiceCard(string Code, string NameLv, string NameEn, string DescriptionLv, string DescriptionEn, bool OnSite);
}
