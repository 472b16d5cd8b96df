using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Catalogue;

public sealed partial class PublicPagesTests
{
    private static readonly (string Url, string Latvian, string English)[] Headings =
    [
        ("/", "Kas jums nepieciešams?", "What do you need?"),
        ("/services", "Pakalpojumi", "Services"),
        ("/services/technical-inspection", "Ikgadējā valsts tehniskā apskate", "Annual state technical inspection"),
        ("/locations", "Klientu apkalpošanas vietas", "Client service locations"),
        ("/locations/riga", "Rīga (centrālais birojs)", "Riga (head office)"),
        ("/contacts", "Kontakti", "Contacts"),
        ("/staff-directory", "Darbinieki", "Staff"),
        ("/our-standard", "Klientu apkalpošanas standarts", "Client Service Standard"),
    ];

    [Theory, Providers]
    public async Task Every_public_page_answers_in_Latvian_and_English_with_one_heading_in_that_language(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        foreach (var (url, lv, en) in Headings)
        {
            Assert.Equal(lv, Heading(await GetPageAsync(latvian, url)));
            Assert.Equal(en, Heading(await GetPageAsync(english, url)));
        }
    }

    [Theory, Providers]
    public async Task The_catalogue_lists_active_services_in_groups_with_the_on_site_tag(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient("en");

        var html = await GetPageAsync(client, "/services");

        Assert.Contains("For tractor drivers", html);
        Assert.Contains("href=\"/services/registration\"", html);
        Assert.Contains("href=\"/services/training-card\"", html);
        Assert.Contains("Also at your address", html);
    }

    [Theory, Providers]
    public async Task A_service_page_shows_its_fees_with_VAT_and_how_to_request_and_receive_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var sprayersEn = await GetPageAsync(english, "/services/aal-inspection");
        var sprayersLv = await GetPageAsync(latvian, "/services/aal-inspection");
        var inspection = await GetPageAsync(english, "/services/technical-inspection");
        var exam = await GetPageAsync(english, "/services/theory-exam-traffic");

        // 23.52 EUR + 21 % VAT = 28.46 EUR; each language writes the decimals its own way.
        Assert.Contains("23.52", sprayersEn);
        Assert.Contains("21%", sprayersEn);
        Assert.Contains("28.46", sprayersEn);
        Assert.Contains("23,52", sprayersLv);
        Assert.Contains("28,46", sprayersLv);
        Assert.Contains("Each additional nozzle costs extra.", sprayersEn);
        Assert.Contains("write to the agency's e-mail", sprayersEn);
        Assert.Contains("mailto:pasts@vtua.gov.lv", sprayersEn);
        Assert.Contains("rakstiet uz iestādes e-pastu", sprayersLv);
        Assert.Contains("href=\"/locations/kuldiga\"", sprayersEn);
        Assert.DoesNotContain("href=\"/locations/riga\"", sprayersEn);

        Assert.Contains("16.09", inspection);
        Assert.Contains("Price being confirmed — please ask us", inspection);
        Assert.Contains("apply online, logging in with eParaksts", inspection);
        Assert.Contains("https://epakalpojumi.zm.gov.lv/", inspection);
        Assert.Contains("call the agency on", inspection);
        Assert.Contains("tel:+37167027149", inspection);
        Assert.Contains("We take appointments for in-person services, including visits to your address", inspection);
        Assert.Contains("you receive the result (documents) in person", inspection);
        Assert.Contains("Yes. We can provide this service on a visit", inspection);
        Assert.Contains("Registration certificate", inspection);
        Assert.Contains("not given", inspection);

