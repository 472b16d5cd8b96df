using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;

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
}
