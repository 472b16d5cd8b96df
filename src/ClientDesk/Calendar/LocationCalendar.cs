using System.Collections.Concurrent;
using ClientDesk.Platform;

namespace ClientDesk.Calendar;

/// <summary>A schedule rule as the pure calendar reads it. <see cref="LocationIds"/> empty means every location.</summary>
public sealed record ScheduleRuleRecord(
    int Id,
    string Code,
    string NameLv,
    string NameEn,
    WindowKind Kind,
    Weekdays Weekdays,
    TimeOnly Start,
    TimeOnly End,
    IReadOnlyList<TimeRange> Breaks,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    CutoffKind CutoffKind = CutoffKind.None,
    DayOfWeek? CutoffWeekday = null,
    int? CutoffDaysBefore = null,
    TimeOnly? CutoffTime = null,
    BookingChannels Channels = BookingChannels.None,
    string? BookingPhone = null,
    IReadOnlySet<int>? LocationIds = null,
    IReadOnlySet<int>? Replaces = null)
{
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    public bool AppliesAt(int locationId) => LocationIds is null || LocationIds.Count == 0 || LocationIds.Contains(locationId);
}

/// <summary>A location closure as the pure calendar reads it.</summary>
public sealed record ClosureRecord(int Id, int LocationId, DateOnly StartsOn, DateOnly EndsOn, string ReasonLv, string ReasonEn)
{
    public bool Covers(DateOnly date) => date >= StartsOn && date <= EndsOn;
}

/// <summary>Why a location does not serve clients on a day.</summary>
public enum ClosedBecause
{
    Holiday,
    Closure,
    MovedDayOff,
    WeekendRuleDayOff,
    Weekend,

    /// <summary>A working day on which no rule opens this location (an S-5 location on a Wednesday).</summary>
    NoService,
}

/// <summary>
/// One window of service as a person reads it: from <see cref="Start"/> to <see cref="End"/> with its
/// <see cref="Breaks"/>, the booking cut-off as an instant and the channels through which bookings are accepted.
/// </summary>
public sealed record OpeningPeriod(
    int RuleId,
    WindowKind Kind,
    TimeOnly Start,
    TimeOnly End,
    IReadOnlyList<TimeRange> Breaks,
    DateTimeOffset? BookingCutoff,
    BookingChannels Channels,
    string? BookingPhone)
{
    /// <summary>
    /// The period with its breaks (in start order) cut out: 8:30–18:00 with a break 12:00–12:30 is 8:30–12:00 and
    /// 12:30–18:00.
    /// </summary>
    public IEnumerable<OpeningWindow> Windows()
    {
        var cursor = Start;
        foreach (var pause in Breaks)
        {
            if (pause.Start > cursor)
            {
                yield return new OpeningWindow(Kind, cursor, pause.Start < End ? pause.Start : End, BookingCutoff, Channels, BookingPhone, RuleId);
            }

            if (pause.End > cursor)
            {
                cursor = pause.End;
            }

            if (cursor >= End)
            {
                yield break;
            }
        }

        yield return new OpeningWindow(Kind, cursor, End, BookingCutoff, Channels, BookingPhone, RuleId);
    }
}

/// <summary>A stretch of uninterrupted service (breaks already cut out), as booking and the queue use it.</summary>
public sealed record OpeningWindow(
    WindowKind Kind,
    TimeOnly Start,
    TimeOnly End,
    DateTimeOffset? BookingCutoff,
    BookingChannels Channels,
    string? BookingPhone,
    int RuleId);

/// <summary>One day at one location: open or closed and why, shortened or not, and its periods of service.</summary>
public sealed record LocationDay(
    DateOnly Date,
    Holiday? Holiday,
    ClosureRecord? Closure,
    ClosedBecause? ClosedBecause,
    bool Shortened,
    bool MovedWorkingSaturday,
    IReadOnlyList<OpeningPeriod> Periods)
{
    public bool Open => Periods.Count > 0;

    /// <summary>The periods with their breaks cut out, in start order (walk-in before appointment at the same time).</summary>
    public IReadOnlyList<OpeningWindow> Windows { get; } = CutWindows(Periods);

    private static IReadOnlyList<OpeningWindow> CutWindows(IReadOnlyList<OpeningPeriod> periods)
    {
        if (periods.Count == 0)
        {
            return [];
        }

        var windows = new List<OpeningWindow>(periods.Count * 2);
        foreach (var period in periods)
        {
            windows.AddRange(period.Windows());
        }

        if (periods.Count > 1)
        {
            windows.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        }

        return windows;
    }

    /// <summary>When the last period ends; null on a closed day.</summary>
    public TimeOnly? ClosesAt => Open ? Periods.Max(p => p.End) : null;
}

