namespace ClientDesk.Booking.Desk;

/// <summary>The time picker of the move and booking pages: the day's times, what was chosen, and its messages.</summary>
public sealed record TimeChoice(
    DateOnly Date, IReadOnlyList<DeskTime> Times, TimeOnly? Chosen, bool OverCapacity, string? OverCapacityReason, string? Error, string? OverCapacityError);

/// <summary>Checks a chosen time against the desk's times: free, or full and given over capacity with a reason.</summary>
internal static class TimeChecks
{
    public const int ReasonLength = 500;

    /// <summary>The over-capacity reason to pass on (only when the time is full), or the messages for the form.</summary>
    public static (string? Reason, string? TimeError, string? OverError) Check(
        Microsoft.Extensions.Localization.IStringLocalizer<DeskTexts> d, IReadOnlyList<DeskTime> times, string? start, bool overCapacity, string? overReason)
    {
        var reason = overReason?.Trim();
        if (!Desk.TryParseTime(start, out var chosen))
        {
            return (null, d["Times.Required"], null);
        }

        if (times.FirstOrDefault(t => t.Start == chosen) is not { } time)
        {
            return (null, d["Times.NotOffered"], null);
        }

        if (reason is { Length: > ReasonLength })
        {
            return (null, null, d["Common.TooLong", d["Over.Reason"], ReasonLength]);
        }

        if (time.FreeSeats > 0)
        {
            return (null, null, null);
        }

        if (!overCapacity)
        {
            return (null, d["Times.FullNeedsReason", Desk.Time(chosen)], null);
        }

        return string.IsNullOrEmpty(reason) ? (null, null, d["Over.ReasonRequired"]) : (reason, null, null);
    }
}
