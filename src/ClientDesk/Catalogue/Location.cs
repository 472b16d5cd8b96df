namespace ClientDesk.Catalogue;

public enum Premises
{
    AgencyOffice = 0,
    UnifiedClientServiceCentre = 1,
    MunicipalPremises = 2,
}

public sealed class Location
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public int RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public Premises Premises { get; set; }
    public string? Address { get; set; }
    public string? Room { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool IsHeadOffice { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Facts the reference data could not source (address, phone, coordinates) wait for an administrator.</summary>
    public bool NeedsReview { get; set; }
    public string? ReviewNote { get; set; }

    /// <summary>Where the facts come from, for the administrator checking them.</summary>
    public string Source { get; set; } = "";

    public List<Service> Services { get; set; } = [];

    /// <summary>Booking: minutes between possible start times (ADR 008).</summary>
    public int BookingIntervalMinutes { get; set; } = 15;

    /// <summary>Booking: how many clients are served at once (desks with staff); unknown facts start at one.</summary>
    public int BookingSeats { get; set; } = 1;

    /// <summary>Booking: of those, how many only staff channels (phone, in person, …) may fill.</summary>
    public int SeatsKeptForStaff { get; set; }

    /// <summary>Application-managed concurrency token: SQLite has no database-generated row version.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
