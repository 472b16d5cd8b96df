using ClientDesk.Queue.Live;

namespace ClientDesk.Queue;

internal static class QueueSetup
{
    public static IServiceCollection AddQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueueOptions>(configuration.GetSection("Queue"));
        services.AddSingleton<InProcessQueueEvents>();
        services.AddQueueLive(configuration);
        services.AddScoped<Tickets>();
        services.AddScoped<QueueDesk>();
        services.AddScoped<QueueState>();
        services.AddScoped<Remote.RemoteTicketNotice>();
        return services;
    }
}
