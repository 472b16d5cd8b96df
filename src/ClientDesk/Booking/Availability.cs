using ClientDesk.Calendar;
using ClientDesk.Platform;

namespace ClientDesk.Booking;

/// <summary>What is asked: a service's length at a location, for a channel, over a date range, under the booking settings.</summary>
public sealed record AvailabilityRequest(
    int LocationId,
    int MinutesPerMachine,
    int Machines,
    DateOnly From,
    DateOnly To,
    BookingChannels Channel,
    BookingSettings Settings);

/// <summary>
/// A location's booking settings: the grid of start times, how many clients it serves at once for the service, how
/// many of those seats only staff channels may give, the minimum notice and how far ahead one may book.
/// </summary>
public sealed record BookingSettings(int IntervalMinutes, int Seats, int SeatsKeptForStaff, TimeSpan MinimumNotice, int HorizonDays)
{
    public static BookingSettings Default { get; } = new(15, 1, 0, TimeSpan.FromHours(2), 60);

    /// <summary>Seats a channel may fill: the web leaves the staff share free.</summary>
    public int SeatsFor(BookingChannels channel) => channel == BookingChannels.Web ? Math.Max(0, Seats - SeatsKeptForStaff) : Seats;
}

/// <summary>A bookable start time: local date and times in Riga, the instant it starts, the seats still free.</summary>
public sealed record FreeTime(DateOnly Date, TimeOnly Start, TimeOnly End, DateTimeOffset StartsAt, int FreeSeats, DateTimeOffset? BookingCutoff);

/// <summary>
/// Appointment windows on a day that the asking channel may not book: S-5's Tuesdays are booked by phone only, so the
/// web shows the number and the deadline instead of times.
/// </summary>
public sealed record OtherChannelsOnly(BookingChannels Channels, string? Phone, DateTimeOffset? BookingCutoff);

public sealed record AvailableDay(DateOnly Date, IReadOnlyList<FreeTime> Times, OtherChannelsOnly? OtherChannelsOnly);

/// <summary>
/// The bookable start times of a service at a location (ADR 008). Pure code: the calendar, the seats already taken
/// and the clock are given. A start lies on the location's grid counted from its window's start, the visit fits in
/// that window (never across a break or past a shortened day's end), the window accepts the channel, its cut-off
/// has not passed, the minimum notice and the horizon are kept, and a seat is free in every interval it covers.
/// </summary>
public static class Availability
{
    /// <param name="takenSeats">Seats taken at the location, by interval start (date, local time).</param>
    public static IReadOnlyList<AvailableDay> Compute(
        LocationCalendar calendar, AvailabilityRequest request, IReadOnlyDictionary<(DateOnly Date, TimeOnly Start), int> takenSeats, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MinutesPerMachine, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Machines, 1);
        var settings = request.Settings;
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.IntervalMinutes, 1);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, RigaTime.Zone).DateTime);
        var last = Min(request.To, today.AddDays(settings.HorizonDays));
        var earliest = now + settings.MinimumNotice;
        var length = TimeSpan.FromMinutes(request.MinutesPerMachine * request.Machines);
        var interval = TimeSpan.FromMinutes(settings.IntervalMinutes);
        var units = (int)Math.Ceiling(length / interval);
        var seats = settings.SeatsFor(request.Channel);

        var days = new List<AvailableDay>();
        for (var date = Max(request.From, today); date <= last; date = date.AddDays(1))
        {
            var day = calendar.Day(request.LocationId, date);
            var times = new List<FreeTime>();
            OtherChannelsOnly? otherChannels = null;
            foreach (var window in day.Windows)
            {
                if (window.Kind != WindowKind.Appointment)
                {
                    continue;
                }

                if ((window.Channels & request.Channel) == 0)
                {
                    otherChannels ??= new OtherChannelsOnly(window.Channels, window.BookingPhone, window.BookingCutoff);
                    continue;
                }

                if (window.BookingCutoff is { } cutoff && now >= cutoff)
                {
                    continue;
                }

                var clock = new DayClock(date);
                for (var start = window.Start; start.Add(length) <= window.End && start >= window.Start; start = start.Add(interval))
                {
                    if (clock.Instant(start) is not { } startsAt || startsAt < earliest)
                    {
                        continue;
                    }

                    var taken = 0;
                    var unit = start;
                    for (var i = 0; i < units; i++, unit = unit.Add(interval))
                    {
                        taken = Math.Max(taken, takenSeats.GetValueOrDefault((date, unit)));
                    }

                    if (seats - taken > 0)
                    {
                        times.Add(new FreeTime(date, start, start.Add(length), startsAt, seats - taken, window.BookingCutoff));
                    }

                    if (start.Add(interval) < start)
                    {
                        break; // the grid would pass midnight
                    }
                }
            }

            days.Add(new AvailableDay(date, times, times.Count == 0 ? otherChannels : null));
        }

        return days;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// Local times of one day as instants. On the two days a year when clocks change, each time goes through the
    /// written rule (a skipped time does not exist and is never offered); on other days one offset serves all.
    /// </summary>
    private readonly struct DayClock
    {
        private readonly DateOnly date;
        private readonly TimeSpan? offset;

        public DayClock(DateOnly date)
        {
            this.date = date;
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            var first = RigaTime.Zone.GetUtcOffset(midnight);
            var lastOffset = RigaTime.Zone.GetUtcOffset(midnight.AddDays(1).AddTicks(-1));
            offset = first == lastOffset ? first : null;
        }

        public DateTimeOffset? Instant(TimeOnly time)
        {
            var local = date.ToDateTime(time);
            if (offset is { } fixedOffset)
            {
                return new DateTimeOffset(local, fixedOffset);
            }

            return RigaTime.Zone.IsInvalidTime(local) ? null : RigaTime.ToInstant(date, time);
        }
    }
}
