using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Access;

public sealed class StaffHomeTests
{
    [Theory, Providers]
    public async Task The_staff_home_greets_the_member_and_shows_their_roles_and_locations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("liga", [Roles.ClientServiceSpecialist, Roles.Inspector], ["valmiera", "kuldiga"]);
        var ct = TestContext.Current.CancellationToken;
        using var latvian = await app.SignInAsync("liga", "lv");
        using var english = await app.SignInAsync("liga", "en");

        var lv = await latvian.GetStringAsync("/staff", ct);
        var en = await english.GetStringAsync("/staff", ct);

        Assert.Contains("Labdien, Test liga!", lv);
        Assert.Contains("Speciālists", lv);
        Assert.Contains("Klientu apkalpošanas speciālists", lv);
        Assert.Contains("Inspektors", lv);
        Assert.Contains("<li>Valmiera</li>", lv);
        Assert.Contains("<li>Kuldīga</li>", lv);
        Assert.DoesNotContain("<li>Jelgava</li>", lv);
        Assert.DoesNotContain("/admin/staff", lv);
        Assert.Contains("Hello, Test liga!", en);
        Assert.Contains("Client service specialist", en);
        Assert.Contains("href=\"/staff/account/two-factor\"", en);
        Assert.Contains("Sign out", en);
    }

    [Theory, Providers]
    public async Task Administrators_see_the_administration_links_and_all_locations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.SignInAsAdministratorAsync("en");

        var html = await client.GetStringAsync("/staff", ct);

        foreach (var link in new[] { "/admin/locations", "/admin/services", "/admin/staff", "/admin/referrals", "/admin/audit" })
        {
            Assert.Contains($"href=\"{link}\"", html);
        }

        Assert.Contains("Your role lets you see the data of all client service locations.", html);
        Assert.Contains("Administrator", html);
    }

    [Theory, Providers]
    public async Task A_specialist_sees_only_their_own_locations_and_a_director_sees_all(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("specialists", [Roles.ClientServiceSpecialist], ["valmiera", "kuldiga"]);
        await app.CreateStaffAsync("inspector", [Roles.Inspector]);
        await app.CreateStaffAsync("director", [Roles.Director], ["riga"]);
        await app.CreateStaffAsync("administrator", [Roles.Administrator]);
        var ids = await app.WithDbAsync(db => db.Locations.ToDictionaryAsync(l => l.Slug, l => l.Id, ct));

        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffMember>>();
        var staffScope = scope.ServiceProvider.GetRequiredService<StaffScope>();
        async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string userName) =>
            await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync(userName))!);

        var specialist = await PrincipalAsync("specialists");
        var specialistIds = await staffScope.LocationIdsAsync(specialist, ct);
        Assert.NotNull(specialistIds);
        Assert.Equal(new[] { ids["kuldiga"], ids["valmiera"] }.Order(), specialistIds.Order());
        Assert.True(await staffScope.CanSeeAsync(specialist, ids["valmiera"], ct));
        Assert.False(await staffScope.CanSeeAsync(specialist, ids["jelgava"], ct));

        Assert.Empty((await staffScope.LocationIdsAsync(await PrincipalAsync("inspector"), ct))!);
        Assert.Null(await staffScope.LocationIdsAsync(await PrincipalAsync("director"), ct));
        Assert.True(await staffScope.CanSeeAsync(await PrincipalAsync("director"), ids["jelgava"], ct));
        Assert.Null(await staffScope.LocationIdsAsync(await PrincipalAsync("administrator"), ct));
        Assert.Empty((await staffScope.LocationIdsAsync(new System.Security.Claims.ClaimsPrincipal(), ct))!);
    }

    [Theory, Providers]
    public async Task A_director_is_told_they_see_all_locations_and_a_member_without_one_is_told_to_ask(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("direktore", [Roles.Director], ["riga"]);
        await app.CreateStaffAsync("jaunais", [Roles.Inspector]);
        using var director = await app.SignInAsync("direktore");
        using var newcomer = await app.SignInAsync("jaunais");

        var directorHome = await director.GetStringAsync("/staff", ct);
        var newcomerHome = await newcomer.GetStringAsync("/staff", ct);

        Assert.Contains("Jūsu loma ļauj redzēt visu klientu apkalpošanas vietu datus.", directorHome);
        Assert.Contains("Direktors", directorHome);
        Assert.DoesNotContain("/admin/staff", directorHome);
        Assert.Contains("Jums vēl nav piesaistīta neviena klientu apkalpošanas vieta.", newcomerHome);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/staff", ct)).StatusCode);
    }
}
