using ClientDesk.Tests.Feedback;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The survey after a visit (K-4) in a real browser at phone width, in Latvian and English: the form, its error
/// message and the thank-you page pass axe-core (WCAG 2.1 A and AA) with no sideways scroll; every question is a
/// group of labelled radio buttons; a low score with consent ends with the number of the case it opened.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SurveyBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Cik apmierināts kopumā esat ar apmeklējumu?", "2 — Neapmierināts", "Tas, kas tika solīts, tika izdarīts.", "1 — Pilnīgi nepiekrītu",
        "Nosūtīt atbildes", "Lūdzu, izvēlieties kopējo vērtējumu", "Jūs drīkstat ar mani sazināties par šo apmeklējumu", "Vārds, uzvārds", "E-pasts", "iesniegumu Nr.")]
    [InlineData("en", "Overall, how satisfied are you with your visit?", "2 — Dissatisfied", "What was promised was done.", "1 — Strongly disagree",
        "Send my answers", "Please choose an overall score", "You may contact me about this visit", "Name", "E-mail", "submission No.")]
    public async Task A_client_answers_the_survey_on_a_phone_and_every_step_is_accessible(
        string language, string overall, string low, string responsibility, string disagree, string send, string missing, string consent, string name, string email, string caseText)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var (token, _) = await SurveySupport.InvitedVisitAsync(app.App);
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);

        async Task CheckAsync(string step)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"survey-{step}.{language}.phone.png"), FullPage = true });
            problems.AddRange(await Axe.ViolationsAsync(page, $"survey {step} [{language}]"));
            if (await SidewaysScroll.ProblemAsync(page, $"survey {step} [{language}]") is { } scroll)
            {
                problems.Add(scroll);
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        await page.GotoAsync($"/survey/{token}");
        await CheckAsync("form");

        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(missing);
        await CheckAsync("errors");

        await page.GetByRole(AriaRole.Group, new() { Name = overall }).GetByRole(AriaRole.Radio, new() { Name = low, Exact = true }).CheckAsync();
        var promised = page.GetByRole(AriaRole.Group, new() { Name = responsibility }).GetByRole(AriaRole.Radio, new() { Name = disagree, Exact = true });
        await promised.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(promised).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = consent }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = name, Exact = true }).FillAsync("Anna Kalniņa");
        await page.GetByRole(AriaRole.Textbox, new() { Name = email, Exact = true }).FillAsync("anna@example.lv");
        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(caseText);
        await CheckAsync("thanks");
        await page.GotoAsync($"/survey/{token}");
        await CheckAsync("answered");
        await page.GotoAsync($"/survey/{token}/opt-out");
        await CheckAsync("opt-out");
        var answer = Assert.Single(await SurveySupport.AnswersAsync(app.App));
        Assert.Equal((2, (int?)1), (answer.Overall, answer.Responsibility));
        Assert.NotNull(answer.CaseId);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_survey_on_the_desk_tablet_has_nothing_to_wander_off_to_and_ends_on_a_thank_you_screen()
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var ticket = await SurveySupport.VisitAsync(app.App, email: null, minutesAgo: 1);
        await app.App.CreateStaffAsync("ilze", [global::ClientDesk.Access.Roles.ClientServiceSpecialist], ["valmiera"]);
        await using var context = await chromium.NewContextAsync(app, "lv", 800, 1280);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Lietotājvārds", new() { Exact = true }).FillAsync("ilze");
        await page.GetByLabel("Parole", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ieiet", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        await page.GotoAsync($"/staff/survey/tablet?ticket={ticket}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, "survey-tablet-open.lv.png"), FullPage = true });
        problems.AddRange(await Axe.ViolationsAsync(page, "survey tablet open [lv]"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Atvērt aptauju klientam", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/survey/[A-Za-z0-9_-]+$"));
        var survey = new Uri(page.Url).AbsolutePath;
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, "survey-tablet.lv.png"), FullPage = true });
        problems.AddRange(await Axe.ViolationsAsync(page, "survey tablet [lv]"));
        Assert.Equal(["/language?culture=en&returnUrl=" + Uri.EscapeDataString(survey)], await page.Locator("a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))"));

        await page.GetByRole(AriaRole.Group, new() { Name = "Cik apmierināts kopumā" }).GetByRole(AriaRole.Radio, new() { Name = "5 — Ļoti apmierināts", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nosūtīt atbildes", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Lūdzu, atdodiet planšetdatoru darbiniekam.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, "survey-tablet-thanks.lv.png"), FullPage = true });
        problems.AddRange(await Axe.ViolationsAsync(page, "survey tablet thanks [lv]"));
        Assert.Equal(1, await page.Locator("a").CountAsync()); // the language only
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
