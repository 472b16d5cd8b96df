using Microsoft.Playwright;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// One Playwright driver and one headless Debian Chromium (/usr/bin/chromium) shared by every browser test;
/// Playwright never downloads a browser. Without Chromium the tests are skipped, except on CI (CI=true), where
/// Chromium is installed and a missing one is a failure. Also holds one running app for the tests that only read.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private BrowserApp? sharedApp;
    private Crawl? crawl;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? UnavailableReason =>
        File.Exists(ExecutablePath) ? null : $"Chromium is not installed at {ExecutablePath} (apt-get install chromium).";

    /// <summary>Skips the calling test when Chromium is missing (fails it on CI).</summary>
    public static void Require()
    {
        if (UnavailableReason is { } reason)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("CI must run the browser tests: " + reason);
            }

            Assert.Skip(reason);
        }
    }

    /// <summary>The shared browser, launched on first use.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        Require();
        await gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                playwright = await Playwright.CreateAsync();
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = Arguments,
                });
            }

            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// One running app (fresh SQLite database with the reference data) for tests that do not change data;
    /// a test that creates data starts its own <see cref="BrowserApp"/>.
    /// </summary>
    internal async Task<BrowserApp> SharedAppAsync()
    {
        Require();
        await gate.WaitAsync();
        try
        {
            return sharedApp ??= await BrowserApp.StartAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The public pages of the shared app, crawled once.</summary>
    internal async Task<Crawl> PublicPagesAsync()
    {
        var app = await SharedAppAsync();
        await gate.WaitAsync();
        try
        {
            return crawl ??= await PublicPages.CrawlAsync(app.BaseUrl, TestContext.Current.CancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A fresh context (own cookies) on <paramref name="app"/> in the given language and window size.</summary>
    internal async Task<IBrowserContext> NewContextAsync(BrowserApp app, string? culture = null, int width = 1280, int height = 900)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },

            // The browser's own locale writes date and time inputs: a Latvian or British one shows 24-hour times.
            Locale = culture == "en" ? "en-GB" : "lv-LV",
        });
        if (culture is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseUrl.ToString() }]);
        }

        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (sharedApp is not null)
        {
            await sharedApp.DisposeAsync();
        }

        gate.Dispose();
    }
}

/// <summary>The browser tests share one <see cref="Chromium"/>; they run one after another, each using parallel pages where safe.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
