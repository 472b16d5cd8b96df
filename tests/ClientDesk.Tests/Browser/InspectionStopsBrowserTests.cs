using System.Text;
using ClientDesk.Access;
using ClientDesk.Tests.OnSite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The mobile inspection schedule in a real browser, on a phone (390 px), in Latvian and English: the public search
/// with JavaScript off (the list is the page; the map and the position button are extras), the printable list, and
/// the staff import with its per-line report. Each page passes axe, has one h1 and no sideways scroll.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InspectionStopsBrowserTests(Chromium chromium)
{
    private static async Task CheckAsync(IPage page, string where, List<string> problems)
    {
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{where}.png"), FullPage = true });
        if (await page.Locator("h1").CountAsync() != 1)
        {
            problems.Add($"{where}: not exactly one h1");
        }

        if (await SidewaysScroll.ProblemAsync(page, where) is { } sideways)
        {
            problems.Add(sideways);
        }

        problems.AddRange(await Axe.ViolationsAsync(page, where));
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task Without_javascript_a_client_finds_the_stops_near_a_typed_town_and_prints_a_regions_list(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        await ScheduleTestData.SeedSpringAsync(app.App);

        await using var context = await (await chromium.BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 }, JavaScriptEnabled = false,
            Locale = language == "en" ? "en-GB" : "lv-LV",
        });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = app.BaseUrl.ToString() }]);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        // axe and the scroll check are scripts, which cannot run where JavaScript is off: they check the same address
        // in a second page with scripts on, which also shows the map and the position button.
        await using var scripted = await chromium.NewContextAsync(app, language, 390, 844);
        var checker = await scripted.NewPageAsync();
        async Task CheckWithoutScriptsAsync(string where)
        {
            Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{where}.nojs.png"), FullPage = true });
            await checker.GotoAsync(page.Url);
            await CheckAsync(checker, where, problems);
        }

        await page.GotoAsync("/inspection-stops");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Izmantot manu atrašanās vietu" : "Use my position" })).ToBeHiddenAsync();
        await CheckWithoutScriptsAsync($"inspection-stops.{language}.phone");

        await page.GetByLabel(language == "lv" ? "Pilsēta, pagasts vai novads" : "Town, parish or municipality").FillAsync("cesis");
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Meklēt" : "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "cesis" })).ToBeVisibleAsync();
        var places = await page.Locator(".schedule-stop h3").AllInnerTextsAsync();
        Assert.StartsWith("Kocēni", places[0]);
        Assert.StartsWith("Vecpiebalga", places[1]);
        await Expect(page.Locator(".schedule-stop").First).ToContainTextAsync(language == "lv" ? "Aptuveni 24 km" : "About 24 km");
        await CheckWithoutScriptsAsync($"inspection-stops-near-town.{language}.phone");

        await page.GetByRole(AriaRole.Link, new() { Name = language == "lv" ? "Vidzeme: saraksts drukāšanai (A4)" : "Vidzeme: list to print (A4)" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Vidzeme");
        await Expect(page.Locator(".schedule-print-day")).ToHaveCountAsync(2);
        await CheckWithoutScriptsAsync($"inspection-stops-print.{language}.phone");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task An_inspector_imports_a_file_sees_every_bad_line_and_then_imports_the_corrected_file(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        await app.App.CreateStaffAsync("inga", [Roles.Inspector], ["ludza", "valmiera"]);
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(language == "lv" ? "Lietotājvārds" : "User name", new() { Exact = true }).FillAsync("inga");
        await page.GetByLabel(language == "lv" ? "Parole" : "Password", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Ieiet" : "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());
        var problems = new List<string>();

        await page.GotoAsync("/staff/inspection-stops/import");
        var bad = ScheduleTestData.Header + "\nLatgale;Ludzas novads;Nirza;;56,36;27,77;2026-04-14;9:00;10:00;;;;;\nLatgale;Ludzas novads;;;;;2026-04-31;11:00;10:00;;;;;\n";
        await page.GetByLabel(language == "lv" ? "CSV fails" : "CSV file").SetInputFilesAsync(new FilePayload { Name = "grafiks.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Pārbaudīt un ielādēt" : "Check and import" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync(language == "lv" ? "3. rinda: nav norādīta vieta." : "Line 3: the place is missing.");
        await Expect(alert.Locator("li")).ToHaveCountAsync(2);
        await CheckAsync(page, $"inspection-stops-import-refused.{language}.phone", problems);

        var good = bad.Replace("Ludzas novads;;;;;2026-04-31;11:00;10:00", "Ludzas novads;Pilda;;;;2026-04-30;11:00;12:00");
        await page.GetByLabel(language == "lv" ? "CSV fails" : "CSV file").SetInputFilesAsync(new FilePayload { Name = "grafiks.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Pārbaudīt un ielādēt" : "Check and import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(language == "lv" ? "Ielādētas vietas: 2." : "Stops imported: 2.");
        await Expect(page.Locator("table.schedule-table tbody tr")).ToHaveCountAsync(2);
        await CheckAsync(page, $"inspection-stops-staff-list.{language}.phone", problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nirza" }).ClickAsync();
        await Expect(page.Locator("#PlaceName")).ToHaveValueAsync("Nirza");
        await CheckAsync(page, $"inspection-stops-edit.{language}.phone", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