/// <summary>
/// "Open now" (which kinds of service, until when) or, when closed, the next opening within the searched days.
/// </summary>
public sealed record OpenStatus(
    bool IsOpen,
    IReadOnlyList<WindowKind> KindsNow,
    TimeOnly? Until,
    DateOnly? NextDate,
    TimeOnly? NextTime,
    IReadOnlyList<WindowKind> NextKinds);

/// <summary>
/// Every location's opening calendar (S-2…S-5, L-1, L-2), computed from the working-day calendar, the schedule rules
/// and the closures. Pure code: no database, no clock; immutable and thread-safe, so one instance serves every
/// request until the data changes. See docs/decisions/007-location-schedules.md for the rules it follows.
/// </summary>
public sealed class LocationCalendar
{
    private readonly IReadOnlyList<ScheduleRuleRecord> rules;
    private readonly ILookup<int, ClosureRecord> closuresByLocation;
    private readonly ConcurrentDictionary<int, LocalRule[]> rulesByLocation = new();
    private readonly Dictionary<int, TimeRange[]> breaksByRule;

    public LocationCalendar(WorkingCalendar workingDays, IEnumerable<ScheduleRuleRecord> rules, IEnumerable<ClosureRecord> closures)
    {
        WorkingDays = workingDays;
        this.rules = [.. rules.OrderBy(r => r.Start).ThenBy(r => r.Kind).ThenBy(r => r.Id)];
        Closures = [.. closures.OrderBy(c => c.StartsOn)];
        closuresByLocation = Closures.ToLookup(c => c.LocationId);
        breaksByRule = this.rules.ToDictionary(
            r => r.Id,
            r => r.Breaks.Where(b => b.End > r.Start && b.Start < r.End).OrderBy(b => b.Start).ToArray());
    }

    /// <summary>A rule at one location, with the rules there that replace it while they are valid.</summary>
    private sealed record LocalRule(ScheduleRuleRecord Rule, ScheduleRuleRecord[] ReplacedBy);

    public WorkingCalendar WorkingDays { get; }

    public IReadOnlyList<ScheduleRuleRecord> Rules => rules;

    public IReadOnlyList<ClosureRecord> Closures { get; }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public IReadOnlyList<LocationDay> Days(int locationId, DateOnly from, DateOnly to)
    {
        var days = new List<LocationDay>(Math.Max(0, to.DayNumber - from.DayNumber + 1));
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            days.Add(Day(locationId, date));
        }

