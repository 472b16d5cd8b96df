using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// Every public page (crawled from "/", plus /staff/sign-in and the not-found page), in Latvian and English, at desktop
/// and phone width: axe-core WCAG 2.0/2.1 A and AA, exactly one h1, &lt;html lang&gt; of the language, and no sideways
/// scrolling on a phone. Full-page screenshots go to TestResults/screenshots/ (or CLIENTDESK_SCREENSHOTS).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(Chromium chromium)
{
    /// <summary>Pages checked at once in one browser context (a 2-core machine runs this too).</summary>
    private const int ParallelPages = 3;

    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("CLIENTDESK_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Theory]
    [InlineData("lv", "desktop")]
    [InlineData("lv", "phone")]
    [InlineData("en", "desktop")]
    [InlineData("en", "phone")]
    public async Task Every_public_page_passes_axe_with_one_h1_the_right_lang_and_no_sideways_scroll(string language, string width)
    {
        Chromium.Require();
        var app = await chromium.SharedAppAsync();
        var crawl = await chromium.PublicPagesAsync();
        var (w, h) = width == "phone" ? (390, 844) : (1280, 900);
        var view = new View(language, width, w, h);
        await using var context = await chromium.NewContextAsync(app, language, w, h);
        Directory.CreateDirectory(ScreenshotFolder);

        var problems = new ConcurrentBag<string>();
        using var slots = new SemaphoreSlim(ParallelPages);
        await Task.WhenAll(crawl.Pages.Select(async page =>
        {
            await slots.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                foreach (var problem in await CheckAsync(context, page, view))
                {
                    problems.Add(problem);
                }
            }
            finally
            {
                slots.Release();
            }
        }));

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Checked {crawl.Pages.Count} pages [{view}]: {string.Join(", ", crawl.Pages.Select(p => p.PathAndQuery))}");
        output?.WriteLine($"Screenshots: {ScreenshotFolder}");
        foreach (var link in crawl.BrokenLinks)
        {
            output?.WriteLine("Not checked, no such page: " + link);
        }

        Assert.True(problems.IsEmpty, $"{problems.Count} accessibility problem(s) [{view}]:\n" + string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Every_link_on_the_public_pages_leads_to_a_page_that_exists()
    {
        Chromium.Require();
        var crawl = await chromium.PublicPagesAsync();

        Assert.True(crawl.BrokenLinks.Count == 0, "Links to pages that do not answer 200 OK:\n" + string.Join("\n", crawl.BrokenLinks));
    }

    [Fact]
    public async Task The_checks_name_the_page_the_rule_and_the_element_that_fails()
    {
        Chromium.Require();
        var app = await chromium.SharedAppAsync();
        var view = new View("lv", "phone", 390, 844);
        await using var context = await chromium.NewContextAsync(app, view.Language, view.Width, view.Height);

        // The real home page (with its Content-Security-Policy), broken on purpose after it has loaded.
        var problems = await CheckAsync(context, new PublicPage("/", "self-check", System.Net.HttpStatusCode.OK), view, BreakThePage, screenshot: false);

        Assert.Contains(problems, p => p.StartsWith("/ [lv, phone 390×844]: axe image-alt", StringComparison.Ordinal) && p.Contains("#no-alt", StringComparison.Ordinal));
        Assert.Contains("/ [lv, phone 390×844]: 2 h1 elements, expected exactly 1", problems);
        Assert.Contains(problems, p => p.StartsWith("/ [lv, phone 390×844]: scrolls sideways", StringComparison.Ordinal) && p.Contains("div#too-wide", StringComparison.Ordinal));
    }

    private static Task BreakThePage(IPage page) => page.EvaluateAsync("""
        () => {
            document.querySelector('main').insertAdjacentHTML('beforeend',
                '<h1>Otrs virsraksts</h1><img id="no-alt" src="/missing.png"><div id="too-wide">x</div>');
            document.getElementById('too-wide').style.width = '1200px'; // not a style attribute: the CSP forbids those
        }
        """);

    private static async Task<List<string>> CheckAsync(IBrowserContext context, PublicPage publicPage, View view, Func<IPage, Task>? afterLoad = null, bool screenshot = true)
    {
        var problems = new List<string>();
        var where = $"{publicPage.PathAndQuery} [{view}]";
        var page = await context.NewPageAsync();
        try
        {
            var response = await page.GotoAsync(publicPage.PathAndQuery);
            if (response?.Status != (int)publicPage.ExpectedStatus)
            {
                problems.Add($"{where}: answers HTTP {response?.Status}, expected {(int)publicPage.ExpectedStatus}");
            }

            if (afterLoad is not null)
            {
                await afterLoad(page);
            }

            if (screenshot)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(ScreenshotFolder, $"{publicPage.Slug}.{view.Language}.{view.Name}.png"),
                    FullPage = true,
                });
            }

            var lang = await page.Locator("html").GetAttributeAsync("lang");
            if (lang != view.Language)
            {
                problems.Add($"{where}: <html lang=\"{lang}\">, expected \"{view.Language}\"");
            }

            var h1s = await page.Locator("h1").CountAsync();
            if (h1s != 1)
            {
                problems.Add($"{where}: {h1s} h1 elements, expected exactly 1");
            }

            if (view.Name == "phone")
            {
                if (await SidewaysScroll.ProblemAsync(page, where) is { } sideways)
                {
                    problems.Add(sideways);
                }
            }

            problems.AddRange(await Axe.ViolationsAsync(page, where));
        }
        finally
        {
            await page.CloseAsync();
        }

        return problems;
    }

    private sealed record View(string Language, string Name, int Width, int Height)
    {
        public override string ToString() => $"{Language}, {Name} {Width}×{Height}";
    }
}
