using ClientDesk.Access;
using ClientDesk.Data;

namespace ClientDesk.Reception;

internal static class ReceptionSetup
{
    public static IServiceCollection AddReception(this IServiceCollection services)
    {
        services.AddScoped<Receptions>();
        services.AddScoped<ReceptionNotices>();
        services.AddScoped<ReceptionAccess>();
        services.AddScoped<ReceptionForm>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReceptionAccess.Policy, p => p.RequireRole(ReceptionAccess.Roles));
        services.AddHostedService<ReceptionOfficialsStartup>();
        return services;
    }
}

/// <summary>Adds the officials V-1 and V-2 name when the database has none (after the reference data is loaded).</summary>
internal sealed class ReceptionOfficialsStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Receptions.EnsureOfficialsAsync(scope.ServiceProvider.GetRequiredService<ClientDeskDb>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
