namespace ClientDesk.Catalogue;

public sealed class Region
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public List<Location> Locations { get; set; } = [];
}
