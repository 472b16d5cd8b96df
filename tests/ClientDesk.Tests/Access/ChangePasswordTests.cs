using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Access;

public sealed class ChangePasswordTests
{
    private const string NewPassword = "Sniegs-Mezs-2026-Zirgs";

    [Theory, Providers]
    public async Task A_one_time_password_must_be_replaced_before_the_staff_pages_open(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"], mustChangePassword: true);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("ilze");

        var home = await client.GetAsync("/staff", ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/staff/change-password", home.Headers.Location?.OriginalString);
        var form = await client.GetStringAsync("/staff/change-password", ct);
        Assert.Contains("Jūs pieteicāties ar vienreizējo paroli.", form);

        var weak = await client.PostFormAsync("/staff/change-password", Fields(TestApp.StaffPassword, "traktors", "traktors"));
        var weakHtml = await weak.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Parolē jābūt vismaz 12 zīmēm.", weakHtml);
        Assert.Contains("Parolē jābūt vismaz vienam lielajam burtam.", weakHtml);
        Assert.Contains("Parolē jābūt vismaz vienam ciparam.", weakHtml);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff", ct)).StatusCode);
        Assert.True(await MustChangeAsync(app, "ilze"));

        var good = await client.PostFormAsync("/staff/change-password", Fields(TestApp.StaffPassword, NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("/staff", good.Headers.Location?.OriginalString);
        var staffHome = await client.GetAsync("/staff", ct);
        Assert.Equal(HttpStatusCode.OK, staffHome.StatusCode);
        Assert.Contains("Parole ir nomainīta.", await staffHome.Content.ReadAsStringAsync(ct));
        Assert.False(await MustChangeAsync(app, "ilze"));

        using var oldPassword = app.CreateBrowserClient();
        var refused = await oldPassword.PostFormAsync("/staff/sign-in", SignIn("ilze", TestApp.StaffPassword));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Nepareizs lietotājvārds vai parole.", await refused.Content.ReadAsStringAsync(ct));

        using var newPassword = app.CreateBrowserClient();
        var accepted = await newPassword.PostFormAsync("/staff/sign-in", SignIn("ilze", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newPassword.GetAsync("/staff", ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task A_weak_password_is_refused_with_the_rules_in_english_and_nothing_changes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("peter", [Roles.Inspector], mustChangePassword: true);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("peter", "en");

        var weak = await client.PostFormAsync("/staff/change-password", Fields(TestApp.StaffPassword, "short1", "short1"));
        var html = await weak.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("The password must be at least 12 characters long.", html);
        Assert.Contains("The password must contain at least one uppercase letter.", html);
        Assert.True(await MustChangeAsync(app, "peter"));
        using var again = app.CreateBrowserClient("en");
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostFormAsync("/staff/sign-in", SignIn("peter", TestApp.StaffPassword))).StatusCode);
    }

    [Theory, Providers]
    public async Task A_wrong_current_password_or_a_mismatched_repeat_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("maris", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("maris", "en");

        var wrongCurrent = await client.PostFormAsync("/staff/change-password", Fields("Not-The-Password-1", NewPassword, NewPassword));
        var mismatch = await client.PostFormAsync("/staff/change-password", Fields(TestApp.StaffPassword, NewPassword, NewPassword + "x"));

        Assert.Contains("The current password is not correct.", await wrongCurrent.Content.ReadAsStringAsync(ct));
        Assert.Contains("“Repeat the new password” and “New password” do not match.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync(ct)));
        using var again = app.CreateBrowserClient("en");
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostFormAsync("/staff/sign-in", SignIn("maris", TestApp.StaffPassword))).StatusCode);
    }

    [Theory, Providers]
    public async Task The_staff_home_links_to_changing_the_password_at_any_time(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("anda", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("anda");

        var home = await client.GetStringAsync("/staff", ct);
        var changed = await client.PostFormAsync("/staff/change-password", Fields(TestApp.StaffPassword, NewPassword, NewPassword));

        Assert.Contains("href=\"/staff/change-password\"", home);
        Assert.Equal("/staff", changed.Headers.Location?.OriginalString);
    }

    internal static Dictionary<string, string> SignIn(string userName, string password) =>
        new() { ["Input.UserName"] = userName, ["Input.Password"] = password };

    private static Dictionary<string, string> Fields(string current, string newPassword, string repeat) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = newPassword,
        ["Input.RepeatPassword"] = repeat,
    };

    private static Task<bool> MustChangeAsync(TestApp app, string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.MustChangePassword).SingleAsync());

    [Theory, Providers]
    public async Task An_administrator_with_a_one_time_password_cannot_use_the_administration_pages_before_changing_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("newadmin", [Roles.Administrator], mustChangePassword: true);
        using var client = await app.SignInAsync("newadmin");

        var response = await client.GetAsync("/admin/staff", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/change-password", response.Headers.Location?.OriginalString);
    }
}
