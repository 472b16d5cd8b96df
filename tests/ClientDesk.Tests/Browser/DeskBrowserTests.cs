using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>
/// The staff booking desk in a real browser on a phone (390 px), in Latvian and English: the day view (with
/// appointments and a search), the staff booking page in both steps (also with every message shown), the move and
/// cancel pages and the affected bookings pass axe-core WCAG 2.0/2.1 A and AA, have one h1 and no sideways scroll.
/// Screenshots at phone and desktop width go to <see cref="AccessibilityTests.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DeskBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task The_desk_pages_pass_axe_with_one_h1_and_no_sideways_scroll_on_a_phone(string language)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var tuesday = new DateOnly(2026, 3, 24);
        var staff = await app.App.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"]);
        int appointmentId;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClientDesk.Data.ClientDeskDb>();
            var location = await db.Locations.Where(l => l.Slug == "valmiera").Select(l => l.Id).SingleAsync(ct);
            var service = await db.Services.Where(s => s.Code == "theory-exam-traffic").Select(s => s.Id).SingleAsync(ct);
            var bookings = scope.ServiceProvider.GetRequiredService<Bookings>();
            var booked = Assert.IsType<BookingOutcome.Booked>(await bookings.BookAsync(new BookingRequest(
                location, service, tuesday, new TimeOnly(10, 0), 2, BookingChannels.Phone,
                new ClientDetails("Jānis Bērziņš-Ozoliņš", "29123456", "janis.berzins.ozolins@example.lv", Note: "Atbrauks ar traktoru un divām piekabēm"), staff.Id), ct));
            appointmentId = booked.Appointment.Id;
            await bookings.BookAsync(new BookingRequest(location, service, new DateOnly(2026, 3, 26), new TimeOnly(9, 0), 1, BookingChannels.Email,
                new ClientDetails("Līga Liepa", null, "liga@example.lv"), staff.Id, "Atbrauca no tālienes"), ct);
            db.SpecialDays.Add(new SpecialDay { Date = new DateOnly(2026, 3, 26), Kind = SpecialDayKind.OneOffHoliday, NameLv = "Valsts sēru diena", NameEn = "Day of mourning" });
            await db.SaveChangesAsync(ct);
        }

        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(language == "lv" ? "Lietotājvārds" : "User name", new() { Exact = true }).FillAsync("ilze");
        await page.GetByLabel(language == "lv" ? "Parole" : "Password", new() { Exact = true }).FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "lv" ? "Ieiet" : "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        var stepOne = "/staff/bookings/new?location=valmiera&service=theory-exam-traffic&machines=2&channel=Phone&date=2026-03-24";
        (string Slug, string Path, Func<IPage, Task>? Act)[] pages =
        [
            ("staff-home", "/staff", null),
            ("desk-day", "/staff/bookings?location=valmiera&date=2026-03-24", null),
            ("desk-day-search", "/staff/bookings?location=valmiera&date=2026-03-24&q=berzins", null),
            ("desk-new", "/staff/bookings/new", null),
            ("desk-new-times", stepOne, null),
            ("desk-new-refused", stepOne, async p =>
            {
                await p.Locator("form[method=post] button[type=submit]").ClickAsync();
                await Expect(p.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            }),
            ("desk-move", $"/staff/bookings/{appointmentId}/move?date=2026-03-25", null),
            ("desk-cancel", $"/staff/bookings/{appointmentId}/cancel", null),
            ("desk-affected", "/staff/bookings/affected", null),
        ];

        var problems = new List<string>();
        foreach (var (slug, path, act) in pages)
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
            await page.SetViewportSizeAsync(1280, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"{slug}.{language}.desktop.png"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on the desk pages:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+(\.[A-Za-z]+)*\b")]
    private static partial Regex RawTextKey();
}
