namespace ClientDesk.Access;

/// <summary>Who changed what and when (C-1). Written by <see cref="AuditInterceptor"/>, never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? StaffId { get; set; }
    public required string StaffName { get; set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityKey { get; set; }

    /// <summary>The changed properties as JSON: {"Name": ["old", "new"]}.</summary>
    public required string Changes { get; set; }
}
