using ClientDesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Catalogue;

/// <summary>The catalogue for machines: GET /api/v1/locations, /locations/{slug}, /services, /services/{code}.</summary>
internal static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this RouteGroupBuilder api)
    {
        api.MapGet("/locations", GetLocations).WithName("GetLocations").WithTags("Catalogue")
            .WithSummary("All active locations.");
        api.MapGet("/locations/{slug}", GetLocation).WithName("GetLocation").WithTags("Catalogue")
            .WithSummary("One location by its slug, such as 'valmiera'.");
        api.MapGet("/services", GetServices).WithName("GetServices").WithTags("Catalogue")
            .WithSummary("All active services, with their channels, fees and locations.");
        api.MapGet("/services/{code}", GetService).WithName("GetService").WithTags("Catalogue")
            .WithSummary("One service by its code, such as 'technical-inspection'.");
        return api;
    }

    /// <summary>A location as the API shows it; names in Latvian and English, the unsourced facts null.</summary>
    public sealed record LocationResource(
        string Slug, string Name, string NameEn, string Region, string Premises, string? Address, string? Room, string? Phone,
        string? Email, double? Latitude, double? Longitude, bool HeadOffice, bool NeedsReview, IReadOnlyList<string> Services);

    public sealed record FeeResource(string Name, string NameEn, decimal? AmountEur, decimal? VatPercent, string Note);

    public sealed record ServiceResource(
        string Code, string Name, string NameEn, string Description, string DescriptionEn, int? DurationMinutes,
        IReadOnlyList<string> RequestChannels, IReadOnlyList<string> ReceiveChannels, bool OnSite,
        IReadOnlyList<string> Documents, string Term, IReadOnlyList<FeeResource> Fees, IReadOnlyList<string> Locations);

    private static async Task<Ok<List<LocationResource>>> GetLocations(ClientDeskDb db, CancellationToken ct) =>
        TypedResults.Ok(await LocationQuery(db.Locations).ToListAsync(ct));

    private static async Task<Results<Ok<LocationResource>, ProblemHttpResult>> GetLocation(string slug, ClientDeskDb db, CancellationToken ct) =>
        await LocationQuery(db.Locations.Where(l => l.Slug == slug)).FirstOrDefaultAsync(ct) is { } location
            ? TypedResults.Ok(location)
            : NotFound($"There is no location '{slug}'.");

    private static async Task<Ok<List<ServiceResource>>> GetServices(ClientDeskDb db, CancellationToken ct) =>
        TypedResults.Ok((await ServiceQuery(db.Services).ToListAsync(ct)).Select(ToResource).ToList());

    private static async Task<Results<Ok<ServiceResource>, ProblemHttpResult>> GetService(string code, ClientDeskDb db, CancellationToken ct) =>
        await ServiceQuery(db.Services.Where(s => s.Code == code)).FirstOrDefaultAsync(ct) is { } service
            ? TypedResults.Ok(ToResource(service))
            : NotFound($"There is no service '{code}'.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static IQueryable<LocationResource> LocationQuery(IQueryable<Location> locations) =>
        locations.AsNoTracking()
            .Where(l => l.IsActive)
            .OrderBy(l => l.Region.Slug).ThenBy(l => l.NameLv)
            .Select(l => new LocationResource(
                l.Slug, l.NameLv, l.NameEn, l.Region.Slug, PremisesName(l.Premises), l.Address, l.Room, l.Phone, l.Email,
                l.Latitude, l.Longitude, l.IsHeadOffice, l.NeedsReview,
                l.Services.Where(s => s.IsActive).OrderBy(s => s.Code).Select(s => s.Code).ToList()));

    /// <summary>The columns the API shows, read in one query per collection (services, fees, location slugs).</summary>
    private sealed record ServiceRow(
        string Code, string NameLv, string NameEn, string DescriptionLv, string DescriptionEn, int? DurationMinutes,
        Channels RequestChannels, Channels ReceiveChannels, bool OnSite, string DocumentsLv, string TermLv,
        List<FeeResource> Fees, List<string> Locations);

    private static IQueryable<ServiceRow> ServiceQuery(IQueryable<Service> services) =>
        services.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Code)
            .Select(s => new ServiceRow(
                s.Code, s.NameLv, s.NameEn, s.DescriptionLv, s.DescriptionEn, s.DurationMinutes,
                s.RequestChannels, s.ReceiveChannels, s.OnSite, s.DocumentsLv, s.TermLv,
                s.Fees.OrderBy(f => f.Position).Select(f => new FeeResource(f.NameLv, f.NameEn, f.AmountEur, f.VatPercent, f.NoteLv)).ToList(),
                s.Locations.Where(l => l.IsActive).OrderBy(l => l.Slug).Select(l => l.Slug).ToList()))
            .AsSplitQuery();

    private static ServiceResource ToResource(ServiceRow s) => new(
        s.Code, s.NameLv, s.NameEn, s.DescriptionLv, s.DescriptionEn, s.DurationMinutes,
        s.RequestChannels.Each().Select(c => c.Name()).ToList(),
        s.ReceiveChannels.Each().Select(c => c.Name()).ToList(),
        s.OnSite,
        s.DocumentsLv.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        s.TermLv,
        s.Fees,
        s.Locations);

    public static string PremisesName(Premises premises) => premises switch
    {
        Premises.AgencyOffice => "agencyOffice",
        Premises.UnifiedClientServiceCentre => "unifiedClientServiceCentre",
        Premises.MunicipalPremises => "municipalPremises",
        _ => premises.ToString(),
    };
}
