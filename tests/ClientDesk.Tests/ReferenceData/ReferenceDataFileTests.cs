using System.Text.RegularExpressions;
using ClientDesk.Catalogue;
using ClientDesk.ReferenceData;

namespace ClientDesk.Tests.ReferenceData;

public sealed partial class ReferenceDataFileTests
{
    private static readonly ReferenceDataFile File = ReferenceDataFile.Read(ReferenceDataFile.DefaultPath);

    [Fact]
    public void Every_id_is_a_stable_lowercase_ascii_slug_and_unique()
    {
        var ids = File.Regions.Select(r => r.Slug).Concat(File.Locations.Select(l => l.Slug)).Concat(File.Services.Select(s => s.Code));

        Assert.All(ids, id => Assert.Matches(Slug(), id));
        Assert.Equal(File.Locations.Count, File.Locations.Select(l => l.Slug).Distinct().Count());
        Assert.Equal(File.Services.Count, File.Services.Select(s => s.Code).Distinct().Count());
    }

    [Fact]
    public void The_locations_of_the_standard_have_the_premises_it_names()
    {
        var premises = File.Locations.ToDictionary(l => l.Slug, l => l.Premises);

        Assert.Equal(Premises.UnifiedClientServiceCentre, premises["aluksne"]);
        Assert.Equal(Premises.UnifiedClientServiceCentre, premises["balvi"]);
        Assert.Equal(Premises.UnifiedClientServiceCentre, premises["valka"]);
        Assert.Equal(Premises.MunicipalPremises, premises["limbazi"]);
        Assert.Equal(Premises.MunicipalPremises, premises["madona"]);
        Assert.Contains("valmiera", premises.Keys);
        Assert.Contains("gulbene", premises.Keys);
        var riga = File.Locations.Single(l => l.HeadOffice);
        Assert.Equal(("riga", "Republikas laukums 2, Rīga, LV-1010", "614"), (riga.Slug, riga.Address, riga.Room));
    }

    [Fact]
    public void A_location_without_a_sourced_address_is_flagged_for_an_administrator()
    {
        Assert.All(File.Locations.Where(l => l.Address is null || l.Phone is null || l.Latitude is null),
            l => Assert.True(l.NeedsReview && !string.IsNullOrWhiteSpace(l.ReviewNote), $"{l.Slug} has empty facts but no review flag and note."));
    }

    [Fact]
    public void Every_service_can_be_requested_and_received_somewhere_and_names_known_locations()
    {
        var slugs = File.Locations.Select(l => l.Slug).ToHashSet();

        Assert.All(File.Services, s =>
        {
            Assert.NotEqual(Channels.None, ChannelList.Parse(s.RequestChannels));
            Assert.NotEqual(Channels.None, ChannelList.Parse(s.ReceiveChannels));
            Assert.NotEmpty(s.Locations);
            Assert.True(s.Locations is ["*"] || s.Locations.All(slugs.Contains), $"{s.Code} names an unknown location.");
            Assert.False(string.IsNullOrWhiteSpace(s.NameEn), $"{s.Code} has no English name.");
            Assert.All(s.Fees ?? [], f => Assert.True(f.VatPercent is null or >= 0 and <= 100));
        });
    }

    [Fact]
    public void The_contact_channels_are_CH_1_to_CH_7_in_order()
    {
        Assert.Equal(["CH-1", "CH-2", "CH-3", "CH-4", "CH-5", "CH-6", "CH-7"], File.ContactChannels.Select(c => c.Code));
        Assert.Equal("67027486", File.ContactChannels.Single(c => c.Code == "CH-7").Phone);
    }

    [Fact]
    public void An_unknown_channel_name_is_an_error_not_a_silent_none()
    {
        Assert.Throws<FormatException>(() => ChannelList.Parse(["inPerson", "pigeon"]));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
