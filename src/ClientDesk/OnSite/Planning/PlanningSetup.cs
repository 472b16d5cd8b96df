namespace ClientDesk.OnSite.Planning;

internal static class PlanningSetup
{
    /// <summary>Inspectors' rounds: planning, the clients' notices and outcomes on the road (ADR 012).</summary>
    public static IServiceCollection AddOnSitePlanning(this IServiceCollection services)
    {
        services.AddScoped<Rounds>();
        services.AddScoped<RoundNotices>();
        return services;
    }
}
