using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;

namespace ClientDesk.Tests.Platform;

public sealed class OperationsTests
{
    [Theory, Providers]
    public async Task Health_reports_healthy_with_the_database_reachable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Health_reports_unhealthy_when_the_database_is_gone()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.PostgreSql);
        using var client = app.CreateClient();
        var database = await app.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().Database));
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using (var admin = new Npgsql.NpgsqlConnection(await PostgresServer.AdminConnectionStringAsync()))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE \"{database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Theory, Providers]
    public async Task Every_page_carries_the_security_headers(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Theory, Providers]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient();

        var response = await client.PostAsync("/staff/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "admin", ["Input.Password"] = "x" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, Providers]
    public async Task Too_many_posts_from_one_address_are_refused_with_a_friendly_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["RateLimiting:PostsPerMinute"] = "3" });
        using var client = app.CreateBrowserClient("en");
        var fields = new Dictionary<string, string> { ["Input.UserName"] = "nobody", ["Input.Password"] = "wrong-password-1" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostFormAsync("/staff/sign-in", new(fields))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var page = await (await client.PostFormAsync("/staff/sign-in", new(fields))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Too many requests", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task An_unknown_page_gets_the_friendly_not_found_page_in_the_users_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");
        var ct = TestContext.Current.CancellationToken;

        var lv = await latvian.GetAsync("/no-such-page", ct);
        var en = await english.GetAsync("/no-such-page", ct);

        Assert.Equal(HttpStatusCode.NotFound, lv.StatusCode);
        Assert.Contains("Lapa nav atrasta", await lv.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains("Page not found", await en.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_language_switch_remembers_the_choice_and_only_returns_to_local_addresses(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient("lv");
        var ct = TestContext.Current.CancellationToken;

        var toEnglish = await client.GetAsync("/language?culture=en&returnUrl=%2Fcontacts", ct);
        var offsite = await client.GetAsync("/language?culture=en&returnUrl=https%3A%2F%2Fevil.example", ct);
        var home = await client.GetStringAsync("/", ct);

        Assert.Equal("/contacts", toEnglish.Headers.Location?.OriginalString);
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"en\">", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_clock_starts_at_the_configured_instant_and_runs_on()
    {
        var connectionString = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DemoClockApp(connectionString, "2026-03-17T08:25:00+02:00");
        using var client = app.CreateClient();

        var clock = app.Services.GetRequiredService<TimeProvider>();
        var first = clock.GetUtcNow();
        var second = clock.GetUtcNow();

        Assert.InRange(first, new DateTimeOffset(2026, 3, 17, 6, 25, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 17, 6, 35, 0, TimeSpan.Zero));
        Assert.True(second >= first);
    }

    [Fact]
    public async Task Telemetry_is_switched_on_only_when_an_OTLP_endpoint_is_configured()
    {
        await using var without = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await using var with = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" });
        using var a = without.CreateClient();
        using var b = with.CreateClient();

        Assert.Null(without.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(with.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }

    /// <summary>The app with its own clock setting and without the fake clock TestApp puts in.</summary>
    private sealed class DemoClockApp(string connectionString, string startAt) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:ClientDesk", connectionString);
            builder.UseSetting("Clock:StartAt", startAt);
        }
    }
}
