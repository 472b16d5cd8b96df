using System.Net;
using ClientDesk.Data;
using ClientDesk.OnSite;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Tests.OnSite.OnSiteTestData;

namespace ClientDesk.Tests.OnSite;

/// <summary>
/// The travel fee the client sees before sending, computed from the service's own fee lines: 30 EUR to the client's
/// address (per client), the 10 EUR of a schedule stop for comparison, and for per-km services the rate there and back
/// with the cap from the note, estimated only when both the office and the point have coordinates.
/// </summary>
public sealed class TravelFeeTests
{
    private static FeeLineView Line(string nameLv, decimal? amount, string noteLv = "", string noteEn = "") =>
        new(TravelFees.KindOf(nameLv), nameLv, nameLv, amount, noteLv, noteEn);

    [Theory]
    [InlineData("Transporta nodrošinājums: izbraukuma grafikā noteiktā vieta", TravelFeeKind.ScheduleStop)]
    [InlineData("Transporta nodrošinājums: klienta norādīta adrese", TravelFeeKind.ClientAddress)]
    [InlineData("Transports, par km (turp un atpakaļ)", TravelFeeKind.PerKilometre)]
    [InlineData("Transports, par km (ja eksāmens notiek pie klienta)", TravelFeeKind.PerKilometre)]
    [InlineData("Traktora vai lauksaimniecības pašgājējmašīnas tehniskā apskate", TravelFeeKind.None)]
    [InlineData("Norēķinu veikšana (maksājot ar karti)", TravelFeeKind.None)]
    public void Travel_fee_lines_are_told_apart_from_the_other_lines_by_their_name(string nameLv, TravelFeeKind kind) =>
        Assert.Equal(kind, TravelFees.KindOf(nameLv));

    [Theory]
    [InlineData("Ne vairāk kā 24,79 EUR.", "24.79")]
    [InlineData("At most 24.79 EUR.", "24.79")]
    [InlineData("Par katru papildu sprauslu — piemaksa.", null)]
    [InlineData("", null)]
    public void The_cap_is_read_from_the_fee_lines_note(string note, string? cap) =>
        Assert.Equal(cap is null ? null : decimal.Parse(cap, System.Globalization.CultureInfo.InvariantCulture), TravelFees.CapOf(note));

    [Fact]
    public void At_the_clients_address_the_fee_is_the_address_line_once_and_the_schedule_stop_is_shown_for_comparison()
    {
        var quote = TravelFees.Quote(
            [Line("Tehniskā apskate", 16.09m), Line("Transporta nodrošinājums: izbraukuma grafikā noteiktā vieta", 10m), Line("Transporta nodrošinājums: klienta norādīta adrese", 30m)],
            office: null, point: null);

        Assert.Equal((30m, 10m, (PerKilometreFee?)null, 30m), (quote.ClientAddressEur, quote.ScheduleStopEur, quote.PerKilometre, quote.Applies));
        Assert.Equal("Tehniskā apskate", Assert.Single(quote.OtherLines).NameLv);
    }

    [Fact]
    public void Per_km_is_there_and_back_from_the_office_and_stops_at_the_cap()
    {
        var lines = new[] { Line("Transports, par km (turp un atpakaļ)", 0.67m, "Ne vairāk kā 24,79 EUR.") };
        // Valmiera to a farm about 10 km north: 2 × 10 km × 0.67 = about 13.40 EUR, under the cap.
        var near = TravelFees.Quote(lines, (57.5413, 25.4275), (57.6312, 25.4275));
        // Valmiera to Rēzekne, about 150 km: far over the cap.
        var far = TravelFees.Quote(lines, (57.5413, 25.4275), (56.5099, 27.3331));

        Assert.Equal(10.0, near.PerKilometre!.DistanceKm!.Value, 0.2);
        Assert.InRange(near.Applies!.Value, 13.20m, 13.60m);
        Assert.Equal(24.79m, far.Applies);
        Assert.Equal(24.79m, far.PerKilometre!.CapEur);
    }

    [Fact]
    public void Per_km_without_the_offices_coordinates_has_no_estimate_and_is_confirmed_by_the_inspector()
    {
        var quote = TravelFees.Quote([Line("Transports, par km (ja eksāmens notiek pie klienta)", 0.67m)], office: null, point: (57.6, 25.4));

        Assert.Equal((0.67m, (decimal?)null, (double?)null), (quote.PerKilometre!.RatePerKm, quote.PerKilometre.CapEur, quote.PerKilometre.DistanceKm));
        Assert.Null(quote.Applies);
    }

    [Theory, Providers]
    public async Task The_form_shows_the_address_fee_per_client_and_the_schedule_stop_fee_with_a_link_before_sending(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lv = await app.CreateBrowserClient().GetStringAsync("/onsite?service=technical-inspection", Ct);
        var en = await app.CreateBrowserClient("en").GetStringAsync("/onsite?service=technical-inspection", Ct);

        Assert.Contains("Izbraukums uz jūsu norādīto adresi: 30,00 EUR", lv);
        Assert.Contains("par klientu, nevis par katru tehnikas vienību", lv);
        Assert.Contains("maksa ir 10,00 EUR", lv);
        Assert.Contains("href=\"/inspection-stops\"", lv);
        Assert.Contains("A visit to the address you give: 30.00 EUR", en);
        Assert.Contains("the fee is 10.00 EUR", en);
        Assert.Contains("Inspection of a tractor or agricultural self-propelled machine: 16.09 EUR", en);
    }

    [Theory, Providers]
    public async Task For_a_per_km_service_the_form_shows_the_rate_and_the_cap_and_an_estimate_once_the_office_and_the_point_are_known(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");
        var rules = await client.GetStringAsync("/onsite?service=aal-inspection", Ct);
        Assert.Contains("Travel: 0.67 EUR per km (from the office there and back)", rules);
        Assert.Contains("At most 24.79 EUR.", rules);

        // Kuldīga has no coordinates in the reference data: the inspector confirms the distance.
        var fields = Form("aal-inspection", "kuldiga");
        fields["Input.Latitude"] = "57.0";
        fields["Input.Longitude"] = "21.9";
        var page = await PreviewAsync(client, fields);
        Assert.Contains("position is not yet recorded, so the inspector will confirm the distance", page);

        await app.WithDbAsync(db => db.Locations.Where(l => l.Slug == "kuldiga").ExecuteUpdateAsync(s => s.SetProperty(l => l.Latitude, 56.9677).SetProperty(l => l.Longitude, 21.9681), Ct));
        page = await PreviewAsync(client, fields);
        Assert.Contains("About 5.5 km in a straight line one way: around 7.37 EUR", page);

        var sent = await SendAsync(app, client, fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(7.37m, Assert.Single(await RequestsAsync(app)).TravelFeeEur);
    }

    private static async Task<string> PreviewAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/onsite?service={fields["Input.Service"]}", Ct);
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value) };
        var response = await client.PostAsync("/onsite?handler=Fee", new FormUrlEncodedContent(content), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