        Assert.Contains("about 30 min", exam);
        Assert.Contains("No, this service is provided only in the ways listed above.", exam);
    }

    [Theory, Providers]
    public async Task An_unknown_service_or_location_shows_the_not_found_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient("en");
        var ct = TestContext.Current.CancellationToken;

        foreach (var url in new[] { "/services/moon-landing", "/locations/atlantis" })
        {
            var response = await client.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Page not found", Heading(await response.Content.ReadAsStringAsync(ct)));
        }
    }

    [Theory, Providers]
    public async Task The_locations_are_grouped_by_region_and_say_plainly_what_is_not_confirmed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient("en");

        var html = await GetPageAsync(client, "/locations");

        Assert.True(html.IndexOf("<h2>Riga</h2>", StringComparison.Ordinal) < html.IndexOf("<h2>Vidzeme</h2>", StringComparison.Ordinal));
        Assert.Contains("href=\"/locations/valka\"", html);
        Assert.Contains("The address is being confirmed.", html);
        Assert.Contains("Republikas laukums 2, Rīga, LV-1010", html);
    }

    [Theory, Providers]
    public async Task Valkas_page_says_the_address_is_being_confirmed_and_keeps_the_review_note_internal(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var en = await GetPageAsync(english, "/locations/valka");
        var lv = await GetPageAsync(latvian, "/locations/valka");

        Assert.Contains("The address is being confirmed.", en);
        Assert.Contains("Adrese tiek precizēta.", lv);
        Assert.Contains("tel:+37167027149", en);
        Assert.Contains("State and municipal unified client service centre", en);
        Assert.Contains("tel:+37125594590", en);
        Assert.Contains("href=\"/services/technical-inspection\"", en);
        foreach (var page in new[] { en, lv })
        {
            Assert.DoesNotContain("booking line", page);
            Assert.DoesNotContain("not in the sources", page);
            Assert.DoesNotContain("Client Service Standard (S-5)", page);
        }
    }

    [Theory, Providers]
    public async Task The_head_office_page_shows_its_room_phone_and_e_mail_as_links(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient("lv");

        var html = await GetPageAsync(client, "/locations/riga");

        Assert.Contains("VTUA birojs", html);
        Assert.Contains("614", html);
        Assert.Contains("href=\"tel:+37167027149\">67027149</a>", html);
        Assert.Contains("href=\"mailto:pasts@vtua.gov.lv\"", html);
        Assert.DoesNotContain("Coordinates and client service hours", html);
    }

    [Theory, Providers]
    public async Task The_contacts_page_lists_the_channels_in_order_with_links(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateBrowserClient("en");

        var html = await GetPageAsync(client, "/contacts");

        var order = new[] { "Agency phone", "Phones of our locations and staff", "Official e-mail", "IT support", "Official e-address", "Post", "Trust line" }
            .Select(name => html.IndexOf($"<h2>{name}</h2>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("href=\"tel:+37167027149\"", html);
        Assert.Contains("href=\"mailto:pasts@vtua.gov.lv\"", html);
        Assert.Contains("href=\"tel:+37167027295\"", html);
        Assert.Contains("href=\"tel:+37167027486\"", html);
        Assert.Contains("24 hours (answering machine)", html);
        Assert.Contains("Valsts tehniskās uzraudzības aģentūra, Republikas laukums 2, Rīga, LV-1010", html);
        Assert.Contains("href=\"/locations\"", html);
        Assert.Contains("href=\"/staff-directory\"", html);
    }

    [Theory, Providers]
    public async Task The_staff_directory_lists_active_listed_staff_and_hides_the_others(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valka"]);
        var hidden = await app.CreateStaffAsync("slepena", [Roles.Inspector], ["valka"]);
        var gone = await app.CreateStaffAsync("aizgajis", [Roles.Inspector], ["valka"]);
        await app.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == hidden.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ShowInDirectory, false));
            await db.Users.Where(u => u.Id == gone.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        });
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var lv = await GetPageAsync(latvian, "/staff-directory");
        var en = await GetPageAsync(english, "/staff-directory?location=valka");
        var riga = await GetPageAsync(english, "/staff-directory?location=riga");

        Assert.Contains("Test ilze", lv);
        Assert.Contains("Speciālists", lv);
        Assert.Contains("href=\"/locations/valka\"", lv);
        Assert.Contains("Test ilze", en);
        Assert.Contains("Specialist", en);
        Assert.Contains("<option value=\"valka\" selected=\"selected\">", en);
        foreach (var page in new[] { lv, en })
        {
            Assert.DoesNotContain("slepena", page);
            Assert.DoesNotContain("aizgajis", page);
            Assert.DoesNotContain("mailto:", page);
        }

        Assert.DoesNotContain("Test ilze", riga);
        Assert.Contains("Nobody is listed yet.", riga);
    }

    [Theory, Providers]
    public async Task The_staff_directory_shows_a_members_phone_and_e_mail_only_when_set(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.CreateStaffAsync("liene", [Roles.ClientServiceSpecialist], ["valmiera"]);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.PhoneNumber, "26123456").SetProperty(x => x.Email, "liene@vtua.gov.lv")));
        using var client = app.CreateBrowserClient("en");

        var html = await GetPageAsync(client, "/staff-directory");

        Assert.Contains("href=\"tel:+37126123456\"", html);
        Assert.Contains("href=\"mailto:liene@vtua.gov.lv\"", html);
    }

    internal static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}.");
        return MainContent(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The page's own content, decoded (so "tel:+371…" reads as written): the layout's header and footer repeat the
    /// agency phone and e-mail on every page and must not make a page's own assertion pass.
    /// </summary>
    internal static string MainContent(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page has no <main>.");
        return WebUtility.HtmlDecode(html[start..end]);
    }

    /// <summary>The text of the page's only h1.</summary>
    internal static string Heading(string html)
    {
        var headings = H1().Matches(html);
        Assert.Single(headings);
        return WebUtility.HtmlDecode(Tags().Replace(headings[0].Groups[1].Value, "")).Trim();
    }

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
