using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The public queue in a real browser: the lobby kiosk in portrait and landscape (no scrolling, touch targets of at least
/// 48 px, axe-clean) in Latvian and English, used with the keyboard alone, and a remote ticket taken on a phone. The
/// app's clock is Tuesday 17 March 2026, 09:00 in Riga: Valmiera serves walk-in clients.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Latviešu", "Traktortehnikas vadītājiem", "Teorijas eksāmens ceļu satiksmes noteikumos", "Ņemt numuru", "Jūsu numurs")]
    [InlineData("en", "English", "For tractor drivers", "Theory exam on road-traffic rules", "Take a number", "Your number")]
    public async Task A_client_takes_a_number_at_the_kiosk_without_scrolling_and_every_step_is_accessible(
        string language, string languageButton, string group, string service, string take, string yourNumber)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database: this test issues tickets
        await using var context = await chromium.NewContextAsync(app, null, 1080, 1920);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);

        async Task CheckAsync(string step)
        {
            foreach (var (width, height, shape) in new[] { (1080, 1920, "portrait"), (1920, 1080, "landscape") })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"kiosk-{step}.{language}.{shape}.png") });
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - window.innerHeight");
                if (overflow > 0)
                {
                    problems.Add($"kiosk {step} [{language}, {shape}] scrolls by {overflow} px");
                }

                var small = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('a, button, input')].filter(e => e.offsetParent && e.getBoundingClientRect().height < 48).map(e => e.outerHTML.slice(0, 80))");
                problems.AddRange(small.Select(s => $"kiosk {step} [{language}, {shape}] target under 48 px: {s}"));
            }

            problems.AddRange(await Axe.ViolationsAsync(page, $"kiosk {step} [{language}]"));
            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        await page.GotoAsync("/queue/valmiera/kiosk");
        await CheckAsync("language");
        await page.GetByRole(AriaRole.Link, new() { Name = languageButton, Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await CheckAsync("groups");
        await page.GetByRole(AriaRole.Link, new() { Name = group }).ClickAsync();
        await CheckAsync("services");
        await page.GetByRole(AriaRole.Link, new() { Name = service }).ClickAsync();
        await CheckAsync("take");
        await page.GetByRole(AriaRole.Button, new() { Name = take, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(yourNumber + " C001");
        await Expect(page.Locator("img.qr-code")).ToBeVisibleAsync();
        await CheckAsync("ticket");

        // Printed, only the ticket shows: no buttons on the receipt.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Button)).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_kiosk_works_with_the_keyboard_alone()
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        await using var context = await chromium.NewContextAsync(app, null, 1920, 1080);
        var page = await context.NewPageAsync();

        async Task TabToAsync(string text)
        {
            for (var i = 0; i < 30; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.textContent.trim() : ''");
                if (focused.Contains(text, StringComparison.Ordinal))
                {
                    await page.Keyboard.PressAsync("Enter");
                    return;
                }
            }

            Assert.Fail($"The keyboard never reached '{text}' on {page.Url}.");
        }

        await page.GotoAsync("/queue/valmiera/kiosk");
        await TabToAsync("English");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What do you need?");
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await TabToAsync("For tractor drivers");
        await Expect(heading).ToHaveTextAsync("For tractor drivers");
        await TabToAsync("Theory exam on road-traffic rules");
        await Expect(heading).ToHaveTextAsync("Theory exam on road-traffic rules");
        await TabToAsync("Take a number");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("C001");
        await TabToAsync("Done");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "lv");

        // Appointment check-in: the field takes focus, a wrong reference is announced.
        await page.GotoAsync("/queue/valmiera/kiosk?culture=en&step=menu");
        await TabToAsync("I have an appointment");
        await Expect(heading).ToHaveTextAsync("Check in for an appointment");
        await page.Keyboard.TypeAsync("ZZZZ2222");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is no booking with this reference here today.");
    }

    [Theory]
    [InlineData("lv", "Rindas numurs", "Ņemt numuru šeit: Valmiera", "Teorijas eksāmens ceļu satiksmes noteikumos", "Tālrunis", "Ņemt numuru", "Jūsu numurs ir paņemts.")]
    [InlineData("en", "Queue number", "Take a number here: Valmiera", "Theory exam on road-traffic rules", "Phone", "Take a number", "Your number is taken.")]
    public async Task A_client_takes_a_remote_ticket_on_a_phone_and_every_step_is_accessible(
        string language, string nav, string place, string service, string phone, string take, string taken)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);

        async Task CheckAsync(string step)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"queue-{step}.{language}.phone.png"), FullPage = true });
            problems.AddRange(await Axe.ViolationsAsync(page, $"queue {step} [{language}]"));
            if (await SidewaysScroll.ProblemAsync(page, $"queue {step} [{language}]") is { } scroll)
            {
                problems.Add(scroll);
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = nav, Exact = true }).ClickAsync();
        await CheckAsync("places");
        await page.GetByRole(AriaRole.Link, new() { Name = place, Exact = true }).ClickAsync();
        await CheckAsync("services");
        await page.GetByRole(AriaRole.Link, new() { Name = service }).First.ClickAsync();
        await CheckAsync("contact");
        await page.GetByLabel(phone, new() { Exact = true }).FillAsync("29123456");
        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = take, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(taken);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("C001");
        await CheckAsync("follow");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
