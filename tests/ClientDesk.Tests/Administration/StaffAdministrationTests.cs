using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Administration;

public sealed partial class StaffAdministrationTests
{
    [Theory, Providers]
    public async Task An_administrator_adds_a_staff_member_who_signs_in_with_the_one_time_password_shown_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("marta", [Roles.Administrator]);
        using var admin = await app.SignInAsync("marta", "en");
        var (locations, services) = await app.WithDbAsync(async db => (
            await db.Locations.Where(l => l.Slug == "valmiera" || l.Slug == "gulbene").Select(l => l.Id).ToListAsync(ct),
            await db.Services.Where(s => s.Code == "technical-inspection" || s.Code == "registration").Select(s => s.Id).ToListAsync(ct)));

        var form = await HtmlForm.LoadAsync(admin, "/admin/staff/new");
        form.Set("Input.FirstName", "Ilze").Set("Input.LastName", "Kalniņa")
            .Set("Input.PositionLv", "Vecākā inspektore").Set("Input.PositionEn", "Senior inspector")
            .Set("Input.UserName", "ilze.kalnina").Set("Input.Email", "ilze.kalnina@vtua.gov.lv")
            .Set("Input.Roles", Roles.Inspector)
            .Set("Input.LocationIds", locations).Set("Input.ServiceIds", services);
        var created = await form.PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var shown = await admin.GetStringAsync(editUrl, ct);
        var password = WebUtility.HtmlDecode(OneTimePassword().Match(shown).Groups[1].Value);
        Assert.Equal(16, password.Length);
        Assert.Contains("The staff member “Ilze Kalniņa” has been added.", shown);
        Assert.DoesNotMatch(OneTimePassword(), await admin.GetStringAsync(editUrl, ct));

        var member = await app.WithDbAsync(db => db.Users.Include(u => u.Locations).Include(u => u.Competences)
            .SingleAsync(u => u.UserName == "ilze.kalnina", ct));
        Assert.Equal(("Ilze", "Kalniņa", "Vecākā inspektore", "Senior inspector"), (member.FirstName, member.LastName, member.PositionLv, member.PositionEn));
        Assert.Equal(locations.Order(), member.Locations.Select(l => l.Id).Order());
        Assert.Equal(services.Order(), member.Competences.Select(s => s.Id).Order());
        Assert.True(member.MustChangePassword);
        Assert.DoesNotContain(password, member.PasswordHash ?? "", StringComparison.Ordinal);
        Assert.Equal([Roles.Inspector], await RolesOf(app, member.Id));

