namespace ClientDesk.Catalogue;

/// <summary>
/// How the public catalogue groups services for a client: the machine, its inspections, the driver, businesses.
/// A service added later by an administrator that no group names goes under "Other services".
/// </summary>
internal static class ServiceGroups
{
    public const string Other = "Group.Other";

    public static readonly IReadOnlyList<(string TextKey, string[] Codes)> All =
    [
        ("Group.Machinery", ["registration", "re-registration", "deregistration", "pledge-mark", "register-statement"]),
        ("Group.Inspections", ["technical-inspection", "aal-inspection"]),
        ("Group.Drivers", ["theory-exam-traffic", "theory-exam-safety", "practical-exam", "licence-issue", "licence-replacement"]),
        ("Group.Business", ["dealer-registration", "training-card"]),
    ];

    public static string GroupOf(string code) =>
        All.FirstOrDefault(g => g.Codes.Contains(code)).TextKey ?? Other;

    /// <summary>The position within its group, so that a client reads the services in the order they usually need them.</summary>
    public static int OrderOf(string code) =>
        All.Select(g => Array.IndexOf(g.Codes, code)).FirstOrDefault(i => i >= 0, int.MaxValue);

    /// <summary>The first sentence of a description, for the catalogue's cards.</summary>
    public static string ShortText(string description)
    {
        var end = description.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? description : description[..(end + 1)];
    }
}
