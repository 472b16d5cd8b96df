namespace ClientDesk.Queue;

internal static class QueueSetup
{
    public static IServiceCollection AddQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueueOptions>(configuration.GetSection("Queue"));
        services.AddSingleton<InProcessQueueEvents>();
        services.AddSingleton<IQueueEvents>(sp => sp.GetRequiredService<InProcessQueueEvents>());
        services.AddScoped<Tickets>();
        services.AddScoped<QueueDesk>();
        services.AddScoped<QueueState>();
        services.AddScoped<Remote.RemoteTicketNotice>();
        return services;
    }
}
