using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(Chromium chromium)
{
    [Fact]
    public async Task Choosing_English_shows_English_pages_until_Latvian_is_chosen_again()
    {
        Chromium.Require();
        var app = await chromium.SharedAppAsync();
        await using var context = await chromium.NewContextAsync(app); // no language cookie: a first visit
        var page = await context.NewPageAsync();
        var html = page.Locator("html");

        await page.GotoAsync("/");
        await Expect(html).ToHaveAttributeAsync("lang", "lv");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/").ToString());
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToBeVisibleAsync();

        // The choice is remembered on the next page, reached by an ordinary link.
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff/sign-in").ToString());
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign-in");

        // Back to Latvian, on the same page, and it stays Latvian.
        await page.GetByRole(AriaRole.Link, new() { Name = "Latviešu", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff/sign-in").ToString());
        await Expect(html).ToHaveAttributeAsync("lang", "lv");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Darbinieku ieeja");

        await page.GotoAsync("/");
        await Expect(html).ToHaveAttributeAsync("lang", "lv");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true })).ToBeVisibleAsync();
    }
}
