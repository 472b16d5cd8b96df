using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(Chromium chromium)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/staff/sign-in")]
    public async Task The_skip_link_comes_first_and_moves_focus_to_the_main_content(string path)
    {
        Chromium.Require();
        var app = await chromium.SharedAppAsync();
        await using var context = await chromium.NewContextAsync(app, "lv");
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator("a.skip-link");
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveAttributeAsync("href", "#main");
        await Expect(skipLink).ToBeInViewportAsync(); // hidden until focused, then visible

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }
}
