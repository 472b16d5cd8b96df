using ClientDesk.OnSite.Requests;

namespace ClientDesk.OnSite;

/// <summary>On-site visits (issue 7, ADR 012): the services and the API endpoints of requests, rounds and the schedule.</summary>
internal static class OnSiteSetup
{
    public static IServiceCollection AddOnSite(this IServiceCollection services)
    {
        services.AddScoped<OnSiteRequests>();
        return services;
    }

    public static RouteGroupBuilder MapOnSiteApi(this RouteGroupBuilder api)
    {
        api.MapOnSiteRequestApi();
        return api;
    }
}
