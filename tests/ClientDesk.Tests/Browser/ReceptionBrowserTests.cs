using ClientDesk.Access;
using ClientDesk.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// Visitor reception in a real browser on a phone (390 px), in Latvian and English: the public list of officials, the
/// request form (empty, then with its messages, then sent with a time from the hours), the status page; then the director
/// signs in, opens the request from the list and confirms the wished time. Every page passes axe-core WCAG A/AA, has one
/// h1 and no sideways scroll; screenshots go to <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReceptionBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task A_client_asks_the_director_for_a_meeting_and_the_director_confirms_it_with_no_accessibility_problems(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var en = language == "en";
        await app.App.CreateStaffAsync("direktors", [Roles.Director, Roles.Administrator], ["riga"]);
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClientDesk.Data.ClientDeskDb>();
            var director = await db.ReceptionOfficials.SingleAsync(o => o.Key == "director", ct);
            db.ReceptionHours.Add(new ReceptionHours
            {
                OfficialId = director.Id, Weekday = DayOfWeek.Thursday, Start = new TimeOnly(14, 0), End = new TimeOnly(16, 0), ValidFrom = new DateOnly(2026, 1, 1),
            });
            await db.SaveChangesAsync(ct);
        }

        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        async Task CheckAsync(string slug)
        {
            var where = $"{slug} {page.Url} [{language}, phone]";
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.phone.png"), FullPage = true });
            if (await page.Locator("h1").CountAsync() != 1)
            {
                problems.Add($"{where}: not exactly one h1");
            }

            if (await SidewaysScroll.ProblemAsync(page, where) is { } sideways)
            {
                problems.Add(sideways);
            }

            problems.AddRange(await Axe.ViolationsAsync(page, where));
        }

        await page.GotoAsync("/reception");
        await CheckAsync("reception-list");
        await page.GetByRole(AriaRole.Link, new() { Name = en ? "Ask for a meeting: Director" : "Pieteikties: Direktors" }).ClickAsync();
        await CheckAsync("reception-form");

        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Send the request" : "Nosūtīt pieteikumu" }).ClickAsync();
        await Expect(page.GetByText(en ? "Please correct the marked fields." : "Lūdzu, izlabojiet atzīmētos laukus.")).ToBeVisibleAsync();
        await CheckAsync("reception-form-errors");

        await page.GetByLabel(en ? "What you wish to talk about" : "Jautājums, par kuru vēlaties runāt").FillAsync("Par traktora reģistrācijas atteikumu.");
        await page.GetByLabel(en ? "A time from the reception hours" : "Laiks no pieņemšanas laika").SelectOptionAsync("2026-03-19T14:30");
        await page.GetByLabel(en ? "Name" : "Vārds, uzvārds", new() { Exact = true }).FillAsync("Anna Kalniņa");
        await page.GetByLabel(en ? "E-mail" : "E-pasts", new() { Exact = true }).FillAsync("anna@example.lv");
        app.App.Clock.Advance(TimeSpan.FromSeconds(10));
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Send the request" : "Nosūtīt pieteikumu" }).ClickAsync();
        await Expect(page.GetByText(en ? "Request received. Number: PN-2026-00001" : "Pieteikums saņemts. Numurs: PN-2026-00001")).ToBeVisibleAsync();
        await CheckAsync("reception-status");

        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(en ? "User name" : "Lietotājvārds", new() { Exact = true }).FillAsync("direktors");
        await page.GetByLabel(en ? "Password" : "Parole", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Sign in" : "Ieiet", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        await page.GotoAsync("/staff/reception");
        await CheckAsync("reception-staff-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "PN-2026-00001 — Anna Kalniņa" }).ClickAsync();
        await CheckAsync("reception-staff-request");
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Confirm the wished time" : "Apstiprināt vēlamo laiku" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(en ? "Request PN-2026-00001 confirmed" : "Pieteikums PN-2026-00001 apstiprināts");
        await CheckAsync("reception-staff-confirmed");

        await page.GotoAsync("/staff/reception/register");
        await CheckAsync("reception-staff-register");
        await page.GotoAsync("/staff/reception/officials");
        await CheckAsync("reception-officials");
        await page.GetByRole(AriaRole.Link, new() { Name = en ? "Edit: Director" : "Labot: Direktors" }).ClickAsync();
        await CheckAsync("reception-official");

        var confirmed = await app.App.WithDbAsync(db => db.ReceptionRequests.AsNoTracking().SingleAsync(ct));
        Assert.Equal((ReceptionStatus.Confirmed, new DateOnly(2026, 3, 19), new TimeOnly(14, 30)), (confirmed.Status, confirmed.ConfirmedDate, confirmed.ConfirmedStart));
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on the reception pages:\n" + string.Join("\n", problems));
    }
}
