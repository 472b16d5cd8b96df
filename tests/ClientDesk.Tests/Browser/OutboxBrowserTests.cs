using ClientDesk.Access;
using ClientDesk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

/// <summary>The outbox page (/admin/notifications) in a real browser: axe-clean, one h1, no sideways scroll on a phone, send again works.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboxBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("lv", "Sūtīt vēlreiz", "Paziņojums tiks nosūtīts vēlreiz.")]
    [InlineData("en", "Send again", "The message will be sent again.")]
    public async Task The_outbox_page_passes_axe_without_sideways_scroll_on_a_phone_and_sends_a_failed_message_again(string language, string resend, string resent)
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var now = app.App.Clock.GetUtcNow().UtcDateTime;
        await app.App.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(
                new OutboxMessage
                {
                    Kind = BookingNotices.ConfirmedKind, Recipient = "ļoti.gara.adrese.kas.neietilpst.telefonā@piemers-zemnieku-saimnieciba.lv", Body = "…",
                    Status = OutboxStatus.Failed, Attempts = 8, CreatedAtUtc = now, DueAtUtc = now,
                    LastError = "SocketException: Connection refused — the mail server at smtp.vtua.gov.lv:587 did not answer",
                },
                new OutboxMessage
                {
                    Kind = BookingNotices.DayBeforeKind, Channel = MessageChannel.Sms, Recipient = "+37129123456", Body = "…",
                    Attempts = 2, NextAttemptAtUtc = now.AddMinutes(4), CreatedAtUtc = now, DueAtUtc = now, LastError = "IOException: timeout",
                });
            await db.SaveChangesAsync(ct);
        });
        var admin = $"admin{Guid.NewGuid():N}"[..16];
        await app.App.CreateStaffAsync(admin, [Roles.Administrator]);
        await using var context = await chromium.NewContextAsync(app, language, 390, 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.Locator("input[name='Input.UserName']").FillAsync(admin);
        await page.Locator("input[name='Input.Password']").FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());

        await page.GotoAsync("/admin/notifications");
        var where = $"/admin/notifications [{language}, phone]";
        Assert.Empty(await Axe.ViolationsAsync(page, where));
        Assert.Null(await SidewaysScroll.ProblemAsync(page, where));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Directory.CreateDirectory(AccessibilityTests.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"admin-notifications.{language}.phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = resend }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(resent);
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotFolder, $"admin-notifications.{language}.desktop.png"), FullPage = true });
        Assert.Equal(0, await app.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, ct)));
    }
}