        return days;
    }

    public LocationDay Day(int locationId, DateOnly date)
    {
        var facts = WorkingDays.Describe(date);
        var closure = ClosureOn(locationId, date);
        ClosedBecause? closed = facts.Holiday is not null ? ClosedBecause.Holiday
            : closure is not null ? ClosedBecause.Closure
            : facts.IsMovedDayOff ? ClosedBecause.MovedDayOff
            : facts.IsWeekendRuleDayOff ? ClosedBecause.WeekendRuleDayOff
            : !facts.IsWorking ? ClosedBecause.Weekend
            : null;
        if (closed is not null)
        {
            return new LocationDay(date, facts.Holiday, closure, closed, false, facts.IsMovedWorkingSaturday, []);
        }

        var periods = PeriodsOn(locationId, date, facts.IsMovedWorkingSaturday);
        if (periods.Count > 0 && facts.IsShortened)
        {
            periods = Shorten(periods);
        }

        return periods.Count == 0
            ? new LocationDay(date, null, null, ClosedBecause.NoService, false, facts.IsMovedWorkingSaturday, [])
            : new LocationDay(date, null, null, null, facts.IsShortened, facts.IsMovedWorkingSaturday, periods);
    }

    /// <summary>
    /// Open now at <paramref name="instant"/>, or else the next opening within <paramref name="searchDays"/> days.
    /// </summary>
    public OpenStatus StatusAt(int locationId, DateTimeOffset instant, int searchDays = 62)
    {
        var local = TimeZoneInfo.ConvertTime(instant, RigaTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var now = TimeOnly.FromDateTime(local.DateTime);

        var windowsToday = Day(locationId, today).Windows;
        var current = windowsToday.Where(w => w.Start <= now && now < w.End).ToList();
        if (current.Count > 0)
        {
            return new OpenStatus(true, [.. current.Select(w => w.Kind).Distinct().Order()], current.Max(w => w.End), null, null, []);
        }

        for (var offset = 0; offset <= searchDays; offset++)
        {
            var date = today.AddDays(offset);
            if (date.Year > LatvianHolidays.LastYear)
            {
                break;
            }

            var windows = offset == 0 ? windowsToday : Day(locationId, date).Windows;
            var next = windows.Where(w => offset > 0 || w.Start > now).ToList();
            if (next.Count > 0)
            {
                var start = next.Min(w => w.Start);
                return new OpenStatus(false, [], null, date, start, [.. next.Where(w => w.Start == start).Select(w => w.Kind).Distinct().Order()]);
            }
        }

        return new OpenStatus(false, [], null, null, null, []);
    }

    /// <summary>The rules that apply at a location on some day, each with the rules that replace it there.</summary>
    private LocalRule[] RulesAt(int locationId) =>
        rulesByLocation.GetOrAdd(locationId, id =>
        {
            var here = rules.Where(r => r.AppliesAt(id)).ToList();
            return [.. here.Select(r => new LocalRule(r, [.. here.Where(x => x.Replaces is not null && x.Replaces.Contains(r.Id))]))];
        });

    private ClosureRecord? ClosureOn(int locationId, DateOnly date)
    {
        foreach (var closure in closuresByLocation[locationId])
        {
            if (closure.StartsOn > date)
            {
                break;
            }

            if (closure.Covers(date))
            {
                return closure;
            }
        }

        return null;
    }

    private List<OpeningPeriod> PeriodsOn(int locationId, DateOnly date, bool movedWorkingSaturday)
    {
        // A moved working Saturday is worked as the weekday it replaces (ADR 007).
        var weekday = movedWorkingSaturday && MovedFrom(date) is { } replaced
            ? replaced.DayOfWeek.ToWeekdays()
            : date.DayOfWeek.ToWeekdays();

        var periods = new List<OpeningPeriod>(4);
        foreach (var (rule, replacedBy) in RulesAt(locationId))
        {
            if ((rule.Weekdays & weekday) == 0 || !rule.IsValidOn(date) || Array.Exists(replacedBy, r => r.IsValidOn(date)))
            {
                continue;
            }

            var appointment = rule.Kind == WindowKind.Appointment;
            periods.Add(new OpeningPeriod(
                rule.Id,
                rule.Kind,
                rule.Start,
                rule.End,
                breaksByRule[rule.Id],
                appointment ? CutoffInstant(rule, date) : null,
                appointment ? rule.Channels : BookingChannels.None,
                appointment ? rule.BookingPhone : null));
        }

        return periods;
    }

    private DateOnly? MovedFrom(DateOnly date) =>
        WorkingDays.SpecialDays.FirstOrDefault(d => d.Date == date && d.Kind == SpecialDayKind.MovedWorkingSaturday)?.MovedFrom;

    /// <summary>
    /// L-2: the day ends one hour earlier. Periods that would end later end then; periods that would start after it
    /// are dropped; when the new end falls in a break, the period ends where the break begins.
    /// </summary>
    private static List<OpeningPeriod> Shorten(List<OpeningPeriod> periods)
    {
        var dayEnd = periods.Max(p => p.End);
        if (dayEnd < new TimeOnly(1, 0))
        {
            return periods;
        }

        var newEnd = dayEnd.AddHours(-1);
        var shortened = new List<OpeningPeriod>(periods.Count);
        foreach (var period in periods)
        {
            if (period.End <= newEnd)
            {
                shortened.Add(period);
                continue;
            }

            var end = newEnd;
            var breaks = new List<TimeRange>();
            foreach (var pause in period.Breaks)
            {
                if (pause.Start >= end)
                {
                    continue;
                }

                if (pause.End >= end)
                {
                    end = pause.Start;
                    continue;
                }

                breaks.Add(pause);
            }

            if (end > period.Start)
            {
                shortened.Add(period with { End = end, Breaks = breaks });
            }
        }

        return shortened;
    }

    /// <summary>
    /// The booking cut-off as an instant. A cut-off that falls on a day the agency does not work (Easter Monday before
    /// an S-5 Tuesday) moves to the working day before it, at the same local time: nobody answers the phone then.
    /// </summary>
    private DateTimeOffset? CutoffInstant(ScheduleRuleRecord rule, DateOnly date)
    {
        if (rule.CutoffKind == CutoffKind.None || rule.CutoffTime is not { } time)
        {
            return null;
        }

        DateOnly day;
        if (rule.CutoffKind == CutoffKind.WeekdayOfSameWeek && rule.CutoffWeekday is { } weekday)
        {
            var monday = date.AddDays(-date.DayOfWeek.DaysFromMonday());
            day = monday.AddDays(weekday.DaysFromMonday());
            if (day > date)
            {
                day = date;
            }
        }
        else if (rule.CutoffKind == CutoffKind.DaysBefore && rule.CutoffDaysBefore is { } days)
        {
            day = date.AddDays(-days);
        }
        else
        {
            return null;
        }

        while (day.Year >= LatvianHolidays.FirstYear && day < date && !WorkingDays.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return RigaTime.ToInstant(day, time);
    }
}
