namespace ClientDesk.Catalogue;

/// <summary>The ways a service can be requested or its result received (S-1, S-6).</summary>
[Flags]
public enum Channels
{
    None = 0,
    InPerson = 1,
    Phone = 2,
    Email = 4,
    Post = 8,
    EServicePortal = 16,
    LatvijaLv = 32,
    EAddress = 64,
}

public static class ChannelList
{
    public static readonly Channels[] All =
        [Channels.InPerson, Channels.Phone, Channels.Email, Channels.Post, Channels.EServicePortal, Channels.LatvijaLv, Channels.EAddress];

    public static IEnumerable<Channels> Each(this Channels channels) => All.Where(c => channels.HasFlag(c));

    /// <summary>camelCase names, as the API and the reference data file spell them.</summary>
    public static string Name(this Channels channel) => channel switch
    {
        Channels.InPerson => "inPerson",
        Channels.Phone => "phone",
        Channels.Email => "email",
        Channels.Post => "post",
        Channels.EServicePortal => "eServicePortal",
        Channels.LatvijaLv => "latvijaLv",
        Channels.EAddress => "eAddress",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a single channel."),
    };

    public static Channels Parse(IEnumerable<string> names) =>
        names.Aggregate(Channels.None, (all, name) => all | (All.FirstOrDefault(c => c.Name() == name) is var c && c != Channels.None
            ? c
            : throw new FormatException($"Unknown channel '{name}'.")));
}
