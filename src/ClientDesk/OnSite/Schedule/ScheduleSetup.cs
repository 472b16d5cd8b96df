using ClientDesk.Access;

namespace ClientDesk.OnSite.Schedule;

/// <summary>The mobile inspection schedule (issue 7 point 3): its services, staff policy and API.</summary>
internal static class ScheduleSetup
{
    public static IServiceCollection AddInspectionSchedule(this IServiceCollection services)
    {
        services.AddScoped<InspectionSchedule>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.InspectionSchedule, p => p.RequireRole(Roles.Administrator, Roles.RegionalHead, Roles.Inspector));
        return services;
    }
}
