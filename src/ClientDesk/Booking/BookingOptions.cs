namespace ClientDesk.Booking;

/// <summary>
/// The agency's booking policy, from configuration section <c>Booking</c>. The standard gives none of these figures;
/// the defaults are our reading (ADR 008) and an administrator may change them without a release.
/// </summary>
public sealed class BookingOptions
{
    /// <summary>Clients book at least this long before the start (staff channels are not held to it).</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many days ahead anyone may book.</summary>
    public int HorizonDays { get; set; } = 60;

    /// <summary>How long a time chosen on the web is kept while the client types their details.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Clients move or cancel through their link until this long before the start; then they call.</summary>
    public TimeSpan ClientChangeCutoff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many times a client may move one appointment through their link.</summary>
    public int MaxMoves { get; set; } = 3;

    /// <summary>How many coming appointments one person may hold for the same service on the web and the API.</summary>
    public int ActivePerPersonPerService { get; set; } = 2;

    /// <summary>A booking form sent back sooner than this after it was shown is taken for a script.</summary>
    public TimeSpan MinimumFormTime { get; set; } = TimeSpan.FromSeconds(3);
}
