using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback.Gifts;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary>The gift log (C-8) over HTTP: anyone records, the not-declined rule, the ethics officer's list and review, others see their own.</summary>
public sealed class GiftLogTests
{
    private static Dictionary<string, string> Offer(int? locationId, string what, bool declined = true, string howHandled = "", string date = "2026-03-16") => new()
    {
        ["OfferedOn"] = date,
        ["LocationId"] = locationId?.ToString() ?? "",
        ["WhatWasOffered"] = what,
        ["Circumstances"] = "Pēc tehniskās apskates klients pasniedza kārbu.",
        ["Declined"] = declined ? "true" : "false",
        ["HowHandled"] = howHandled,
    };

    [Theory, Providers]
    public async Task Any_staff_member_records_an_offer_made_to_them_at_one_of_their_locations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var inspector = await app.CreateStaffAsync("juris", [Roles.Inspector], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var client = await app.SignInAsync("juris");

        var saved = await client.PostFormAsync("/staff/gifts/new", Offer(valmiera, "Konfekšu kārba"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var gift = await app.WithDbAsync(db => db.GiftOffers.AsNoTracking().SingleAsync());
        Assert.Equal((inspector.Id, inspector.Id, (int?)valmiera, true, new DateOnly(2026, 3, 16)),
            (gift.OfferedToStaffId, gift.RecordedByStaffId, gift.LocationId, gift.Declined, gift.OfferedOn));
        Assert.Equal("Konfekšu kārba", gift.WhatWasOffered);

        var riga = await RegistersTestData.LocationIdAsync(app, "riga");
        var elsewhere = await (await client.PostFormAsync("/staff/gifts/new", Offer(riga, "Medus"))).BodyAsync();
        Assert.Contains("Izvēlieties vienu no savām klientu apkalpošanas vietām.", elsewhere);
        var future = await (await client.PostFormAsync("/staff/gifts/new", Offer(valmiera, "Medus", date: "2026-03-18"))).BodyAsync();
        Assert.Contains("Datums nevar būt nākotnē.", future);
        var nothing = await (await client.PostFormAsync("/staff/gifts/new", Offer(valmiera, " "))).BodyAsync();
        Assert.Contains("Aizpildiet lauku “Kas tika piedāvāts”.", nothing);
        Assert.Equal(1, await app.WithDbAsync(db => db.GiftOffers.CountAsync()));
    }

    [Theory, Providers]
    public async Task An_offer_that_was_not_declined_needs_how_it_was_handled(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var client = await app.SignInAsync("ilze", "en");

        var refused = await client.PostFormAsync("/staff/gifts/new", Offer(valmiera, "A jar of honey", declined: false));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("When the gift could not be declined, describe how it was handled.", await refused.BodyAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.GiftOffers.CountAsync()));

        var saved = await client.PostFormAsync("/staff/gifts/new", Offer(valmiera, "A jar of honey", declined: false, howHandled: "Left on the desk; handed to the office manager."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var gift = await app.WithDbAsync(db => db.GiftOffers.AsNoTracking().SingleAsync());
        Assert.False(gift.Declined);
        Assert.Equal("Left on the desk; handed to the office manager.", gift.HowHandled);
    }

    [Theory, Providers]
    public async Task The_ethics_officer_sees_every_entry_by_month_and_location_and_reviews_it_while_others_see_only_their_own(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var juris = await app.CreateStaffAsync("juris", [Roles.Inspector], ["valmiera"]);
        await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["riga"]);
        var officer = await app.CreateStaffAsync("etika", [Roles.EthicsOfficer]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var riga = await RegistersTestData.LocationIdAsync(app, "riga");
        await (await app.SignInAsync("juris")).PostFormAsync("/staff/gifts/new", Offer(valmiera, "Konfekšu kārba"));
        await (await app.SignInAsync("ilze")).PostFormAsync("/staff/gifts/new", Offer(riga, "Ziedi", date: "2026-02-20"));

        var jurisList = await (await (await app.SignInAsync("juris")).GetAsync("/staff/gifts", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("Konfekšu kārba", jurisList);
        Assert.DoesNotContain("Ziedi", jurisList);
        var jurisClient = await app.SignInAsync("juris");
        var giftId = await app.WithDbAsync(db => db.GiftOffers.Where(g => g.OfferedToStaffId == juris.Id).Select(g => g.Id).SingleAsync());
        await RegistersTestData.AssertForbiddenAsync(jurisClient, $"/staff/gifts/{giftId}/review");

        var ethics = await app.SignInAsync("etika");
        var all = await (await ethics.GetAsync("/staff/gifts", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("Konfekšu kārba", all);
        Assert.Contains("Ziedi", all);
        var march = await (await ethics.GetAsync("/staff/gifts?month=2026-03", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("Konfekšu kārba", march);
        Assert.DoesNotContain("Ziedi", march);
        var inRiga = await (await ethics.GetAsync("/staff/gifts?location=riga", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.DoesNotContain("Konfekšu kārba", inRiga);
        Assert.Contains("Ziedi", inRiga);

        var noNote = await ethics.PostFormAsync($"/staff/gifts/{giftId}/review", new() { ["Note"] = "" });
        Assert.Contains("Ierakstiet piezīmi.", await noNote.BodyAsync());
        var version = await app.WithDbAsync(db => db.GiftOffers.Where(g => g.Id == giftId).Select(g => g.Version).SingleAsync());
        var reviewed = await ethics.PostFormAsync($"/staff/gifts/{giftId}/review", new() { ["Note"] = "Rīcība pareiza.", ["Version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var gift = await app.WithDbAsync(db => db.GiftOffers.AsNoTracking().SingleAsync(g => g.Id == giftId));
        Assert.Equal("Rīcība pareiza.", gift.ReviewNote);
        Assert.NotNull(gift.ReviewedAtUtc);
        Assert.Equal(officer.Id, gift.ReviewedByStaffId);
        Assert.Contains("Izskatīts 17.03.2026.", await (await (await app.SignInAsync("juris")).GetAsync("/staff/gifts", TestContext.Current.CancellationToken)).BodyAsync());
    }
}
