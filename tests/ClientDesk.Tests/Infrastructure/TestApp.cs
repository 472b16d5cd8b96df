using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClientDesk.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, on its own fresh database of the given provider, with a fake clock.
/// Use <see cref="StartAsync"/>; it skips the test when PostgreSQL is missing (outside CI).
/// </summary>
internal sealed partial class TestApp(DatabaseProvider provider, string connectionString, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string StaffPassword = "Ganibas-2026-traktors";

    /// <summary>The app's clock: 17 March 2026, 09:00 in Riga, unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 17, 7, 0, 0, TimeSpan.Zero));

    public DatabaseProvider Provider => provider;

    /// <summary>A second app on the same database: another instance, or this one after a restart.</summary>
    public TestApp OnSameDatabase(IDictionary<string, string?>? sameSettings = null) => new(provider, connectionString, sameSettings ?? settings);

    public static async Task<TestApp> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            RequirePostgres();
        }

        return new TestApp(provider, await TestDatabase.CreateAsync(provider), settings);
    }

    public static void RequirePostgres()
    {
        if (PostgresServer.UnavailableReason is { } reason)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("CI must run the PostgreSQL tests: " + reason);
            }

            Assert.Skip(reason);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:ClientDesk", connectionString);
        builder.UseSetting("RateLimiting:PostsPerMinute", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserClient(string culture = "lv")
    {
        var jar = new CookieJar();
        jar.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
        return CreateDefaultClient(new Uri("http://localhost"), jar);
    }

    public async Task<T> WithDbAsync<T>(Func<ClientDeskDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClientDeskDb>());
    }

    public async Task WithDbAsync(Func<ClientDeskDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ClientDeskDb>());
    }

    /// <summary>Creates a staff member with <see cref="StaffPassword"/>, the given roles and locations.</summary>
    public async Task<StaffMember> CreateStaffAsync(
        string userName, string[] roles, string[]? locationSlugs = null, bool mustChangePassword = false, string[]? competences = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
        var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
        var slugs = locationSlugs ?? [];
        var staff = new StaffMember
        {
            UserName = userName,
            FirstName = "Test",
            LastName = userName,
            PositionLv = "Speciālists",
            PositionEn = "Specialist",
            MustChangePassword = mustChangePassword,
            Locations = await db.Locations.Where(l => slugs.Contains(l.Slug)).ToListAsync(),
            Competences = competences is null ? [] : await db.Services.Where(s => competences.Contains(s.Code)).ToListAsync(),
        };
        var result = await users.CreateAsync(staff, StaffPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(staff, role);
        }

        return staff;
    }

    /// <summary>Signs in through the real sign-in form; the client keeps the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string culture = "lv")
    {
        var client = CreateBrowserClient(culture);
        var response = await client.PostFormAsync("/staff/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpClient> SignInAsAdministratorAsync(string culture = "lv")
    {
        var userName = $"admin{Guid.NewGuid():N}"[..16];
        await CreateStaffAsync(userName, [Roles.Administrator]);
        return await SignInAsync(userName, culture);
    }
}

/// <summary>Keeps cookies like a browser, starting with the language cookie.</summary>
internal sealed class CookieJar : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = new Uri("http://localhost");
        if (Cookies.GetCookieHeader(uri) is { Length: > 0 } header)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }
}

internal static partial class HttpClientForms
{
    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? url}.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
