using ClientDesk.Access;
using ClientDesk.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The desk workstation in a real browser on a phone (390 px) and a desktop, in Latvian and English: open a desk, call
/// the next client, refuse with a legal basis (first without one: the message), open the refusal notice. Each step
/// passes axe-core WCAG 2.0/2.1 A and AA with no sideways scroll; screenshots go to <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkstationBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task A_clerk_opens_a_desk_calls_the_next_client_refuses_with_a_legal_basis_and_prints_the_notice(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await app.App.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"], competences: ["theory-exam-traffic"]);
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClientDesk.Data.ClientDeskDb>();
            var location = await db.Locations.Where(l => l.Slug == "valmiera").Select(l => l.Id).SingleAsync(ct);
            var service = await db.Services.Where(s => s.Code == "theory-exam-traffic").Select(s => s.Id).SingleAsync(ct);
            db.Desks.Add(new Desk { LocationId = location, Number = 1, NoteLv = "pie loga", NoteEn = "by the window" });
            db.LegalBases.Add(new LegalBasis { ActLv = "Administratīvā procesa likums", ActEn = "Administrative Procedure Law", SectionLv = "67. pants", SectionEn = "Section 67" });
            await db.SaveChangesAsync(ct);
            var tickets = scope.ServiceProvider.GetRequiredService<Tickets>();
            for (var i = 0; i < 3; i++)
            {
                Assert.IsType<IssueOutcome.Issued>(await tickets.IssueAsync(new TicketRequest(location, service, TicketSource.Kiosk), ct));
            }
        }

        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(language == "lv" ? "Lietotājvārds" : "User name", new() { Exact = true }).FillAsync("ilze");
        await page.GetByLabel(language == "lv" ? "Parole" : "Password", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Ieiet" : "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        var problems = new List<string>();
        async Task CheckAsync(string slug)
        {
            var where = $"{slug} [{language}]";
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
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.desktop.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
        }

        await page.GotoAsync("/staff/queue?location=valmiera");
        await CheckAsync("queue-choose-desk");

        await page.Locator("form[action*='handler=Open'] button[type=submit]").First.ClickAsync();
        await Expect(page.Locator("form.queue-call-next button")).ToBeVisibleAsync();
        await Expect(page.Locator("#queue-waiting")).ToContainTextAsync("C001");
        await CheckAsync("queue-desk-open");

        await page.Locator("form.queue-call-next button").ClickAsync();
        await Expect(page.Locator("form.queue-finish")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("C001");
        await CheckAsync("queue-client-called");

        // A refusal without a legal basis: the message, and nothing stored.
        await page.Locator("input[name='Finish.Kind'][value='Refused']").CheckAsync();
        await page.Locator("#explanation").FillAsync(language == "lv" ? "Nav iesniegta medicīniskā izziņa." : "No medical certificate was presented.");
        await page.Locator("form.queue-finish button[type=submit]").Last.ClickAsync();
        await Expect(page.Locator("#legal-basis-error")).ToBeVisibleAsync();
        await CheckAsync("queue-refusal-refused");
        Assert.Equal(0, await app.App.WithDbAsync(db => db.VisitOutcomes.CountAsync(ct)));

        await page.Locator("input[name='Finish.Kind'][value='Refused']").CheckAsync();
        await page.Locator("#legal-basis").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("form.queue-finish button[type=submit]").Last.ClickAsync();
        await Expect(page.Locator(".queue-notice-link a")).ToBeVisibleAsync();
        // A refusal is no completed visit, so no survey; a mistake admitted at the desk goes to the error register (C-7).
        await Expect(page.Locator(".queue-after-links a[href^='/staff/errors/new?outcome=']")).ToBeVisibleAsync();
        await Expect(page.Locator(".queue-after-links a[href^='/staff/survey/tablet']")).ToHaveCountAsync(0);
        await CheckAsync("queue-refusal-saved");

        await page.Locator(".queue-notice-link a").ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("67. pants"); // the notice is in the client's language: the ticket's, Latvian
        await CheckAsync("queue-refusal-notice");

        var outcome = await app.App.WithDbAsync(db => db.VisitOutcomes.AsNoTracking().SingleAsync(ct));
        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on the workstation pages:\n" + string.Join("\n", problems));
    }
}
