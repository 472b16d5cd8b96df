using ClientDesk.Access;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientDesk.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(Chromium chromium)
{
    [Fact]
    public async Task A_staff_member_signs_in_with_the_form_and_a_wrong_password_shows_the_error()
    {
        Chromium.Require();
        await using var app = await BrowserApp.StartAsync(); // its own database: this test adds a staff member
        await app.App.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist]);
        await using var context = await chromium.NewContextAsync(app, "lv");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Lietotājvārds").FillAsync("ilze");
        await page.GetByLabel("Parole").FillAsync("nav-ta-parole");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ieiet" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nepareizs lietotājvārds vai parole.");
        await Expect(page).ToHaveURLAsync(app.Url("/staff/sign-in").ToString());
        var violations = await Axe.ViolationsAsync(page, "/staff/sign-in after a wrong password [lv, desktop]");
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await page.GetByLabel("Lietotājvārds").FillAsync("ilze");
        await page.GetByLabel("Parole").FillAsync(Infrastructure.TestApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ieiet" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.Url("/staff").ToString());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Darbinieku lapas", Exact = true })).ToBeVisibleAsync();
    }
}