        using var ilze = app.CreateBrowserClient("lv");
        var signIn = await SignInWith(ilze, "ilze.kalnina", password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await ilze.GetAsync("/staff", ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/staff/change-password", home.Headers.Location?.OriginalString);

        var audit = await admin.GetStringAsync("/admin/audit?type=StaffMember", ct);
        Assert.Contains("Test marta", audit);
        Assert.Contains("ilze.kalnina", audit);
        Assert.Contains(">Added<", audit);
        Assert.DoesNotContain(password, audit, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Staff_without_the_administrator_role_cannot_open_the_administration_pages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("peteris", [Roles.Inspector, Roles.ClientServiceSpecialist]);
        using var inspector = await app.SignInAsync("peteris");
        using var anonymous = app.CreateBrowserClient();

        foreach (var url in new[] { "/admin", "/admin/staff", "/admin/staff/new", "/admin/services", "/admin/audit" })
        {
            var response = await inspector.GetAsync(url, ct);
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/staff/access-denied", StringComparison.Ordinal)),
                $"{url} gave {(int)response.StatusCode} {response.Headers.Location}");
            var signIn = await anonymous.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("/staff/sign-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task A_deactivated_member_can_no_longer_sign_in(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var anna = await app.CreateStaffAsync("anna", [Roles.ClientServiceSpecialist], ["valmiera"]);
        using var admin = await app.SignInAsAdministratorAsync("en");
        using var before = await app.SignInAsync("anna");

        var form = await HtmlForm.LoadAsync(admin, $"/admin/staff/{anna.Id}/edit");
        var saved = await form.Set("Input.IsActive", "false").PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var client = app.CreateBrowserClient("en");
        var signIn = await SignInWith(client, "anna", TestApp.StaffPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Wrong user name or password.", await signIn.Content.ReadAsStringAsync(ct));
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == anna.Id, ct));
        Assert.False(stored.IsActive);
        Assert.True(stored.LockoutEnd > new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.NotEqual(anna.SecurityStamp, stored.SecurityStamp);

        // The open session ends when its security stamp is next checked (every minute).
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/staff", ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await before.GetAsync("/staff", ct);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Contains("/staff/sign-in", later.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task An_administrator_cannot_deactivate_themself_or_drop_their_own_administrator_role(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var marta = await app.CreateStaffAsync("marta", [Roles.Administrator]);
        using var english = await app.SignInAsync("marta", "en");
        using var latvian = await app.SignInAsync("marta", "lv");

        var deactivate = await (await HtmlForm.LoadAsync(english, $"/admin/staff/{marta.Id}/edit")).Set("Input.IsActive", "false").PostRefusedAsync(english);
        var dropRole = await (await HtmlForm.LoadAsync(latvian, $"/admin/staff/{marta.Id}/edit")).Set("Input.Roles", Roles.Inspector).PostRefusedAsync(latvian);

        Assert.Contains("You cannot deactivate yourself.", deactivate);
        Assert.Contains("Jūs nevarat noņemt sev administratora lomu.", dropRole);
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == marta.Id, ct));
        Assert.True(stored.IsActive);
        Assert.Equal([Roles.Administrator], await RolesOf(app, marta.Id));
    }

    [Theory, Providers]
    public async Task A_password_reset_shows_a_new_one_time_password_and_the_old_one_stops_working(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var juris = await app.CreateStaffAsync("juris", [Roles.CaseOfficer]);
        using var admin = await app.SignInAsAdministratorAsync("lv");

        var reset = await (await HtmlForm.LoadAsync(admin, $"/admin/staff/{juris.Id}/edit", index: 1)).PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var page = await admin.GetStringAsync(reset.Headers.Location!.OriginalString, ct);
        var password = WebUtility.HtmlDecode(OneTimePassword().Match(page).Groups[1].Value);
        Assert.Contains("Vienreizējā parole", page);
        using var old = app.CreateBrowserClient();
        var refused = await SignInWith(old, "juris", TestApp.StaffPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        using var renewed = app.CreateBrowserClient();
        var accepted = await SignInWith(renewed, "juris", password);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == juris.Id).Select(u => u.MustChangePassword).SingleAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_taken_user_name_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("liene", [Roles.Inspector]);
        using var admin = await app.SignInAsAdministratorAsync("en");
        var before = await app.WithDbAsync(db => db.Users.CountAsync(ct));

        var form = await HtmlForm.LoadAsync(admin, "/admin/staff/new");
        var response = await form.Set("Input.FirstName", "Liene").Set("Input.LastName", "Ozola").Set("Input.PositionLv", "Speciāliste")
            .Set("Input.UserName", "liene").Set("Input.Email", "liene@vtua.gov.lv").Set("Input.Roles", Roles.Inspector).PostRefusedAsync(admin);

        Assert.Contains("The user name “liene” is already taken.", response);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync(ct)));
    }

    private static Task<HttpResponseMessage> SignInWith(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/staff/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>The names of the roles the member holds, as stored.</summary>
    private static Task<List<string?>> RolesOf(TestApp app, string userId) =>
        app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(TestContext.Current.CancellationToken));

    [GeneratedRegex("id=\"one-time-password\">([^<]+)<")]
    private static partial Regex OneTimePassword();
}
