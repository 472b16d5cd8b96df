using System.Net;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The real app (<see cref="TestApp"/>: fresh migrated SQLite database with the reference data, fake clock) served by
/// Kestrel on a free loopback port, so a real browser can reach it.
/// </summary>
internal sealed class BrowserApp : IAsyncDisposable
{
    private BrowserApp(TestApp app, Uri baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public TestApp App { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; }

    public static async Task<BrowserApp> StartAsync()
    {
        var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        try
        {
            app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new BrowserApp(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
