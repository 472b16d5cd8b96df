using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.Contacts;

/// <summary>The ways to reach the agency, CH-1 … CH-7, in the order the administrators give them.</summary>
public sealed class ContactsModel(ClientDeskDb db) : PageModel
{
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Channels = await db.ContactChannels.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Code)
            .Select(c => new ChannelView(c.Code, c.NameLv, c.NameEn, c.Phone, c.Email, c.PostalAddress, c.Url, c.HoursLv, c.HoursEn, c.DescriptionLv, c.DescriptionEn))
            .ToListAsync(ct);

    public sealed record ChannelView(
        string Code, string NameLv, string NameEn, string? Phone, string? Email, string? PostalAddress, string? Url,
        string HoursLv, string HoursEn, string DescriptionLv, string DescriptionEn)
    {
        /// <summary>Only web addresses are links; anything else an administrator typed is shown as text.</summary>
        public bool UrlIsLink => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
