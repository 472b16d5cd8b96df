using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The public feedback form in a real browser on a phone, in Latvian and English: the form, its refusal of an empty
/// message, and the confirmation with the case number pass axe-core with no sideways scroll; the kinds are radio
/// buttons named by their labels; the other ways in are on the page. The clock is Tuesday 17 March 2026, 09:00 in Riga.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackFormBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Sūdzība", "Jūsu iesniegums", "Vārds, uzvārds", "E-pasts", "E-pastā", "Nosūtīt", "Lūdzu, uzrakstiet savu iesniegumu.", "Paldies! Jūsu iesniegums ir saņemts.", "31.03.2026.", "Direktoram", "Nosūtīt lūgumu", "lai lietu izskata direktors")]
    [InlineData("en", "Complaint", "Your message", "Name", "E-mail", "By e-mail", "Send", "Please write your message.", "Thank you! Your submission is received.", "31 March 2026", "The director", "Send the request", "that the director look at the matter")]
    public async Task A_client_sends_a_complaint_on_a_phone_and_every_step_is_accessible(
        string language, string kind, string text, string name, string email, string reply, string send, string noText, string received, string deadline,
        string director, string ask, string asked)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database: this test registers a case
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);

        async Task CheckAsync(string step)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"feedback-{step}.{language}.phone.png"), FullPage = true });
            problems.AddRange(await Axe.ViolationsAsync(page, $"feedback {step} [{language}]"));
            if (await SidewaysScroll.ProblemAsync(page, $"feedback {step} [{language}]") is { } scroll)
            {
                problems.Add(scroll);
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        await page.GotoAsync("/feedback");
        await CheckAsync("form");
        await Expect(page.Locator(".feedback-other-ways").GetByRole(AriaRole.Link, new() { Name = "pasts@vtua.gov.lv" })).ToBeVisibleAsync();
        await Expect(page.Locator(".feedback-other-ways").GetByRole(AriaRole.Link, new() { Name = "67027486" })).ToBeVisibleAsync();
        await Expect(page.Locator(".feedback-other-ways").GetByRole(AriaRole.Link, new() { Name = "atbalsts@vtua.gov.lv" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = kind }).CheckAsync();
        await page.GetByLabel(name, new() { Exact = true }).FillAsync(language == "lv" ? "Anna Kalniņa" : "Anna Kalnina");
        await page.GetByLabel(email, new() { Exact = true }).FillAsync("anna@example.lv");
        await page.GetByRole(AriaRole.Radio, new() { Name = reply, Exact = true }).CheckAsync();
        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();

        // Without the message itself: the error is on the field, and what was typed is kept.
        await Expect(page.Locator("#error-Text")).ToHaveTextAsync(noText);
        await Expect(page.GetByLabel(email, new() { Exact = true })).ToHaveValueAsync("anna@example.lv");
        await CheckAsync("refused");

        await page.GetByLabel(text, new() { Exact = true }).FillAsync("Valmierā mani nepieņēma noteiktajā laikā.");
        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(received);
        await Expect(page.Locator(".feedback-number")).ToHaveTextAsync("2026-00001");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(deadline);
        await Expect(page).ToHaveURLAsync(new Regex("/feedback/status\\?number=2026-00001&token="));
        await CheckAsync("received");

        await page.GetByRole(AriaRole.Radio, new() { Name = director, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = ask, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(asked);
        await CheckAsync("asked");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("lv", "Uzticības tālrunī", "Iesnieguma teksts", "Reģistrēt", "Reģistrēts ar numuru 2026-00001.")]
    [InlineData("en", "Trust line", "Text of the submission", "Register", "Registered as number 2026-00001.")]
    public async Task A_staff_member_registers_a_trust_line_message_with_its_recording_on_a_phone_and_the_page_is_accessible(
        string language, string channel, string text, string register, string registered)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        await app.App.CreateStaffAsync("ilze", [ClientDesk.Access.Roles.ClientServiceSpecialist], ["valmiera"]);
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(language == "lv" ? "Lietotājvārds" : "User name", new() { Exact = true }).FillAsync("ilze");
        await page.GetByLabel(language == "lv" ? "Parole" : "Password", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Ieiet" : "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        async Task CheckAsync(string step)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"feedback-register-{step}.{language}.phone.png"), FullPage = true });
            problems.AddRange(await Axe.ViolationsAsync(page, $"register {step} [{language}]"));
            if (await SidewaysScroll.ProblemAsync(page, $"register {step} [{language}]") is { } scroll)
            {
                problems.Add(scroll);
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }

        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        await page.GotoAsync("/staff/cases/register");
        await CheckAsync("form");
        await page.GetByRole(AriaRole.Radio, new() { Name = channel }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = language == "lv" ? "Darbinieka nepieļaujama rīcība" : "An employee's improper conduct" }).CheckAsync();
        await page.GetByLabel(text, new() { Exact = true }).FillAsync("Zvanītājs ziņo, ka inspektors prasījis samaksu skaidrā naudā.");
        await page.Locator("#Input_Files").SetInputFilesAsync(new FilePayload { Name = "ieraksts.mp3", MimeType = "audio/mpeg", Buffer = [0x49, 0x44, 0x33, 4, 0] });
        await page.GetByRole(AriaRole.Button, new() { Name = register, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(registered);
        await CheckAsync("done");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
