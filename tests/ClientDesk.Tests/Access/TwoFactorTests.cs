using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Access;

public sealed partial class TwoFactorTests
{
    private const string Page = "/staff/account/two-factor";

    [Theory, Providers]
    public async Task Turning_on_two_factor_shows_a_key_and_qr_code_and_needs_a_right_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("anna", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("anna", "en");

        var off = await client.GetStringAsync(Page, ct);
        Assert.Contains("Turn on two-factor sign-in", off);
        var start = await client.PostFormAsync(Page + "?handler=Start", [], formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var setup = await client.GetStringAsync(start.Headers.Location!.OriginalString, ct);
        var key = KeyOnPage(setup);
        Assert.Equal(key, await AuthenticatorKeyAsync(app, "anna"));
        Assert.Contains("src=\"data:image/png;base64,", setup);
        Assert.Contains("VTUA ClientDesk", setup);

        var wrong = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Input.Code"] = Totp.WrongCode(key) }, formPage: Page + "?handler=Setup");
        var wrongHtml = await wrong.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The code is not correct or has expired.", wrongHtml);
        Assert.Equal(key, KeyOnPage(wrongHtml));
        Assert.False(await TwoFactorEnabledAsync(app, "anna"));

        var codes = await EnableAsync(client, key);

        Assert.Equal(8, codes.Count);
        Assert.Equal(8, codes.Distinct().Count());
        Assert.True(await TwoFactorEnabledAsync(app, "anna"));
        var later = await client.GetStringAsync(Page, ct);
        Assert.DoesNotContain(codes[0], later);
        Assert.Contains("Unused recovery codes: 8.", later);
    }

    [Theory, Providers]
    public async Task With_two_factor_on_sign_in_needs_a_right_code_from_the_app(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("edgars", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        var key = await SetUpTwoFactorAsync(app, "edgars");

        using var latvian = app.CreateBrowserClient("lv");
        var first = await latvian.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("edgars", TestApp.StaffPassword));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/staff/sign-in/two-factor", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await latvian.GetAsync("/staff", ct)).StatusCode);

        var wrong = await latvian.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = Totp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Kods nav pareizs vai tā derīgums ir beidzies.", await wrong.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Redirect, (await latvian.GetAsync("/staff", ct)).StatusCode);

        var right = await latvian.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/staff", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await latvian.GetAsync("/staff", ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task A_recovery_code_lets_a_member_in_only_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("laura", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var setupClient = await app.SignInAsync("laura", "en");
        var key = await StartSetupAsync(setupClient);
        var codes = await EnableAsync(setupClient, key);

        using var first = await SignInWithPasswordAsync(app, "laura", "en");
        var used = await first.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = codes[0].ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff", ct)).StatusCode);

        using var second = await SignInWithPasswordAsync(app, "laura", "en");
        var again = await second.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This recovery code is not valid or has already been used.", await again.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/staff", ct)).StatusCode);

        var another = await second.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = codes[1] });
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
    }

    [Theory, Providers]
    public async Task New_recovery_codes_replace_the_old_ones(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("juris", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("juris", "en");
        var oldCodes = await EnableAsync(client, await StartSetupAsync(client));

        var regenerated = await client.PostFormAsync(Page + "?handler=RecoveryCodes", [], formPage: Page);
        var newCodes = RecoveryCodesOnPage(await client.GetStringAsync(regenerated.Headers.Location!.OriginalString, ct));

        Assert.Equal(8, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        using var signIn = await SignInWithPasswordAsync(app, "juris", "en");
        var old = await signIn.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = oldCodes[0] });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Theory, Providers]
    public async Task Five_wrong_codes_at_the_second_step_lock_the_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("gatis", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        var key = await SetUpTwoFactorAsync(app, "gatis");
        using var client = await SignInWithPasswordAsync(app, "gatis", "en");

        for (var i = 0; i < 3; i++)
        {
            await client.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = Totp.WrongCode(key) });
        }

        await client.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = "AAAAA-BBBBB" });
        Assert.Equal(4, await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "gatis").AccessFailedCount)));
        await client.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = "CCCCC-DDDDD" });

        var right = await client.PostFormAsync("/staff/sign-in/two-factor", new() { ["Input.Code"] = Totp.Code(key) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed attempts.", await right.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff", ct)).StatusCode);
    }

    [Theory, Providers]
    public async Task Turning_off_two_factor_needs_the_password_or_a_code(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("zane", [Roles.Inspector]);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsync("zane", "lv");
        await EnableAsync(client, await StartSetupAsync(client));

        var wrong = await client.PostFormAsync(Page + "?handler=Disable", new() { ["Input.CodeOrPassword"] = "Nav-Ista-Parole-1" }, formPage: Page);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Kods vai parole nav pareiza.", await wrong.Content.ReadAsStringAsync(ct));
        Assert.True(await TwoFactorEnabledAsync(app, "zane"));

        var disabled = await client.PostFormAsync(Page + "?handler=Disable", new() { ["Input.CodeOrPassword"] = TestApp.StaffPassword }, formPage: Page);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Divpakāpju pieteikšanās ir izslēgta.", await client.GetStringAsync(Page, ct));
        Assert.False(await TwoFactorEnabledAsync(app, "zane"));
        using var again = app.CreateBrowserClient();
        var signIn = await again.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn("zane", TestApp.StaffPassword));
        Assert.Equal("/staff", signIn.Headers.Location?.OriginalString);
    }

    /// <summary>Turns two-factor on through the pages and returns the authenticator key.</summary>
    private static async Task<string> SetUpTwoFactorAsync(TestApp app, string userName)
    {
        using var client = await app.SignInAsync(userName, "en");
        var key = await StartSetupAsync(client);
        await EnableAsync(client, key);
        return key;
    }

    private static async Task<string> StartSetupAsync(HttpClient client)
    {
        var start = await client.PostFormAsync(Page + "?handler=Start", [], formPage: Page);
        return KeyOnPage(await client.GetStringAsync(start.Headers.Location!.OriginalString));
    }

    private static async Task<List<string>> EnableAsync(HttpClient client, string key)
    {
        var confirmed = await client.PostFormAsync(Page + "?handler=Confirm", new() { ["Input.Code"] = Totp.Code(key) }, formPage: Page + "?handler=Setup");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return RecoveryCodesOnPage(await client.GetStringAsync(confirmed.Headers.Location!.OriginalString));
    }

    private static async Task<HttpClient> SignInWithPasswordAsync(TestApp app, string userName, string culture)
    {
        var client = app.CreateBrowserClient(culture);
        var response = await client.PostFormAsync("/staff/sign-in", ChangePasswordTests.SignIn(userName, TestApp.StaffPassword));
        Assert.StartsWith("/staff/sign-in/two-factor", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private static string KeyOnPage(string html)
    {
        var match = AuthenticatorKey().Match(html);
        Assert.True(match.Success, "No authenticator key on the page.");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    private static List<string> RecoveryCodesOnPage(string html) =>
        [.. RecoveryCode().Matches(html.Split("class=\"recovery-codes\"") is [_, var list, ..] ? list.Split("</ul>")[0] : "").Select(m => m.Groups[1].Value)];

    private static async Task<string?> AuthenticatorKeyAsync(TestApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!);
    }

    private static Task<bool> TwoFactorEnabledAsync(TestApp app, string userName) =>
        app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == userName).TwoFactorEnabled));

    [GeneratedRegex("class=\"authenticator-key\"><code>([a-z0-9 ]+)</code>")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<code>([A-Z0-9-]+)</code>")]
    private static partial Regex RecoveryCode();
}
