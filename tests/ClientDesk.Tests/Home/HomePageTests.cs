using ClientDesk.Data;
using ClientDesk.Tests.Catalogue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Home;

public sealed class HomePageTests
{
    [Theory, Providers]
    public async Task The_home_page_leads_from_a_need_to_its_services(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var lv = await PublicPagesTests.GetPageAsync(latvian, "/");
        var en = await PublicPagesTests.GetPageAsync(english, "/");

        var need = en.IndexOf("I bought a new or imported tractor", StringComparison.Ordinal);
        Assert.True(need >= 0);
        Assert.True(en.IndexOf("href=\"/services/registration\"", need, StringComparison.Ordinal) > need);
        Assert.Contains("Nopirku jaunu vai no ārvalstīm ievestu traktoru", lv);
        Assert.Contains("href=\"/services/registration\"", lv);
        foreach (var code in new[] { "theory-exam-traffic", "theory-exam-safety", "practical-exam", "licence-issue", "licence-replacement", "aal-inspection", "dealer-registration" })
        {
            Assert.Contains($"href=\"/services/{code}\"", en);
        }

        Assert.Contains("The inspection can also be done at your address.", en);
        Assert.Contains("href=\"tel:+37167027486\"", en);
        Assert.Contains("href=\"/contacts#ch-7\"", en);
        Assert.Contains("I am not sure what I need", en);
        Assert.Contains("href=\"tel:+37167027149\"", en);
        Assert.Contains("href=\"/locations\"", en);
    }

    [Theory, Providers]
    public async Task A_deactivated_service_disappears_from_the_catalogue_and_the_home_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithDbAsync(db => db.Services.Where(s => s.Code == "register-statement")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false)));
        using var client = app.CreateBrowserClient("en");

        var home = await PublicPagesTests.GetPageAsync(client, "/");
        var catalogue = await PublicPagesTests.GetPageAsync(client, "/services");
        var riga = await PublicPagesTests.GetPageAsync(client, "/locations/riga");
        var page = await client.GetAsync("/services/register-statement", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("/services/register-statement", home);
        Assert.DoesNotContain("I need a statement about my machinery", home);
        Assert.DoesNotContain("/services/register-statement", catalogue);
        Assert.DoesNotContain("/services/register-statement", riga);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("href=\"/services/registration\"", home);
        Assert.Contains("href=\"/services/registration\"", catalogue);
    }

    [Theory, Providers]
    public async Task The_standard_page_gives_the_values_commitments_and_visitor_reception(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var latvian = app.CreateBrowserClient("lv");
        using var english = app.CreateBrowserClient("en");

        var lv = await PublicPagesTests.GetPageAsync(latvian, "/our-standard");
        var en = await PublicPagesTests.GetPageAsync(english, "/our-standard");

        foreach (var value in new[] { "Professionalism", "Responsibility", "Respectful attitude", "Cooperation", "Accessibility", "Simplicity" })
        {
            Assert.Contains($"<h3>{value}</h3>", en);
        }

        Assert.Contains("Ievērojam “Konsultē vispirms” principu", lv);
        Assert.Contains("neprasīt un nepieņemt materiālas pateicības par sniegto pakalpojumu.", lv);
        Assert.Contains("piedalīties klientu aptaujās un novērtēt mūsu pakalpojumu kvalitāti;", lv);
        Assert.Contains("otrdienās no plkst. 8.30 līdz 18.00", lv);
        Assert.Contains("614. kabinetā", lv);
        Assert.Contains("mailto:armands.binovskis@vtua.gov.lv", en);
        Assert.Contains("room 614", en);
        Assert.Contains("tel:+37125594590", en);
        Assert.Contains("https://epakalpojumi.zm.gov.lv/", en);
        Assert.Equal(8, ItemsAfter(en, "When serving clients, we commit to:"));
        Assert.Equal(5, ItemsAfter(en, "We ask clients to:"));
        Assert.Equal(8, ItemsAfter(lv, "Apkalpojot klientus, mēs apņemamies:"));
    }

    /// <summary>How many list items the first list after a heading has.</summary>
    private static int ItemsAfter(string html, string heading)
    {
        var start = html.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No “{heading}”.");
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        return html[start..end].Split("<li>").Length - 1;
    }
}
