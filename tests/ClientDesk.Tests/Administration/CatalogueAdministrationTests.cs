using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Administration;

public sealed class CatalogueAdministrationTests
{
    [Theory, Providers]
    public async Task An_administrator_adds_a_location_and_it_is_listed_with_its_review_flag(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");

        var form = await HtmlForm.LoadAsync(admin, "/admin/locations/new");
        var response = await NewLocation(form, "smiltene").Set("Input.Latitude", "57,4244").Set("Input.Longitude", "25.9019")
            .Set("Input.BookingIntervalMinutes", "20").Set("Input.BookingSeats", "3").Set("Input.SeatsKeptForStaff", "1")
            .Set("Input.NeedsReview", "true", "false").Set("Input.ReviewNote", "Kabinets jāprecizē.").PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/locations", response.Headers.Location!.OriginalString);
        var list = await admin.GetStringAsync("/admin/locations", ct);
        Assert.Contains("The location “Smiltene” has been saved.", list);
        Assert.Contains("Kabinets jāprecizē.", list);
        var stored = await app.WithDbAsync(db => db.Locations.AsNoTracking().SingleAsync(l => l.Slug == "smiltene", ct));
        Assert.Equal((57.4244, 25.9019, Premises.UnifiedClientServiceCentre, true), (stored.Latitude, stored.Longitude, stored.Premises, stored.NeedsReview));
        Assert.Equal("64 123 456", stored.Phone);
        Assert.Equal((20, 3, 1), (stored.BookingIntervalMinutes, stored.BookingSeats, stored.SeatsKeptForStaff));
    }

    [Theory, Providers]
    public async Task Invalid_location_input_gets_a_message_in_the_users_language_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var before = await app.WithDbAsync(db => db.Locations.CountAsync(ct));

        async Task<string> Post(HttpClient client, Func<HtmlForm, HtmlForm> change) =>
            await change(NewLocation(await HtmlForm.LoadAsync(client, "/admin/locations/new"), "smiltene")).PostRefusedAsync(client);

        Assert.Contains("“Identifier in the address” may contain only lowercase Latin letters", await Post(english, f => f.Set("Input.Slug", "Smiltene 2")));
        Assert.Contains("Laukumā “Identifikators adresē” drīkst būt tikai mazie latīņu burti", await Post(latvian, f => f.Set("Input.Slug", "smiltene-")));
        Assert.Contains("The identifier “valmiera” is already used.", await Post(english, f => f.Set("Input.Slug", "valmiera")));
        Assert.Contains("Identifikators “valmiera” jau ir aizņemts.", await Post(latvian, f => f.Set("Input.Slug", "valmiera")));
        Assert.Contains("“Latitude” must be between", await Post(english, f => f.Set("Input.Latitude", "91")));
        Assert.Contains("Laukuma “Garums” vērtībai jābūt no", await Post(latvian, f => f.Set("Input.Longitude", "-180,5")));
        Assert.Contains("Enter a number in “Latitude”.", await Post(english, f => f.Set("Input.Latitude", "north")));
        Assert.Contains("Enter a valid phone number in “Phone”.", await Post(english, f => f.Set("Input.Phone", "call 112")));
        Assert.Contains("The kept places cannot be more than the clients served at once (2).", await Post(english, f => f.Set("Input.BookingSeats", "2").Set("Input.SeatsKeptForStaff", "3")));
        Assert.Contains("Laukuma “Vienlaikus apkalpojamie klienti” vērtībai jābūt no 1 līdz 50.", await Post(latvian, f => f.Set("Input.BookingSeats", "0")));
        Assert.Contains("Please fill in “Step between start times”.", await Post(english, f => f.Set("Input.BookingIntervalMinutes", "7")));

        Assert.Equal(before, await app.WithDbAsync(db => db.Locations.CountAsync(ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Locations.CountAsync(l => l.Slug == "valmiera", ct)));
    }

