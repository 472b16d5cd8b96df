using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Home;

/// <summary>"What do you need?" — the client picks a situation and is led to the service and the ways to get it.</summary>
public sealed class HomeModel(ClientDeskDb db) : PageModel
{
    public IReadOnlyList<NeedView> Needs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var codes = Home.Needs.All.SelectMany(n => n.ServiceCodes).Distinct().ToList();
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive && codes.Contains(s.Code))
            .Select(s => new ServiceLink(s.Code, s.NameLv, s.NameEn, s.OnSite))
            .ToDictionaryAsync(s => s.Code, ct);

        Needs = Home.Needs.All
            .Select(n => new NeedView(n.TextKey, n.HintKey, n.ServiceCodes.Where(services.ContainsKey).Select(c => services[c]).ToList()))
            .Where(n => n.Services.Count > 0)
            .ToList();
    }

    public sealed record NeedView(string TextKey, string? HintKey, IReadOnlyList<ServiceLink> Services);

    public sealed record ServiceLink(string Code, string NameLv, string NameEn, bool OnSite);
}
