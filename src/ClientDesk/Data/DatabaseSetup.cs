using ClientDesk.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientDesk.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

internal static class DatabaseSetup
{
    /// <summary>
    /// Database:Provider selects the engine (Sqlite by default, PostgreSql in production);
    /// ConnectionStrings:ClientDesk the database. Without one, SQLite uses data/clientdesk.db.
    /// </summary>
    public static IServiceCollection AddClientDeskDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("ClientDesk") is { Length: > 0 } configured ? configured : null;

        // Contexts are pooled and their options built once, not for every request: the interceptors and the context hold
        // no per-request state (the audit interceptor reads the signed-in user from the request when it saves).
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Calendar.CalendarChangeInterceptor>();
        services.AddSingleton<Notifications.OutboxWakeInterceptor>();
        static IInterceptor[] Interceptors(IServiceProvider sp) =>
        [
            sp.GetRequiredService<AuditInterceptor>(),
            sp.GetRequiredService<Calendar.CalendarChangeInterceptor>(),
            sp.GetRequiredService<Notifications.OutboxWakeInterceptor>(),
        ];

        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is PostgreSql, so ConnectionStrings:ClientDesk must be set.");
                }

                var withDefaults = WithPoolDefaults(connectionString);
                services.AddDbContextPool<ClientDeskDb, PostgresClientDeskDb>((sp, options) => options
                    .UseNpgsql(withDefaults)
                    .AddInterceptors(Interceptors(sp)));
                break;
            default:
                connectionString ??= DefaultSqlite(environment, configuration["Database:SqliteFileName"] ?? "clientdesk.db");
                services.AddDbContextPool<ClientDeskDb, SqliteClientDeskDb>((sp, options) => options
                    .UseSqlite(connectionString)
                    .AddInterceptors(Interceptors(sp)));
                break;
        }

        services.AddHealthChecks().AddDbContextCheck<ClientDeskDb>("database");
        return services;
    }

    /// <summary>
    /// The app keeps no state on its PostgreSQL sessions (no SET, no temporary tables; the one session lock, taken at
    /// startup, is released explicitly), so a pooled connection is not reset with DISCARD ALL whenever it is taken —
    /// a round trip that also made PostgreSQL plan its foreign-key checks again — and the statements the app repeats
    /// are prepared once per connection. A connection string that sets either keeps its own value.
    /// </summary>
    internal static string WithPoolDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }

    private static string DefaultSqlite(IHostEnvironment environment, string fileName)
    {
        var folder = Path.Combine(environment.ContentRootPath, "..", "..", "data");
        if (!File.Exists(Path.Combine(environment.ContentRootPath, "ClientDesk.csproj")))
        {
            folder = Path.Combine(environment.ContentRootPath, "data");
        }

        Directory.CreateDirectory(folder);
        return $"Data Source={Path.GetFullPath(Path.Combine(folder, Path.GetFileName(fileName)))}";
    }
}
