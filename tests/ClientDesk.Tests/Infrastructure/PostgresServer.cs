using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ClientDesk.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one in CLIENTDESK_TEST_POSTGRES (an admin connection string) if set,
/// else a throwaway cluster from Debian's postgresql package (initdb into a temp folder, a free port, pg_ctl start),
/// stopped and deleted when the test run ends.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "CLIENTDESK_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> AdminConnection = new(StartAsync);

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } || FindBin("initdb") is not null
            ? null
            : $"PostgreSQL is not installed (no initdb in PATH or /usr/lib/postgresql/*/bin) and {EnvironmentVariable} is not set.";

    public static Task<string> AdminConnectionStringAsync() => AdminConnection.Value;

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var initdb = FindBin("initdb") ?? throw new InvalidOperationException(UnavailableReason);
        var pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        var folder = Directory.CreateTempSubdirectory("clientdesk-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = FreePort();

        // initdb refuses to run as root; as root the cluster belongs to the postgres system user.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres {folder}", asUser: null);
        }

        await RunAsync(initdb, $"-D {data} -U postgres -A trust -E UTF8 --locale=C --no-sync", asRoot ? "postgres" : null);
        await RunAsync(pgCtl,
            $"-D {data} -l {Path.Combine(folder, "log")} -w -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=600\" start",
            asRoot ? "postgres" : null);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(pgCtl, $"-D {data} -m immediate stop", asRoot ? "postgres" : null).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true";
    }

    /// <summary>A new empty database on the server, for one test or one template.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        var admin = await AdminConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = template is null
                ? $"CREATE DATABASE \"{name}\""
                : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await command.ExecuteNonQueryAsync();
        }

        // Many test databases live at once, each with its own pool: a small pool whose idle connections close soon keeps
        // the tests that run 200 requests at once within the cluster's connections (they wait for a connection instead).
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 2 }.ConnectionString;
    }

    private static string? FindBin(string name)
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        if (fromPath is not null)
        {
            return fromPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin", name))
                .Where(File.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, string? asUser)
    {
        var start = asUser is null
            ? new ProcessStartInfo(file, arguments)
            : new ProcessStartInfo("runuser", $"-u {asUser} -- {file} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
