using ClientDesk.Access;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The API client administration in a real browser, in Latvian and English on a phone: issuing a key shows it once,
/// revoking asks first; each page passes axe-core WCAG A/AA, has one h1 and no sideways scroll. Screenshots go to
/// <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiClientsBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Lietotājvārds", "Parole", "Ieiet", "Izsniegt atslēgu", "Atsaukt", "Jā, atsaukt", "Atsaukta")]
    [InlineData("en", "User name", "Password", "Sign in", "Issue a key", "Revoke", "Yes, revoke", "Revoked")]
    public async Task An_administrator_issues_a_key_sees_it_once_and_revokes_it_on_accessible_pages(
        string language, string userNameLabel, string passwordLabel, string signIn, string issue, string revoke, string confirm, string revoked)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var admin = $"admin{Guid.NewGuid():N}"[..16];
        await app.App.CreateStaffAsync(admin, [Roles.Administrator]);
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(userNameLabel, new() { Exact = true }).FillAsync(admin);
        await page.GetByLabel(passwordLabel, new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = signIn, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());
        var problems = new List<string>();

        await page.GotoAsync("/admin/api-clients");
        await page.Locator("#Name").FillAsync("E-pakalpojumu portāls");
        await page.GetByRole(AriaRole.Button, new() { Name = issue, Exact = true }).ClickAsync();
        var key = await page.Locator("#issued-key").InputValueAsync();
        Assert.Matches("^cdk_[A-Za-z0-9_-]{32}$", key);
        await CheckAsync(page, $"api-clients-issued.{language}", problems);
        await page.ReloadAsync();
        await Expect(page.Locator("#issued-key")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = revoke }).ClickAsync();
        await CheckAsync(page, $"api-clients-revoke.{language}", problems);
        await page.GetByRole(AriaRole.Button, new() { Name = confirm, Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(revoked);
        await CheckAsync(page, $"api-clients-list.{language}", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> problems)
    {
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, name + ".phone.png"), FullPage = true });
        if (await page.Locator("h1").CountAsync() != 1)
        {
            problems.Add($"{name}: not exactly one h1");
        }

        if (await SidewaysScroll.ProblemAsync(page, name) is { } sideways)
        {
            problems.Add(sideways);
        }

        problems.AddRange(await Axe.ViolationsAsync(page, name));
    }
}
