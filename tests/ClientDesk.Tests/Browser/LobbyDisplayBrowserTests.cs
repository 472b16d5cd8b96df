using ClientDesk.Queue;
using ClientDesk.Tests.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The lobby display in a real browser, in Latvian and English: it shows a call without a reload (through its event
/// stream), with the desk and the staff member, and passes axe-core on a TV and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LobbyDisplayBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Izsaukti", "Speciālists")]
    [InlineData("en", "Called", "Specialist")]
    public async Task The_display_shows_a_call_without_a_reload_and_passes_axe(string language, string calledHeading, string position)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var (location, service) = await QueueEngineTests.PlaceAsync(app.App);
        var staff = await QueueEngineTests.SeatStaffAsync(app.App, location, 2, ["theory-exam-traffic"]);
        var first = await QueueEngineTests.IssueAsync(app.App, location, service);
        await QueueEngineTests.IssueAsync(app.App, location, service);

        await using var context = await chromium.NewContextAsync(app, language, 1920, 1080);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/queue/valmiera/display");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = calledHeading, Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-groups-list] .group-count")).ToHaveTextAsync("2");
        Assert.Empty(await Axe.ViolationsAsync(page, $"display-{language}-tv"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"queue-display-{language}-tv.png") });

        // Marks the page: a reload would lose the mark.
        await page.EvaluateAsync("window.notReloaded = true");
        Assert.True((await QueueEngineTests.InScopeAsync<DeskResult, QueueDesk>(app.App, d => d.CallNextAsync(staff[1]))).Succeeded);

        var latest = page.Locator("[data-called] tr.latest");
        await Expect(latest.Locator(".code")).ToHaveTextAsync(first.Code);
        await Expect(latest.Locator(".desk")).ToHaveTextAsync("2");
        await Expect(latest.Locator(".staff-position")).ToHaveTextAsync(position);
        await Expect(page.Locator("[data-groups-list] .group-count")).ToHaveTextAsync("1");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.Empty(await Axe.ViolationsAsync(page, $"display-{language}-called"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"queue-display-{language}-called.png") });

        await page.SetViewportSizeAsync(390, 844);
        Assert.Empty(await Axe.ViolationsAsync(page, $"display-{language}-phone"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"queue-display-{language}-phone.png"), FullPage = true });
    }

    /// <summary>
    /// A busy lobby (eight calls, every group waiting) fits a TV without scrolling, and the "enable sound" button,
    /// shown until someone clicks it, sits in the header instead of over the lists.
    /// </summary>
    [Theory]
    [InlineData("lv", 1920, 1080)]
    [InlineData("lv", 1600, 900)]
    [InlineData("en", 1920, 1080)]
    [InlineData("en", 1600, 900)]
    public async Task A_full_lobby_fits_the_screen_and_the_sound_button_covers_nothing(string language, int width, int height)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var (location, _) = await QueueEngineTests.PlaceAsync(app.App);
        // As many groups as the catalogue has (a service of each one Valmiera lacks is added there for this test).
        await app.App.WithDbAsync(async db =>
        {
            var valmiera = await db.Locations.Include(l => l.Services).SingleAsync(l => l.Id == location);
            var offered = valmiera.Services.Select(s => QueueLetters.For(s.Code)).ToHashSet();
            foreach (var missing in (await db.Services.ToListAsync()).Where(s => !offered.Contains(QueueLetters.For(s.Code))).GroupBy(s => QueueLetters.For(s.Code)))
            {
                valmiera.Services.Add(missing.First());
            }

            await db.SaveChangesAsync();
        });
        var services = await app.App.WithDbAsync(db => db.Services.Where(s => s.Locations.Any(l => l.Id == location)).Select(s => new { s.Id, s.Code }).ToListAsync());
        var onePerGroup = services.GroupBy(s => QueueLetters.For(s.Code)).OrderBy(g => g.Key).Select(g => g.First().Id).ToList();
        Assert.True(onePerGroup.Count >= 4, $"{onePerGroup.Count} groups");
        var staff = await QueueEngineTests.SeatStaffAsync(app.App, location, 8, [.. services.Select(s => s.Code)]);
        for (var round = 0; round < 3; round++)
        {
            foreach (var service in onePerGroup)
            {
                await QueueEngineTests.IssueAsync(app.App, location, service);
            }
        }

        foreach (var id in staff)
        {
            Assert.True((await QueueEngineTests.InScopeAsync<DeskResult, QueueDesk>(app.App, d => d.CallNextAsync(id))).Succeeded);
        }

        await using var context = await chromium.NewContextAsync(app, language, width, height);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/queue/valmiera/display");
        await Expect(page.Locator("[data-called] tr")).ToHaveCountAsync(8);
        await Expect(page.Locator("[data-groups-list] li")).ToHaveCountAsync(onePerGroup.Count);
        var enableSound = page.Locator("[data-enable-sound] button");
        await Expect(enableSound).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"queue-display-{language}-full-{width}x{height}.png") });

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth"),
            $"the display scrolls at {width}x{height}");
        Assert.True(await page.EvaluateAsync<bool>("""
            (() => {
                const button = document.querySelector("[data-enable-sound] button").getBoundingClientRect();
                return [...document.querySelectorAll(".display-called, .display-waiting, .display-footer")].every(element => {
                    const r = element.getBoundingClientRect();
                    return button.bottom <= r.top || button.top >= r.bottom || button.right <= r.left || button.left >= r.right;
                });
            })()
            """), "the sound button covers the lists");
        Assert.Empty(await Axe.ViolationsAsync(page, $"display-{language}-full-{width}"));
    }
}
