using ClientDesk.Queue;
using ClientDesk.Tests.OnSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// Inspector planning in a real browser on a phone (390 px), in Latvian and English: the inspector signs in, sees the
/// region's open requests on the list and the map, makes a round of three, moves a stop up and another down, tells the
/// clients, opens the day sheet and records a visit as completed. Every page passes axe-core WCAG 2.0/2.1 A and AA, has
/// one h1 and no sideways scroll; screenshots (phone and desktop) go to <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// The clock is Tuesday 17 March 2026; the round is for Wednesday 18 March.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnSitePlanningBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task An_inspector_plans_a_round_orders_it_tells_the_clients_and_records_a_visit_with_no_accessibility_problems(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var en = language == "en";
        await PlanningTests.InspectorAsync(app.App, "janis");
        await PlanningTests.AddRequestAsync(app.App, "valmiera", 1, "Liepas", 57.5220, 25.3390, email: "liepas@example.lv");
        await PlanningTests.AddRequestAsync(app.App, "valmiera", 2, "Ezermalas", 57.6940, 25.2720, email: "ezermalas@example.com", language: "en", machines: 3);
        await PlanningTests.AddRequestAsync(app.App, "valmiera", 3, "Ozoli", 57.6270, 25.6880, phone: "29100001");

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
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.desktop.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
        }

        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(en ? "User name" : "Lietotājvārds", new() { Exact = true }).FillAsync("janis");
        await page.GetByLabel(en ? "Password" : "Parole", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Sign in" : "Ieiet", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        await page.GotoAsync(PlanningTests.Page);
        await Expect(page.Locator("figure.onsite-map svg circle")).ToHaveCountAsync(3);
        await CheckAsync("onsite-list");

        foreach (var number in new[] { "IZ-2026-00001", "IZ-2026-00002", "IZ-2026-00003" })
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = number }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Make the round" : "Izveidot maršrutu" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/staff/onsite/rounds/\d+/plan$"));
        await CheckAsync("onsite-plan");

        var stops = page.Locator("ol.onsite-stops > li h2");
        var before = await stops.AllInnerTextsAsync();
        var last = before[^1].Split(' ')[^1];
        await page.GetByRole(AriaRole.Button, new() { Name = en ? $"Move {last} up" : $"Pārcelt {last} uz augšu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(en ? "Order changed." : "Secība mainīta.");
        await Expect(stops.Nth(1)).ToContainTextAsync(last);
        await page.GetByRole(AriaRole.Button, new() { Name = en ? $"Move {last} down" : $"Pārcelt {last} uz leju" }).ClickAsync();
        await Expect(stops.Nth(2)).ToContainTextAsync(last);
        await CheckAsync("onsite-plan-moved");

        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Tell the clients (3)" : "Paziņot klientiem (3)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(en ? "The clients' notices are on their way." : "Paziņojumi klientiem nosūtīšanai sagatavoti.");
        await CheckAsync("onsite-plan-told");

        await page.GetByRole(AriaRole.Link, new() { Name = en ? "Day sheet (on the road, to print)" : "Dienas lapa (ceļā, drukāšanai)" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(en ? "Day sheet for" : "Dienas lapa");
        await CheckAsync("onsite-sheet");

        var firstNumber = System.Text.RegularExpressions.Regex.Match(await page.Locator("ol.onsite-stops > li").First.InnerTextAsync(), @"IZ-2026-\d{5}").Value;
        await page.GetByRole(AriaRole.Button, new() { Name = en ? $"Service completed ({firstNumber})" : $"Pakalpojums sniegts ({firstNumber})" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(firstNumber);
        await CheckAsync("onsite-sheet-recorded");

        // The next stop ends another way: the outcome form comes back with its message, then records it.
        var second = page.Locator("ol.onsite-stops > li").Nth(1);
        await second.GetByText(en ? "Another outcome (refused, interrupted, referred)" : "Cits iznākums (atteikums, pārtraukts, novirzīts)").ClickAsync();
        await second.GetByRole(AriaRole.Radio, new() { Name = en ? "interrupted" : "pārtraukts", Exact = true }).CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = en ? "Record the outcome" : "Reģistrēt iznākumu" }).ClickAsync();
        var reopened = page.Locator("ol.onsite-stops > li").Nth(1);
        await Expect(reopened.Locator(".field-error")).ToHaveTextAsync(en ? "Choose why the service was interrupted." : "Izvēlieties pārtraukšanas iemeslu.");
        await CheckAsync("onsite-sheet-outcome-refused");
        await reopened.GetByRole(AriaRole.Radio, new() { Name = en ? "Client visibly intoxicated" : "Klients acīmredzami reibumā" }).CheckAsync();
        await reopened.GetByRole(AriaRole.Button, new() { Name = en ? "Record the outcome" : "Reģistrēt iznākumu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(en ? "outcome recorded — interrupted" : "reģistrēts iznākums — pārtraukts");

        await page.GotoAsync(PlanningTests.Page);
        await CheckAsync("onsite-list-planned");

        var outcomes = await app.App.WithDbAsync(db => db.VisitOutcomes.AsNoTracking().Where(o => o.RoundStopId != null).Select(o => o.Kind).ToListAsync());
        Assert.Equal([OutcomeKind.Completed, OutcomeKind.Interrupted], outcomes.Order());
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on the planning pages:\n" + string.Join("\n", problems));
    }
}
