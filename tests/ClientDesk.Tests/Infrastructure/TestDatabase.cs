using ClientDesk.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClientDesk.Tests.Infrastructure;

/// <summary>
/// A fresh database for each test, built by the real migrations and reference data: once per run into a
/// template, which each test then copies (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
/// </summary>
internal static class TestDatabase
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(() => BuildTemplateAsync(DatabaseProvider.Sqlite));
    private static readonly Lazy<Task<string>> PostgresTemplate = new(() => BuildTemplateAsync(DatabaseProvider.PostgreSql));

    public static async Task<string> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await SqliteTemplate.Value;
            var file = Path.Combine(Folder, $"test-{Guid.NewGuid():N}.db");
            File.Copy(template, file);
            return $"Data Source={file};Pooling=False";
        }

        var templateName = await PostgresTemplate.Value;
        return await PostgresServer.CreateDatabaseAsync($"test_{Guid.NewGuid():N}", templateName);
    }

    /// <summary>An empty database with no schema, for the migration tests.</summary>
    public static async Task<string> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Folder, $"empty-{Guid.NewGuid():N}.db")};Pooling=False"
            : await PostgresServer.CreateDatabaseAsync($"empty_{Guid.NewGuid():N}");

    private static string Folder { get; } = Directory.CreateTempSubdirectory("clientdesk-tests-").FullName;

    private static async Task<string> BuildTemplateAsync(DatabaseProvider provider)
    {
        var connectionString = await CreateEmptyAsync(provider);
        await using (var app = new TestApp(provider, connectionString))
        {
            // Starting the app applies the migrations and loads the reference data.
            using var client = app.CreateClient();
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        NpgsqlConnection.ClearAllPools();
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }
}
