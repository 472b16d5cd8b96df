using ClientDesk.Catalogue;

namespace ClientDesk.Queue;

/// <summary>The letter a ticket number carries, one per service group of the catalogue (A012 is machinery, C004 drivers).</summary>
public static class QueueLetters
{
    private static readonly Dictionary<string, string> ByGroup = new()
    {
        ["Group.Machinery"] = "A",
        ["Group.Inspections"] = "B",
        ["Group.Drivers"] = "C",
        ["Group.Business"] = "D",
        [ServiceGroups.Other] = "E",
    };

    public static string For(string serviceCode) => ByGroup[ServiceGroups.GroupOf(serviceCode)];

    /// <summary>The catalogue's group text key for a letter (the kiosk and the display name the groups in plain words).</summary>
    public static string GroupOf(string letter) => ByGroup.First(g => g.Value == letter).Key;

    public static IReadOnlyList<string> All { get; } = [.. ByGroup.Values];
}
