using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Feedback.Errors;
using ClientDesk.Tests.Feedback;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The error register, the gift log and the feedback report in a real browser, in Latvian and English: each page
/// (the forms also with their messages shown) passes axe-core WCAG 2.0/2.1 A and AA, has one h1, no raw text keys and
/// no sideways scroll on a phone (390 px); the report also at desktop width. Screenshots go to
/// <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FeedbackRegistersBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task The_register_the_gift_form_and_the_report_pass_axe_with_one_h1_and_no_sideways_scroll(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        await FeedbackReportTests.SeedAsync(app.App);
        var officer = await app.App.CreateStaffAsync("anna", [Roles.CaseOfficer, Roles.EthicsOfficer], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app.App, "valmiera");
        var caseNumber = (await RegistersTestData.RegisterCaseAsync(app.App, "valmiera")).Number;
        await app.App.WithDbAsync(async db =>
        {
            db.ErrorRecords.Add(new ErrorRecord
            {
                RecordedAtUtc = app.App.Clock.GetUtcNow().UtcDateTime, RecordedByStaffId = officer.Id, LocationId = valmiera,
                WhatWentWrong = "Klientam nosūtījām nepareizu apliecības numuru; viņam bija jābrauc vēlreiz no Smiltenes.",
                CorrectiveAction = "Izsūtīt labotu apliecību.", ResponsibleStaffId = officer.Id, DueOn = new DateOnly(2026, 3, 12),
            });
            await db.SaveChangesAsync();
        });

        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(language == "lv" ? "Lietotājvārds" : "User name", new() { Exact = true }).FillAsync("anna");
        await page.GetByLabel(language == "lv" ? "Parole" : "Password", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Ieiet" : "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        async Task SubmitEmpty(IPage p)
        {
            await p.Locator("form[method=post] button[type=submit]").Last.ClickAsync();
            await Expect(p.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        }

        (string Slug, string Path, Func<IPage, Task>? Act, bool Desktop)[] pages =
        [
            ("errors-list", "/staff/errors", null, false),
            ("errors-new-from-case", $"/staff/errors/new?case={caseNumber}", null, false),
            ("errors-new-refused", "/staff/errors/new", SubmitEmpty, false),
            ("errors-record", "/staff/errors/1", null, false),
            ("gifts-new", "/staff/gifts/new", null, false),
            ("gifts-new-refused", "/staff/gifts/new", async p =>
            {
                await p.Locator("#WhatWasOffered").FillAsync("");
                await p.Locator("input[name=Declined][value=false]").CheckAsync();
                await SubmitEmpty(p);
            }, false),
            ("gifts-list", "/staff/gifts", null, false),
            ("feedback-report", "/staff/feedback/reports?location=valmiera&month=2026-03", null, true),
        ];

        var problems = new List<string>();
        foreach (var (slug, path, act, desktop) in pages)
        {
            var where = $"{slug} {path} [{language}, phone]";
            var response = await page.GotoAsync(path);
            if (response?.Status != 200)
            {
                problems.Add($"{where}: HTTP {response?.Status}");
                continue;
            }

            if (act is not null)
            {
                await act(page);
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
            if (desktop)
            {
                await page.SetViewportSizeAsync(1280, 900);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.desktop.png"), FullPage = true });
                problems.AddRange(await Axe.ViolationsAsync(page, where.Replace("phone", "desktop", StringComparison.Ordinal)));
                await page.SetViewportSizeAsync(390, 844);
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on the feedback register pages:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\b")]
    private static partial Regex RawTextKey();
}
