using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Administration;

public sealed partial class AuditTrailTests
{
    [Theory, Providers]
    public async Task The_audit_trail_shows_who_changed_what_in_Riga_time_and_filters_by_date_and_name(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        // 17 March 2026, 23:30 in Riga is 21:30 UTC: the entry belongs to the 17th, not the 18th.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 21, 30, 0, TimeSpan.Zero));
        await app.CreateStaffAsync("inese", [ClientDesk.Access.Roles.Administrator]);
        using var admin = await app.SignInAsync("inese", "lv");
        var form = await HtmlForm.LoadAsync(admin, "/admin/locations/gulbene/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.Room", "12").PostAsync(admin)).StatusCode);

        var page = await admin.GetStringAsync("/admin/audit?from=2026-03-17&to=2026-03-17&who=INESE", ct);
        Assert.Contains("2026-03-17 23:30:00", page);
        Assert.Contains("Test inese", page);
        Assert.Contains("Mainīts", page);
        Assert.Contains("Klientu apkalpošanas vieta", page);
        Assert.Contains("<code>Room</code>: <span class=\"admin-break\">—</span> → <span class=\"admin-break\">12</span>", page);

        var nextDay = await admin.GetStringAsync("/admin/audit?from=2026-03-18", ct);
        Assert.DoesNotContain("23:30:00", nextDay);
        var someoneElse = await admin.GetStringAsync("/admin/audit?who=nobody", ct);
        Assert.Contains("Atrasti ieraksti: 0", someoneElse);
    }

    [Theory, Providers]
    public async Task A_schedule_rule_change_names_the_rule_and_the_location_in_the_audit_trail(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("lv");
        var (ruleId, madona) = await app.WithDbAsync(async db => (
            await db.ScheduleRules.Where(r => r.Code == "s5-tuesdays-by-phone").Select(r => r.Id).SingleAsync(ct),
            await db.Locations.Where(l => l.Slug == "madona").Select(l => l.Id).SingleAsync(ct)));
        var form = await HtmlForm.LoadAsync(admin, $"/admin/calendar/rules/{ruleId}/edit");
        var kept = form.All("Input.LocationIds").Where(id => id != madona.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal(HttpStatusCode.Redirect, (await form.Set("Input.LocationIds", kept).PostAsync(admin)).StatusCode);

        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit", ct));
        Assert.Contains("Otrdienās pēc pieraksta pa tālruni 25594590 / Madona", page);
    }

    [Theory, Providers]
    public async Task The_audit_trail_pages_fifty_entries_at_a_time_newest_first(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                db.AuditEntries.Add(new ClientDesk.Access.AuditEntry
                {
                    AtUtc = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                    StaffName = $"Darbinieks {i:00}",
                    Action = "Modified",
                    EntityType = "Service",
                    EntityKey = "1",
                    Changes = "{\"DurationMinutes\":[20,30]}",
                });
            }

            await db.SaveChangesAsync(ct);
        });
        using var admin = await app.SignInAsAdministratorAsync("en");

        var first = await admin.GetStringAsync("/admin/audit?type=Service", ct);
        var second = await admin.GetStringAsync("/admin/audit?type=Service&p=2", ct);

        Assert.Contains("Darbinieks 59", first);
        Assert.Contains("Darbinieks 10", first);
        Assert.DoesNotContain("Darbinieks 09", first);
        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("Darbinieks 09", second);
        Assert.Contains("Darbinieks 00", second);
        Assert.DoesNotContain("Darbinieks 10", second);
        Assert.True(first.IndexOf("Darbinieks 59", StringComparison.Ordinal) < first.IndexOf("Darbinieks 58", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task A_new_staff_members_location_competence_and_role_are_shown_by_name_not_by_id(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("lv");
        var (location, service) = await app.WithDbAsync(async db => (
            await db.Locations.SingleAsync(l => l.Slug == "valmiera", ct),
            await db.Services.SingleAsync(s => s.Code == "technical-inspection", ct)));

        var form = (await HtmlForm.LoadAsync(admin, "/admin/staff/new"))
            .Set("Input.FirstName", "Ilze").Set("Input.LastName", "Kalniņa").Set("Input.PositionLv", "Inspektore")
            .Set("Input.UserName", "ilze.kalnina").Set("Input.Roles", Roles.Inspector)
            .Set("Input.LocationIds", [location.Id]).Set("Input.ServiceIds", [service.Id]);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(admin)).StatusCode);
        var (memberId, roleId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "ilze.kalnina").Select(u => u.Id).SingleAsync(ct),
            await db.Roles.Where(r => r.Name == Roles.Inspector).Select(r => r.Id).SingleAsync(ct)));

        var page = await admin.GetStringAsync("/admin/audit", ct);

        Assert.Contains($"Ilze Kalniņa / {location.NameLv}", EntityCell(page, "Darbinieka vieta"));
        Assert.Contains($"Ilze Kalniņa / {service.NameLv}", EntityCell(page, "Darbinieka kompetence"));
        Assert.Contains("Ilze Kalniņa / Inspektors", EntityCell(page, "Darbinieka loma"));
        Assert.Contains("Ilze Kalniņa", EntityCell(page, "Darbinieks"));
        Assert.DoesNotContain(memberId, page, StringComparison.Ordinal);
        Assert.DoesNotContain(roleId, page, StringComparison.Ordinal);
        Assert.DoesNotContain($"{location.Id}/", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_recorded_key_whose_rows_are_gone_is_shown_as_recorded(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc),
                StaffName = "Darbinieks",
                Action = "Deleted",
                EntityType = "StaffLocations (Dictionary<string, object>)",
                EntityKey = "99999/no-such-member",
                Changes = "{\"LocationsId\":[99999,null],\"StaffMemberId\":[\"no-such-member\",null]}",
            });
            await db.SaveChangesAsync(ct);
        });
        using var admin = await app.SignInAsAdministratorAsync("en");

        var page = await admin.GetStringAsync("/admin/audit", ct);

        Assert.Contains("<code class=\"admin-break\">99999/no-such-member</code>", EntityCell(page, "Staff member’s location"));
        Assert.Contains("<code>StaffMemberId</code>: <span class=\"admin-break\">no-such-member</span>", page);
    }

    /// <summary>The "data and key" cell of the first row of the given kind.</summary>
    private static string EntityCell(string page, string kind)
    {
        var cell = EntityCells().Matches(page).Select(m => m.Groups["cell"].Value)
            .FirstOrDefault(c => c.TrimStart().StartsWith(kind + "<br>", StringComparison.Ordinal));
        Assert.True(cell is not null, $"No entry of the kind “{kind}” on the page.");
        return cell;
    }

    [GeneratedRegex("</td>\\s*<td>(?<cell>[^<]*<br>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex EntityCells();
}
