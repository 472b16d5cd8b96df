using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Access;

public sealed class SignInTests
{
    [Theory, Providers]
    public async Task A_staff_member_signs_in_and_reaches_the_staff_pages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("liene", [Roles.ClientServiceSpecialist], ["valmiera"]);

        using var client = await app.SignInAsync("liene");
        var staffHome = await client.GetAsync("/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, staffHome.StatusCode);
    }

    [Theory, Providers]
    public async Task A_wrong_password_is_refused_with_a_message_in_the_users_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("janis", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;

        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");
        var lv = await latvian.PostFormAsync("/staff/sign-in", new() { ["Input.UserName"] = "janis", ["Input.Password"] = "nepareiza-parole" });
        var en = await english.PostFormAsync("/staff/sign-in", new() { ["Input.UserName"] = "janis", ["Input.Password"] = "wrong-password" });

        Assert.Equal(HttpStatusCode.OK, lv.StatusCode);
        Assert.Contains("Nepareizs lietotājvārds vai parole.", await lv.Content.ReadAsStringAsync(ct));
        Assert.Contains("Wrong user name or password.", await en.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Redirect, (await latvian.GetAsync("/staff", ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task Staff_pages_send_an_anonymous_visitor_to_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient();

        var response = await client.GetAsync("/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("valdis", [Roles.Inspector]);
        await app.CreateStaffAsync("olivia", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        for (var i = 0; i < 5; i++)
        {
            await latvian.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("valdis", "Nepareiza-Parole-" + i));
            await english.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("olivia", "Wrong-Password-" + i));
        }

        var lv = await latvian.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("valdis", TestApp.StaffPassword));
        var en = await english.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("olivia", TestApp.StaffPassword));

        Assert.Equal(HttpStatusCode.OK, lv.StatusCode);
        Assert.Contains("Pārāk daudz neveiksmīgu mēģinājumu. Konts ir bloķēts uz 15 minūtēm", await lv.Content.ReadAsStringAsync(ct));
        Assert.Contains("Too many failed attempts. The account is locked for 15 minutes", await en.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Redirect, (await latvian.GetAsync("/staff", ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task An_inactive_member_cannot_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("aigars", [Roles.Inspector]);
        await app.WithDbAsync(async db =>
        {
            var member = await db.Users.SingleAsync(u => u.UserName == "aigars");
            member.IsActive = false;
            await db.SaveChangesAsync();
        });
        using var client = app.CreateBrowserClient();

        var response = await client.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("aigars", TestApp.StaffPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nepareizs lietotājvārds vai parole.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory, Providers]
    public async Task Signing_out_clears_the_cookie_and_closes_the_staff_pages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("rita", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("rita");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", ct)).StatusCode);

        var signOut = await client.PostFormAsync("/staff/sign-out", [], formPage: "/staff");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("clientdesk.staff=;", StringComparison.Ordinal));
        var after = await client.GetAsync("/staff", ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/staff/sign-in", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_access_denied_page_answers_403_politely_in_the_users_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("karina", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = app.CreateBrowserClient("lv");
        using var english = await app.SignInAsync("karina", "en");

        var lv = await anonymous.GetAsync("/staff/access-denied", ct);
        var en = await english.GetAsync("/staff/access-denied", ct);

        Assert.Equal(HttpStatusCode.Forbidden, lv.StatusCode);
        Assert.Contains("Atvainojiet, jums nav tiesību atvērt šo lapu.", await lv.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Forbidden, en.StatusCode);
        var enHtml = await en.Content.ReadAsStringAsync(ct);
        Assert.Contains("Sorry, you do not have permission to open this page.", enHtml);
        Assert.Contains("Back to the staff home page", enHtml);
    }
}
