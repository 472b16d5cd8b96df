using ClientDesk.Data;

namespace ClientDesk.Queue.Live;

internal static class LiveSetup
{
    /// <summary>
    /// The live queue: on PostgreSQL changes travel through LISTEN/NOTIFY so that every instance's displays hear them
    /// (issue 5, item 6); on SQLite (one instance) the in-process events feed the broadcaster directly.
    /// </summary>
    public static IServiceCollection AddQueueLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LobbyBroadcaster>();
        services.AddScoped<TurnNearNotices>();
        services.AddScoped<EndOfDay>();
        services.AddHostedService<EndOfDayService>();
        if (configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<QueueNotifyConnection>();
            services.AddSingleton<IQueueEvents, PostgresQueueEvents>();
            services.AddSingleton<QueueChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<QueueChangeListener>());
        }
        else
        {
            services.AddSingleton<IQueueEvents>(sp =>
            {
                var events = sp.GetRequiredService<InProcessQueueEvents>();
                var broadcaster = sp.GetRequiredService<LobbyBroadcaster>();
                events.Changed += broadcaster.Changed;
                return events;
            });
        }

        return services;
    }
}