    [Theory, Providers]
    public async Task An_edit_made_from_a_stale_form_gets_the_concurrency_message_and_keeps_the_other_edit(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var first = await app.SignInAsAdministratorAsync("en");
        using var second = await app.SignInAsAdministratorAsync("lv");
        var firstForm = await HtmlForm.LoadAsync(first, "/admin/locations/valmiera/edit");
        var secondForm = await HtmlForm.LoadAsync(second, "/admin/locations/valmiera/edit");

        var saved = await firstForm.Set("Input.Address", "Rīgas iela 1, Valmiera").PostAsync(first);
        var stale = await secondForm.Set("Input.Address", "Cēsu iela 2, Valmiera").PostRefusedAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Kamēr labojāt, kāds cits šos datus jau mainīja.", stale);
        Assert.Equal("Rīgas iela 1, Valmiera", await app.WithDbAsync(db => db.Locations.Where(l => l.Slug == "valmiera").Select(l => l.Address).SingleAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_service_without_a_request_channel_or_with_a_bad_fee_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var before = await app.WithDbAsync(db => db.Services.CountAsync(ct));

        async Task<string> Post(HttpClient client, Func<HtmlForm, HtmlForm> change) =>
            await change((await HtmlForm.LoadAsync(client, "/admin/services/new"))
                .Set("Input.Code", "seed-drill-check").Set("Input.NameLv", "Sējmašīnas pārbaude").Set("Input.NameEn", "Seed drill check"))
            .PostRefusedAsync(client);

        Assert.Contains("Choose at least one way to request the service.", await Post(english, f => f.Set("Input.RequestChannels")));
        Assert.Contains("Izvēlieties vismaz vienu veidu, kā pakalpojumu var pieprasīt.", await Post(latvian, f => f.Set("Input.RequestChannels")));
        Assert.Contains("“Amount (fee line 1)” can have at most two decimals.", await Post(english, f => f.Set("Input.Fees[0].NameLv", "Maksa").Set("Input.Fees[0].Amount", "10,555")));
        Assert.Contains("Laukuma “PVN (maksas rinda 1)” vērtībai jābūt no 0 līdz 100.", await Post(latvian, f => f.Set("Input.Fees[0].NameLv", "Maksa").Set("Input.Fees[0].VatPercent", "121")));
        Assert.Contains("“Duration in minutes” must be between 1 and 1440.", await Post(english, f => f.Set("Input.DurationMinutes", "0")));
        Assert.Contains("The code “registration” is already used.", await Post(english, f => f.Set("Input.Code", "registration")));

        Assert.Equal(before, await app.WithDbAsync(db => db.Services.CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task Edited_channels_and_fee_lines_of_a_service_show_in_the_api(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("lv");
        var form = await HtmlForm.LoadAsync(admin, "/admin/services/technical-inspection/edit");
        var firstFee = form["Input.Fees[0].NameLv"];
        Assert.False(string.IsNullOrEmpty(firstFee));

        form.Set("Input.RequestChannels", nameof(Channels.Phone), nameof(Channels.EAddress))
            .Set("Input.ReceiveChannels", nameof(Channels.InPerson))
            .Set("Input.Fees[0].Amount", "12,50").Set("Input.Fees[0].VatPercent", "21")
            .Set("Input.Fees[1].NameLv", "").Set("Input.Fees[1].Id", "0")
            .Set("Input.Fees[2].NameLv", "Papildu maksa par izbraukumu").Set("Input.Fees[2].NameEn", "On-site surcharge").Set("Input.Fees[2].Amount", "30")
            .Set("Input.Fees[2].Id", "0");
        var saved = await form.PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("ir saglabāts", await admin.GetStringAsync("/admin/services", ct));
        using var api = app.CreateClient();
        var service = await api.GetFromJsonAsync<JsonElement>("/api/v1/services/technical-inspection", ct);
        Assert.Equal(["phone", "eAddress"], service.GetProperty("requestChannels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["inPerson"], service.GetProperty("receiveChannels").EnumerateArray().Select(c => c.GetString()));
        var fees = service.GetProperty("fees").EnumerateArray().ToList();
        Assert.Contains(fees, f => f.GetProperty("name").GetString() == firstFee && f.GetProperty("amountEur").GetDecimal() == 12.50m && f.GetProperty("vatPercent").GetDecimal() == 21m);
        Assert.Contains(fees, f => f.GetProperty("nameEn").GetString() == "On-site surcharge" && f.GetProperty("amountEur").GetDecimal() == 30m);
        var audit = await admin.GetStringAsync("/admin/audit?type=FeeLine", ct);
        Assert.Contains("12.5", audit);
    }

    [Theory, Providers]
    public async Task An_administrator_adds_and_edits_an_institution_of_the_referral_directory(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");

        var form = (await HtmlForm.LoadAsync(admin, "/admin/referrals/new"))
            .Set("Input.NameLv", "Lauku atbalsta dienests").Set("Input.NameEn", "Rural Support Service")
            .Set("Input.TopicsLv", "Platību maksājumi").Set("Input.Phone", "67027542").Set("Input.Website", "http://www.lad.gov.lv");
        Assert.Contains("Enter a full address starting with https:// in “Website”.", await form.PostRefusedAsync(admin));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReferralInstitutions.CountAsync(r => r.NameLv == "Lauku atbalsta dienests", ct)));

        var added = await form.Set("Input.Website", "https://www.lad.gov.lv").PostAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithDbAsync(db => db.ReferralInstitutions.Where(r => r.NameLv == "Lauku atbalsta dienests").Select(r => r.Id).SingleAsync(ct));
        var edited = await (await HtmlForm.LoadAsync(admin, $"/admin/referrals/{id}/edit")).Set("Input.IsActive", "false").PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Rural Support Service", await admin.GetStringAsync("/admin/referrals", ct));
        Assert.False(await app.WithDbAsync(db => db.ReferralInstitutions.Where(r => r.Id == id).Select(r => r.IsActive).SingleAsync(ct)));
    }

    [Theory, Providers]
    public async Task An_empty_identifier_or_name_gets_the_required_message_not_an_error_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignInAsAdministratorAsync("en");

        foreach (var (url, field) in new[] { ("/admin/locations/new", "Input.Slug"), ("/admin/services/new", "Input.Code"), ("/admin/referrals/new", "Input.NameLv") })
        {
            var page = await (await HtmlForm.LoadAsync(admin, url)).Set(field, "").PostRefusedAsync(admin);
            Assert.Contains("Please fill in “", page);
        }
    }

    private static HtmlForm NewLocation(HtmlForm form, string slug) => form
        .Set("Input.Slug", slug).Set("Input.NameLv", "Smiltene").Set("Input.NameEn", "Smiltene")
        .Set("Input.Premises", nameof(Premises.UnifiedClientServiceCentre)).Set("Input.Phone", "64 123 456");
}
