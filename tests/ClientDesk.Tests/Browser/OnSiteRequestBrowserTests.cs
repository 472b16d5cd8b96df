using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The public on-site request in a real browser on a phone, with no map (the point is two plain fields), in Latvian
/// and English: choosing the service, the form with its travel fee, the refusal of an empty form, and the status page
/// with the number pass axe-core with no sideways scroll. The clock is Tuesday 17 March 2026, 09:00 in Riga.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnSiteRequestBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Ikgadējā valsts tehniskā apskate", "Turpināt", "Tuvākā nodaļa", "Valmiera (Vidzeme)", "Adrese, kur atrodas tehnika", "Kāda tehnika", "No", "Līdz", "Vārds, uzvārds vai uzņēmums", "Tālrunis", "Nosūtīt pieteikumu", "Izbraukums uz jūsu norādīto adresi: 30,00 EUR", "Uzrakstiet adresi, kur atrodas tehnika.", "Paldies! Pieteikums saņemts.")]
    [InlineData("en", "Annual state technical inspection", "Continue", "Nearest office", "Valmiera (Vidzeme)", "Address where the machines are", "What machines", "From", "To", "Name or company", "Phone", "Send the request", "A visit to the address you give: 30.00 EUR", "Write the address where the machines are.", "Thank you! Your request is received.")]
    public async Task A_client_requests_an_inspectors_visit_on_a_phone_and_every_step_is_accessible(
        string language, string service, string next, string office, string valmiera, string address, string machines, string from, string to,
        string name, string phone, string send, string fee, string noAddress, string received)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database: this test registers a request
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);

        async Task CheckAsync(string step)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"onsite-{step}.{language}.phone.png"), FullPage = true });
            problems.AddRange(await Axe.ViolationsAsync(page, $"onsite {step} [{language}]"));
            if (await SidewaysScroll.ProblemAsync(page, $"onsite {step} [{language}]") is { } scroll)
            {
                problems.Add(scroll);
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        await page.GotoAsync("/onsite");
        await CheckAsync("service");
        await page.GetByRole(AriaRole.Radio, new() { Name = service }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = next }).ClickAsync();

        await Expect(page.Locator(".onsite-fee")).ToContainTextAsync(fee);
        await Expect(page.Locator(".onsite-fee").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/inspection-stops");
        await CheckAsync("form");

        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();
        await Expect(page.Locator("#error-Address")).ToHaveTextAsync(noAddress);
        await CheckAsync("refused");

        await page.GetByLabel(office, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = valmiera });
        await page.GetByLabel(address, new() { Exact = true }).FillAsync("Z/s “Kalnieši”, Kocēnu pagasts, Valmieras novads");
        await page.GetByLabel(machines, new() { Exact = true }).FillAsync("MTZ-82 un piekabe 2PTS-4");
        await page.GetByLabel(from, new() { Exact = true }).FillAsync("2026-03-20");
        await page.GetByLabel(to, new() { Exact = true }).FillAsync("2026-04-10");
        await page.GetByLabel(name, new() { Exact = true }).FillAsync("Jānis Bērziņš");
        await page.GetByLabel(phone, new() { Exact = true }).FillAsync("29123456");
        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(received);
        await Expect(page.Locator(".onsite-number")).ToHaveTextAsync("IZ-2026-00001");
        await Expect(page).ToHaveURLAsync(new Regex("/onsite/status\\?number=IZ-2026-00001&token="));
        await CheckAsync("received");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
