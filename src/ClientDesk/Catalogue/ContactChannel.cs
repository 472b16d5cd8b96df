namespace ClientDesk.Catalogue;

/// <summary>One of the ways to reach the agency, CH-1 … CH-7 of the standard.</summary>
public sealed class ContactChannel
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int Position { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PostalAddress { get; set; }
    public string? Url { get; set; }
    public string HoursLv { get; set; } = "";
    public string HoursEn { get; set; } = "";
    public string DescriptionLv { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Another competent institution a client can be referred to (C-4).</summary>
public sealed class ReferralInstitution
{
    public int Id { get; set; }
    public required string NameLv { get; set; }
    public required string NameEn { get; set; }
    public string TopicsLv { get; set; } = "";
    public string TopicsEn { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Address { get; set; }
    public string Source { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
}
