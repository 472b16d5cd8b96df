using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Feedback;
using ClientDesk.Tests.Feedback;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The case officer's pages in a real browser on a phone (390 px), in Latvian and English: the dashboard (with an
/// overdue case, one due today and an information-only one), the case page before and after answering it by post,
/// with a form error shown, and the printable letter pass axe-core WCAG 2.0/2.1 A and AA, have one h1, no raw text
/// keys and no sideways scroll. Screenshots go to <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseOfficerBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task The_dashboard_and_the_case_page_pass_axe_and_an_officer_answers_a_case_by_keyboard_and_mouse(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var lv = language == "lv";
        await app.App.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        await app.App.CreateStaffAsync("vilis", [Roles.RegionalHead], ["gulbene"]);
        var number = await CaseSteps.RegisterAsync(app.App, "valmiera", CaseSteps.Complaint with
        {
            PostalAddress = "Rīgas iela 1, Valmiera, LV-4201",
            PreferredReply = ReplyChannel.Post,
            Language = language,
            Text = "Rindā Valmierā gaidīju divas stundas, un neviens nepaskaidroja, kāpēc.",
        }, [new NewAttachment("vēstule.pdf", "application/pdf", [37, 80, 68, 70])]);
        await CaseSteps.RegisterAsync(app.App, "valmiera", CaseSteps.Complaint with { ReceivedAtUtc = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc) });
        await CaseSteps.RegisterAsync(app.App, "valmiera", CaseSteps.Complaint with { ReceivedAtUtc = new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc), Kind = CaseKind.Question });
        await CaseSteps.RegisterAsync(app.App, null, CaseSteps.Complaint with { Name = null, Email = null, Kind = CaseKind.Suggestion });

        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(lv ? "Lietotājvārds" : "User name", new() { Exact = true }).FillAsync("anna");
        await page.GetByLabel(lv ? "Parole" : "Password", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = lv ? "Ieiet" : "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        var problems = new List<string>();
        await CheckAsync(page, "cases-dashboard", "/staff/cases", language, problems);
        await Expect(page.GetByText(lv ? "Nokavēts — dienas pēc termiņa: 1" : "Overdue — days past the deadline: 1")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url($"/staff/cases/{number}").ToString());
        await CheckAsync(page, "case-registered", null, language, problems);

        await page.GetByRole(AriaRole.Button, new() { Name = lv ? "Ņemt lietu sev" : "Take it myself" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = lv ? "Saglabāt un nosūtīt atbildi" : "Save and send the answer" }).ClickAsync();
        await Expect(page.GetByText(lv ? "Ierakstiet atbildes tekstu." : "Write the answer.")).ToBeVisibleAsync();
        await CheckAsync(page, "case-answer-error", null, language, problems);

        await page.GetByLabel(lv ? "Atbildes teksts" : "Text of the answer").FillAsync("Pārbaudījām rindas kārtību Valmierā un to mainījām.");
        await page.GetByLabel(lv ? "Atbildes teksts" : "Text of the answer").PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(lv ? "Izdrukājiet vēstuli" : "Print the letter");
        await CheckAsync(page, "case-answered", null, language, problems);

        await page.GetByRole(AriaRole.Link, new() { Name = lv ? "Atvērt vēstuli drukāšanai" : "Open the letter to print" }).ClickAsync();
        await Expect(page.Locator("article.case-letter")).ToContainTextAsync("Republikas laukums 2, Rīga, LV-1010");
        await Expect(page.Locator("article.case-letter")).ToContainTextAsync("Pārbaudījām rindas kārtību Valmierā un to mainījām.");
        await CheckAsync(page, "case-letter", null, language, problems);

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on the case officer's pages:\n" + string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string slug, string? path, string language, List<string> problems)
    {
        var where = $"{slug} [{language}, phone]";
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            if (response?.Status != 200)
            {
                problems.Add($"{where}: HTTP {response?.Status}");
                return;
            }
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.phone.png"), FullPage = true });
        if (await page.Locator("h1").CountAsync() != 1)
        {
            problems.Add($"{where}: not exactly one h1");
        }

        foreach (var key in RawTextKey().Matches(await page.Locator("main").InnerTextAsync()).Select(m => m.Value).Distinct())
        {
            problems.Add($"{where}: shows the text key \"{key}\"");
        }

        if (await SidewaysScroll.ProblemAsync(page, where) is { } sideways)
        {
            problems.Add(sideways);
        }

        problems.AddRange(await Axe.ViolationsAsync(page, where));
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\b")]
    private static partial Regex RawTextKey();
}
