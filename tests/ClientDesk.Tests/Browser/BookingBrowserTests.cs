using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// Booking online in a real browser on a phone, in Latvian and English: every step passes axe-core (WCAG 2.1 A and
/// AA) with no sideways scroll, the times are radio buttons whose names say the full date and time, the arrow keys
/// move between them, and the booking ends on the manage page with its reference. The app's clock is Tuesday
/// 17 March 2026, 09:00 in Riga; Tuesday 24 March at Valmiera has appointment times.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Teorijas eksāmens ceļu satiksmes noteikumos", "Valmiera", "Otrdiena, 24. marts, 10:00–10:30", "Otrdiena, 24. marts, 10:15–10:45", "Turpināt", "Pierakstīties", "Jūs esat pierakstīts.")]
    [InlineData("en", "Theory exam on road-traffic rules", "Valmiera", "Tuesday 24 March, 10:00–10:30", "Tuesday 24 March, 10:15–10:45", "Continue", "Book", "You are booked.")]
    public async Task A_client_books_on_a_phone_with_the_keyboard_and_every_step_is_accessible(
        string language, string service, string place, string time, string nextTime, string proceed, string book, string booked)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database: this test books
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);

        async Task CheckAsync(string step)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"booking-{step}.{language}.phone.png"), FullPage = true });
            problems.AddRange(await Axe.ViolationsAsync(page, $"booking {step} [{language}]"));
            if (await SidewaysScroll.ProblemAsync(page, $"booking {step} [{language}]") is { } scroll)
            {
                problems.Add(scroll);
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = language == "lv" ? "Pierakstīties" : "Book", Exact = true }).ClickAsync();
        await CheckAsync("service");
        await page.GetByRole(AriaRole.Link, new() { Name = service }).ClickAsync();
        await CheckAsync("place");
        await page.GetByRole(AriaRole.Link, new() { Name = place }).First.ClickAsync();
        await page.GotoAsync(page.Url + "&from=2026-03-24");
        await CheckAsync("time");

        // The radio button's accessible name is the whole date and time; the arrow key moves to the next time.
        var first = page.GetByRole(AriaRole.Radio, new() { Name = time, Exact = true });
        await first.CheckAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = nextTime, Exact = true })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(first).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = proceed, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/booking/details\\?"));
        await CheckAsync("details");
        var form = page.Locator("form[aria-labelledby=details-heading]");
        await form.GetByRole(AriaRole.Textbox).First.FillAsync("Jānis Bērziņš");
        await page.Locator("#Input_Phone").FillAsync("29123456");

        // Sent at once, the form is taken for a script; a person needs a few seconds.
        await page.GetByRole(AriaRole.Button, new() { Name = book, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAsync("details-refused");
        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = book, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(booked);
        await Expect(page.Locator(".booking-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-HJ-NP-Z2-9]{8}$"));
        await CheckAsync("done");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
