using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue.Services;

/// <summary>One service for the public: what it is, what to bring, what it costs, how to ask for it and where (S-1, S-6).</summary>
public sealed class ServiceModel(ClientDeskDb db) : PageModel
{
    public ServiceView Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking()
            .Where(s => s.Code == code && s.IsActive)
            .AsSplitQuery()
            .Select(s => new ServiceView(
                s.Code, s.NameLv, s.NameEn, s.DescriptionLv, s.DescriptionEn, s.DurationMinutes, s.RequestChannels, s.ReceiveChannels,
                s.OnSite, s.DocumentsLv, s.DocumentsEn, s.TermLv, s.TermEn,
                s.Fees.OrderBy(f => f.Position).Select(f => new FeeView(f.NameLv, f.NameEn, f.AmountEur, f.VatPercent, f.NoteLv, f.NoteEn)).ToList(),
                s.Locations.Where(l => l.IsActive).OrderBy(l => l.NameLv).Select(l => new LocationLink(l.Slug, l.NameLv, l.NameEn)).ToList()))
            .FirstOrDefaultAsync(ct);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        return Page();
    }

    public sealed record ServiceView(
        string Code, string NameLv, string NameEn, string DescriptionLv, string DescriptionEn, int? DurationMinutes,
        Channels RequestChannels, Channels ReceiveChannels, bool OnSite, string DocumentsLv, string DocumentsEn, string TermLv,
        string TermEn, List<FeeView> Fees, List<LocationLink> Locations)
    {
        public IReadOnlyList<string> Documents =>
            Platform.Localization.Pick(DocumentsLv, DocumentsEn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed record FeeView(string NameLv, string NameEn, decimal? AmountEur, decimal? VatPercent, string NoteLv, string NoteEn)
    {
        /// <summary>The amount a client pays, rounded to the cent; unknown while the amount or the VAT rate is.</summary>
        public decimal? WithVat => AmountEur is { } amount && VatPercent is { } vat
            ? Math.Round(amount * (100 + vat) / 100, 2, MidpointRounding.AwayFromZero)
            : null;
    }

    public sealed record LocationLink(string Slug, string NameLv, string NameEn);
}
