namespace ClientDesk.Calendar;

/// <summary>How clients are served in a window: in queue order without an appointment, or at a booked time.</summary>
public enum WindowKind
{
    /// <summary>Walk-in: in queue order, without an appointment (S-3, S-4).</summary>
    WalkIn = 0,

    /// <summary>By appointment (S-2, S-5).</summary>
    Appointment = 1,
}

/// <summary>The days of the week a schedule rule covers.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

/// <summary>The ways a booking for an appointment window is accepted (S-6); "web" is this site's public booking.</summary>
[Flags]
public enum BookingChannels
{
    None = 0,
    Web = 1,
    Phone = 2,
    InPerson = 4,
    Email = 8,
    Post = 16,
    EServicePortal = 32,
    LatvijaLv = 64,
    EAddress = 128,
}

/// <summary>What a booking cut-off is measured from.</summary>
public enum CutoffKind
{
    /// <summary>Bookings are accepted until the window starts (booking's own minimum notice aside).</summary>
    None = 0,

    /// <summary>Before a time on a given weekday of the same week (Monday–Sunday), e.g. "before 17:00 on Monday".</summary>
    WeekdayOfSameWeek = 1,

    /// <summary>Before a time a number of days earlier, e.g. "before 15:00 the day before".</summary>
    DaysBefore = 2,
}

/// <summary>A stretch of local time within a day (Europe/Riga), start before end.</summary>
public readonly record struct TimeRange(TimeOnly Start, TimeOnly End)
{
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;

    public bool Contains(TimeOnly time) => time >= Start && time < End;
}

public static class ScheduleTerms
{
    public static readonly Weekdays[] Week =
        [Weekdays.Monday, Weekdays.Tuesday, Weekdays.Wednesday, Weekdays.Thursday, Weekdays.Friday, Weekdays.Saturday, Weekdays.Sunday];

    public static readonly BookingChannels[] AllChannels =
    [
        BookingChannels.Web, BookingChannels.Phone, BookingChannels.InPerson, BookingChannels.Email, BookingChannels.Post,
        BookingChannels.EServicePortal, BookingChannels.LatvijaLv, BookingChannels.EAddress,
    ];

    public const BookingChannels EveryChannel = (BookingChannels)255;

    public static Weekdays ToWeekdays(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.Sunday,
    };

    public static DayOfWeek ToDayOfWeek(this Weekdays day) => day switch
    {
        Weekdays.Monday => DayOfWeek.Monday,
        Weekdays.Tuesday => DayOfWeek.Tuesday,
        Weekdays.Wednesday => DayOfWeek.Wednesday,
        Weekdays.Thursday => DayOfWeek.Thursday,
        Weekdays.Friday => DayOfWeek.Friday,
        Weekdays.Saturday => DayOfWeek.Saturday,
        Weekdays.Sunday => DayOfWeek.Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a single weekday."),
    };

    public static IEnumerable<Weekdays> Each(this Weekdays days) => Week.Where(d => days.HasFlag(d));

    public static IEnumerable<BookingChannels> Each(this BookingChannels channels) => AllChannels.Where(c => channels.HasFlag(c));

    /// <summary>Days since Monday: Monday 0 … Sunday 6.</summary>
    public static int DaysFromMonday(this DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>camelCase names, as the API and the reference data file spell them.</summary>
    public static string Name(this BookingChannels channel) => channel switch
    {
        BookingChannels.Web => "web",
        BookingChannels.Phone => "phone",
        BookingChannels.InPerson => "inPerson",
        BookingChannels.Email => "email",
        BookingChannels.Post => "post",
        BookingChannels.EServicePortal => "eServicePortal",
        BookingChannels.LatvijaLv => "latvijaLv",
        BookingChannels.EAddress => "eAddress",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a single channel."),
    };

    public static string Name(this WindowKind kind) => kind == WindowKind.WalkIn ? "walk-in" : "appointment";

    public static BookingChannels ParseChannels(IEnumerable<string> names) =>
        names.Aggregate(BookingChannels.None, (all, name) => all | (AllChannels.FirstOrDefault(c => c.Name() == name) is var c && c != BookingChannels.None
            ? c
            : throw new FormatException($"Unknown booking channel '{name}'.")));

    public static Weekdays ParseWeekdays(IEnumerable<string> names) =>
        names.Aggregate(Weekdays.None, (all, name) => all | (Enum.TryParse<Weekdays>(name, ignoreCase: true, out var day) && day.Each().Count() == 1
            ? day
            : throw new FormatException($"Unknown weekday '{name}'.")));
}
