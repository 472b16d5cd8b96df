namespace ClientDesk.Queue;

/// <summary>Queue settings (configuration section <c>Queue</c>); the standard gives none of these numbers (ADR 010).</summary>
public sealed class QueueOptions
{
    /// <summary>An appointment is called before walk-ins from this long before its time.</summary>
    public TimeSpan AppointmentCallAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An appointment may be checked in from this long before its time.</summary>
    public TimeSpan CheckInFrom { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>A remote ticket holder is told their turn is near when this many clients or fewer are ahead (unless they chose).</summary>
    public int NotifyWhenAhead { get; set; } = 3;

    /// <summary>Service time assumed for a group with no finished visits yet to learn from.</summary>
    public TimeSpan DefaultServiceTime { get; set; } = TimeSpan.FromMinutes(15);
}
