using ClientDesk.Access;
using Microsoft.EntityFrameworkCore;

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

        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<Calendar.CalendarChangeInterceptor>();
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is PostgreSql, so ConnectionStrings:ClientDesk must be set.");
                }

                services.AddDbContext<ClientDeskDb, PostgresClientDeskDb>((sp, options) => options
                    .UseNpgsql(connectionString)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Calendar.CalendarChangeInterceptor>()));
                break;
            default:
                connectionString ??= DefaultSqlite(environment, configuration["Database:SqliteFileName"] ?? "clientdesk.db");
                services.AddDbContext<ClientDeskDb, SqliteClientDeskDb>((sp, options) => options
                    .UseSqlite(connectionString)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Calendar.CalendarChangeInterceptor>()));
                break;
        }

        services.AddHealthChecks().AddDbContextCheck<ClientDeskDb>("database");
        return services;
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
