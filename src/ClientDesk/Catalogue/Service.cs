namespace ClientDesk.Catalogue;

public sealed class Service
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public string DescriptionLv { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>Typical duration; empty until a source or an administrator gives it.</summary>
    public int? DurationMinutes { get; set; }
    public Channels RequestChannels { get; set; }
    public Channels ReceiveChannels { get; set; }
    public bool OnSite { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Documents to bring, one per line.</summary>
    public string DocumentsLv { get; set; } = "";
    public string DocumentsEn { get; set; } = "";

    /// <summary>The legal term or other note on how long the service takes to complete, where a source gives it.</summary>
    public string TermLv { get; set; } = "";
    public string TermEn { get; set; } = "";

    /// <summary>Where the fees and facts come from (a regulation, a public page), for the administrator checking them.</summary>
    public string Source { get; set; } = "";

    public List<FeeLine> Fees { get; set; } = [];
    public List<Location> Locations { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One line of a service's price: an amount in euro before VAT and the VAT rate, when known.</summary>
public sealed class FeeLine
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public int Position { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public decimal? AmountEur { get; set; }
    public decimal? VatPercent { get; set; }
    public string NoteLv { get; set; } = "";
    public string NoteEn { get; set; } = "";
}
