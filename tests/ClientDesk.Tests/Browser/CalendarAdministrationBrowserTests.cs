using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The calendar administration (/admin/calendar) in a real browser: every page passes axe-core WCAG 2.0/2.1 A and AA
/// with one h1 and no sideways scrolling on a phone, in Latvian and English; a closure entered through the form closes
/// the day on the public location page; a rule preview shows the changed days and saves nothing.
/// The app's clock is <see cref="Infrastructure.TestApp.Clock"/> (Tuesday 17 March 2026, 09:00 in Riga); dates are
/// computed from it, so the tests follow the clock if it moves.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CalendarAdministrationBrowserTests(Chromium chromium, CalendarAdministrationBrowserTests.SeededApp seeded)
    : IClassFixture<CalendarAdministrationBrowserTests.SeededApp>
{
    /// <summary>Pages checked at once in one browser context (a 2-core machine runs this too).</summary>
    private const int ParallelPages = 3;

    private const string FridayRuleCode = "s2-appointments-friday";

    /// <summary>
    /// Checked at phone width, where layouts break; each page is then also photographed at desktop width, so that both
    /// can be looked at. (axe-core takes about two seconds a page here, so it runs once per page and language.)
    /// </summary>
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task Every_calendar_administration_page_passes_axe_with_one_h1_and_no_sideways_scroll_on_a_phone(string language)
    {
        Chromium.Require();
        var data = await seeded.GetAsync();
        var view = new View(language, "phone", 390, 844);
        await using var context = await chromium.NewContextAsync(data.App, language, view.Width, view.Height);
        await SignInAsync(context, data.App, data.AdministratorUserName, language);
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        var texts = Texts.Of(language);

        AdminPage[] pages =
        [
            new("admin-calendar", "/admin/calendar"),
            new("admin-calendar-rules", "/admin/calendar/rules"),
            new("admin-calendar-rules-new", "/admin/calendar/rules/new"),
            new("admin-calendar-rules-edit", $"/admin/calendar/rules/{data.FridayRuleId}/edit"),
            new("admin-calendar-rules-edit-preview", $"/admin/calendar/rules/{data.FridayRuleId}/edit", async page =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = texts.Preview, Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = texts.PreviewTitle, Level = 2, Exact = true })).ToBeVisibleAsync();
            }),
            new("admin-calendar-closures", "/admin/calendar/closures?location=riga"),
            new("admin-calendar-closures-new", "/admin/calendar/closures/new"),
            new("admin-calendar-closures-new-refused", "/admin/calendar/closures/new", async page =>
            {
                // Nothing filled in: every field is refused with its own message.
                await page.GetByRole(AriaRole.Button, new() { Name = texts.Save, Exact = true }).ClickAsync();
                await Expect(page.Locator("main")).ToContainTextAsync(texts.FirstClosedDayRequired);
            }),
            new("admin-calendar-closures-edit", $"/admin/calendar/closures/{data.ClosureId}/edit"),
            new("admin-calendar-closures-delete", $"/admin/calendar/closures/{data.ClosureId}/delete"),
            new("admin-calendar-special-days", "/admin/calendar/special-days?year=2026"),
            new("admin-calendar-special-days-new", "/admin/calendar/special-days/new"),
            new("admin-calendar-special-days-edit", $"/admin/calendar/special-days/{data.SpecialDayId}/edit"),
            new("admin-calendar-special-days-delete", $"/admin/calendar/special-days/{data.SpecialDayId}/delete"),
        ];

        var problems = new ConcurrentBag<string>();
        using var slots = new SemaphoreSlim(ParallelPages);
        await Task.WhenAll(pages.Select(async adminPage =>
        {
            await slots.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                foreach (var problem in await CheckAsync(context, adminPage, view))
                {
                    problems.Add(problem);
                }
            }
            finally
            {
                slots.Release();
            }
        }));

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Checked {pages.Length} pages [{view}]: {string.Join(", ", pages.Select(p => p.Slug))}");
        output?.WriteLine($"Screenshots: {AccessibilityTests.ScreenshotFolder}");
        Assert.True(problems.IsEmpty, $"{problems.Count} problem(s) on the calendar administration pages [{view}]:\n" + string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task An_administrator_adds_a_closure_with_the_form_and_the_public_location_page_shows_the_day_closed_with_its_reason()
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database: this test adds a closure
        var admin = await NewAdministratorAsync(app);
        var monday = MondayOf(RigaTime.Today(app.App.Clock));
        var closedDay = monday.AddDays(7 + 3); // Thursday next week: an ordinary working day in the week table
        var dayBefore = closedDay.AddDays(-1);
        await using var context = await chromium.NewContextAsync(app, "lv");
        await SignInAsync(context, app, admin, "lv");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/calendar/closures");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pievienot slēgšanu", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Jauna slēgšana");
        await page.GetByLabel("Vieta", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Jelgava" });
        await page.GetByLabel("Pirmā slēgtā diena", new() { Exact = true }).FillAsync(IsoDate(closedDay));
        await page.GetByLabel("Pēdējā slēgtā diena", new() { Exact = true }).FillAsync(IsoDate(closedDay));
        await page.GetByLabel("Iemesls latviski", new() { Exact = true }).FillAsync("Inspektors izbraukumā");
        await page.GetByLabel("Iemesls angliski", new() { Exact = true }).FillAsync("Inspector on the road");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saglabāt", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.Url("/admin/calendar/closures").ToString());
        var success = page.GetByRole(AriaRole.Status);
        await Expect(success).ToContainTextAsync("Jelgava: slēgšana (");
        await Expect(success).ToContainTextAsync(new Regex($@" {closedDay.Day}\. [^ ]+ .* ir saglabāta\."));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Inspektors izbraukumā" })).ToContainTextAsync("Jelgava");

        // The public page, as a client sees it: the day is closed with the reason, the day before is still open.
        await page.GotoAsync("/locations/jelgava");
        await Expect(DayRow(page, closedDay, "lv")).ToContainTextAsync("Slēgts: Inspektors izbraukumā");
        await Expect(DayRow(page, closedDay, "lv")).ToHaveClassAsync(new Regex(@"\bclosed\b"));
        await Expect(DayRow(page, dayBefore, "lv")).ToContainTextAsync("8:30–");
        await Expect(DayRow(page, dayBefore, "lv")).Not.ToContainTextAsync("Slēgts");
        await Expect(page.Locator("section.hours ul.exceptions")).ToContainTextAsync("Inspektors izbraukumā");
        await ScreenshotAsync(page, "locations-jelgava-with-closure.lv.desktop.png");

        // The printable poster of that week says the same.
        await page.GotoAsync($"/locations/jelgava/poster?week={IsoDate(MondayOf(closedDay))}");
        await Expect(DayRow(page, closedDay, "lv")).ToContainTextAsync("Slēgts: Inspektors izbraukumā");

        // And in English, the English reason.
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseUrl.ToString() }]);
        await page.GotoAsync("/locations/jelgava");
        await Expect(DayRow(page, closedDay, "en")).ToContainTextAsync("Closed: Inspector on the road");
    }

    [Fact]
    public async Task The_rule_preview_marks_the_changed_Fridays_keeps_the_form_filled_and_saves_nothing()
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database, so that a preview that saved could not leak into other tests
        var admin = await NewAdministratorAsync(app);
        var today = RigaTime.Today(app.App.Clock);
        var fortnight = Enumerable.Range(0, 14).Select(today.AddDays).ToList(); // the rule preview shows 14 days from today
        var fridays = fortnight.Where(d => d.DayOfWeek == DayOfWeek.Friday).ToList();
        await using var context = await chromium.NewContextAsync(app, "lv");
        await SignInAsync(context, app, admin, "lv");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/calendar/rules");
        await RuleRow(page, FridayRuleCode).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Labot darba laika noteikumu");
        var end = page.GetByLabel("Beigas", new() { Exact = true });
        await Expect(end).ToHaveValueAsync("16:00");
        await end.FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Priekšskatīt", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]handler=Preview\b"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Priekšskatījums", Level = 2, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nekas vēl nav saglabāts." })).ToBeVisibleAsync();

        // At the head office the two Fridays of the fortnight change, from 16:00 to 15:00, and no other day does.
        var riga = page.GetByRole(AriaRole.Region, new() { Name = "Rīga (centrālais birojs)", Exact = true });
        await Expect(riga.Locator("tbody tr")).ToHaveCountAsync(fortnight.Count);
        var changed = riga.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mainās" });
        await Expect(changed).ToHaveCountAsync(fridays.Count);
        for (var i = 0; i < fridays.Count; i++)
        {
            var row = changed.Nth(i);
            await Expect(row.GetByRole(AriaRole.Rowheader)).ToContainTextAsync(new Regex($@"piektdiena, \d{{4}}\. gada {fridays[i].Day}\. "));
            await Expect(row.Locator("td").Nth(0)).ToContainTextAsync("8:30–16:00");
            await Expect(row.Locator("td").Nth(1)).ToContainTextAsync("8:30–15:00");
            await Expect(row).ToHaveClassAsync(new Regex(@"\bchanged\b"));
        }

        await ScreenshotAsync(page, "admin-calendar-rules-edit-preview-changed.lv.desktop.png");

        // The form still holds what was typed and what was loaded.
        await Expect(page.GetByLabel("Beigas", new() { Exact = true })).ToHaveValueAsync("15:00");
        await Expect(page.GetByLabel("Sākums", new() { Exact = true })).ToHaveValueAsync("08:30");
        await Expect(page.GetByLabel("Kods", new() { Exact = true })).ToHaveValueAsync(FridayRuleCode);
        await Expect(page.GetByLabel("Nosaukums latviski", new() { Exact = true })).ToHaveValueAsync("Pieņemšana pēc pieraksta (piektdiena)");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "piektdiena", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "pirmdiena", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("Pārtraukuma sākums").First).ToHaveValueAsync("12:00");

        // Nothing is saved: the rule list and the public page still say 16:00 on Friday.
        await page.GotoAsync("/admin/calendar/rules");
        await Expect(RuleRow(page, FridayRuleCode)).ToContainTextAsync("8:30–16:00");
        await page.GotoAsync("/locations/riga");
        var friday = DayRow(page, fridays[0], "lv");
        await Expect(friday).ToContainTextAsync("8:30–16:00");
        await Expect(friday).Not.ToContainTextAsync("15:00");
        var stored = await app.App.WithDbAsync(db => db.ScheduleRules.AsNoTracking().Where(r => r.Code == FridayRuleCode).Select(r => r.End).SingleAsync());
        Assert.Equal(new TimeOnly(16, 0), stored);
    }

    // ---- helpers ----

    /// <summary>Signs in through the real form in the context's language; the context keeps the cookie.</summary>
    private static async Task SignInAsync(IBrowserContext context, BrowserApp app, string userName, string language)
    {
        var texts = Texts.Of(language);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/staff/sign-in");
            await page.GetByLabel(texts.UserName, new() { Exact = true }).FillAsync(userName);
            await page.GetByLabel(texts.Password, new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = texts.SignIn, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static async Task ScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, fileName), FullPage = true });
    }

    private static async Task<string> NewAdministratorAsync(BrowserApp app)
    {
        var userName = $"admin{Guid.NewGuid():N}"[..16];
        await app.App.CreateStaffAsync(userName, [Roles.Administrator]);
        return userName;
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The rule's own row in the rule list (other rules name it in their "replaces" column).</summary>
    private static ILocator RuleRow(IPage page, string code) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader).Filter(new() { Has = page.GetByText(code, new() { Exact = true }) }) });

    /// <summary>The row of a public week table whose day heading is the date: "Ceturtdiena, 26. marts" / "Thursday 26 March".</summary>
    private static ILocator DayRow(IPage page, DateOnly date, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language == "lv" ? "lv-LV" : "en-GB");
        var month = culture.DateTimeFormat.GetMonthName(date.Month)[..3];
        var heading = language == "lv" ? $@"\b{date.Day}\. {month}" : $@"\b{date.Day} {month}";
        return page.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex(heading, RegexOptions.IgnoreCase) }) });
    }

    private static async Task<List<string>> CheckAsync(IBrowserContext context, AdminPage adminPage, View view)
    {
        var problems = new List<string>();
        var where = $"{adminPage.Slug} {adminPage.Path} [{view}]";
        var page = await context.NewPageAsync();
        try
        {
            var response = await page.GotoAsync(adminPage.Path);
            if (response?.Status != 200)
            {
                problems.Add($"{where}: answers HTTP {response?.Status}, expected 200");
                return problems;
            }

            if (adminPage.Act is not null)
            {
                try
                {
                    await adminPage.Act(page);
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    problems.Add($"{where}: the page did not get into the state to check: {e.Message.Split('\n')[0]}");
                }
            }

            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{adminPage.Slug}.{view.Language}.{view.Name}.png"),
                FullPage = true,
            });

            var lang = await page.Locator("html").GetAttributeAsync("lang");
            if (lang != view.Language)
            {
                problems.Add($"{where}: <html lang=\"{lang}\">, expected \"{view.Language}\"");
            }

            var h1s = await page.Locator("h1").CountAsync();
            if (h1s != 1)
            {
                problems.Add($"{where}: {h1s} h1 elements, expected exactly 1");
            }

            // A text key shown instead of its text ("Rule.Something") means a resource is missing in this language.
            var text = await page.Locator("body").InnerTextAsync();
            foreach (var key in RawTextKey().Matches(text).Select(m => m.Value).Distinct())
            {
                problems.Add($"{where}: shows the text key \"{key}\" instead of a text");
            }

            if (await SidewaysScroll.ProblemAsync(page, where) is { } sideways)
            {
                problems.Add(sideways);
            }

            problems.AddRange(await Axe.ViolationsAsync(page, where));

            await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{adminPage.Slug}.{view.Language}.{Desktop.Name}.png"),
                FullPage = true,
            });
        }
        finally
        {
            await page.CloseAsync();
        }

        return problems;
    }

    /// <summary>"Rule.Something", "Preview.NotSaved": the shape of the resource keys.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\b")]
    private static partial Regex RawTextKey();

    /// <summary>A page to check; <paramref name="Act"/> brings it into the state to check (after a preview, after a refused save).</summary>
    private sealed record AdminPage(string Slug, string Path, Func<IPage, Task>? Act = null);

    private static readonly (string Name, int Width, int Height) Desktop = ("desktop", 1280, 900);

    private sealed record View(string Language, string Name, int Width, int Height)
    {
        public override string ToString() => $"{Language}, {Name} {Width}×{Height}";
    }

    /// <summary>The words the checks click and look for, in each language.</summary>
    private sealed record Texts(string UserName, string Password, string SignIn, string Save, string Preview, string PreviewTitle, string FirstClosedDayRequired)
    {
        private static readonly Texts Latvian = new("Lietotājvārds", "Parole", "Ieiet", "Saglabāt", "Priekšskatīt", "Priekšskatījums",
            "Lūdzu, aizpildiet laukumu “Pirmā slēgtā diena”.");

        private static readonly Texts English = new("User name", "Password", "Sign in", "Save", "Preview", "Preview",
            "Please fill in “First closed day”.");

        public static Texts Of(string language) => language == "lv" ? Latvian : English;
    }

    /// <summary>What the page checks need in the database: an administrator, a closure, the Friday rule and a special day.</summary>
    internal sealed record Seeded(BrowserApp App, string AdministratorUserName, int FridayRuleId, int ClosureId, int SpecialDayId);

    /// <summary>
    /// One app for the four runs of the page checks, started on first use, with its own database (it adds an
    /// administrator and a closure, which the shared app must not show).
    /// </summary>
    public sealed class SeededApp : IAsyncDisposable
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private Seeded? seeded;

        internal async Task<Seeded> GetAsync()
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return seeded ??= await SeedAsync();
            }
            finally
            {
                gate.Release();
            }
        }

        private static async Task<Seeded> SeedAsync()
        {
            var app = await BrowserApp.StartAsync();
            try
            {
                var admin = await NewAdministratorAsync(app);
                var monday = MondayOf(RigaTime.Today(app.App.Clock));
                var (closureId, ruleId, specialDayId) = await app.App.WithDbAsync(async db =>
                {
                    // Saved through the app's own context, so the calendar change is noted and the previews see it.
                    var closure = new LocationClosure
                    {
                        LocationId = await db.Locations.Where(l => l.Slug == "riga").Select(l => l.Id).SingleAsync(),
                        StartsOn = monday.AddDays(7),
                        EndsOn = monday.AddDays(8),
                        ReasonLv = "Darbinieki mācībās",
                        ReasonEn = "Staff in training",
                    };
                    db.LocationClosures.Add(closure);
                    await db.SaveChangesAsync();
                    var rule = await db.ScheduleRules.Where(r => r.Code == FridayRuleCode).Select(r => r.Id).SingleAsync();
                    var day = await db.SpecialDays.Where(d => d.Kind == SpecialDayKind.MovedWorkingSaturday).OrderByDescending(d => d.Date)
                        .Select(d => d.Id).FirstAsync();
                    return (closure.Id, rule, day);
                });
                return new Seeded(app, admin, ruleId, closureId, specialDayId);
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (seeded is not null)
            {
                await seeded.App.DisposeAsync();
            }

            gate.Dispose();
        }
    }
}
