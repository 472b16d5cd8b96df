using System.Collections.Concurrent;

namespace ClientDesk.Calendar;

/// <summary>
/// The Latvian working-day calendar for a Monday–Friday week, 2000–2100 (requirements L-1, L-2). Pure code: the
/// statutory holidays are computed (<see cref="LatvianHolidays"/>); festival closing days, one-off holidays and the
/// Cabinet's moved working days are given as <see cref="SpecialDayRecord"/> data. Years are computed once and cached;
/// an instance is immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para><b>Working day</b>: a Monday–Friday that is not a public holiday, not a moved day off and not a day off made by
/// the weekend rule; or a moved working Saturday that is not a public holiday.</para>
/// <para><b>Weekend rule</b> (L-1): when 4 May, 18 November or a Song and Dance Festival closing day falls on a Saturday
/// or Sunday, the next working day after it (counting all other holidays and moved days) is a day off. No other
/// holiday moves. Such a day off is not itself a public holiday.</para>
/// <para><b>Shortened (pre-holiday) day</b> (L-2, Labour Law s.135): a working day is one hour shorter when
/// (a) the next calendar day is a public holiday (statutory, festival closing day or one-off) — this includes a moved
/// working Saturday before a Sunday holiday such as Mother's Day or Whit Sunday, while an ordinary Saturday, being a
/// rest day, is never shortened; or (b) it is a moved working Saturday worked in exchange for a weekday whose next
/// calendar day is a public holiday (the pre-holiday character moves with the working day, e.g. Sat 21 Apr 2018
/// worked for Mon 30 Apr 2018 before 1 May). A weekend-rule day off or a moved day off is not a holiday, so the day
/// before it is not shortened, and a pre-holiday shortening never moves to an earlier day when the day before the
/// holiday is a rest day.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    [Flags]
    private enum DayFlags : byte
    {
        None = 0,
        Working = 1,
        Holiday = 2,
        Shortened = 4,
        MovedDayOff = 8,
        WeekendRuleDayOff = 16,
        MovedWorkingSaturday = 32,
    }

    private sealed record YearData(DayFlags[] Flags, Dictionary<DateOnly, Holiday> Holidays);

    private readonly ConcurrentDictionary<int, YearData> years = new();
    private readonly ILookup<int, SpecialDayRecord> specialByYear;

    /// <summary>A calendar with the given special days (festival closing days, one-off holidays, moved days).</summary>
    public WorkingCalendar(IEnumerable<SpecialDayRecord> specialDays)
    {
        ArgumentNullException.ThrowIfNull(specialDays);
        SpecialDays = [.. specialDays.OrderBy(d => d.Date).ThenBy(d => d.Kind)];
        specialByYear = SpecialDays.ToLookup(d => d.Date.Year);
    }

    /// <summary>A calendar with the statutory holidays only.</summary>
    public static WorkingCalendar StatutoryOnly { get; } = new([]);

    public IReadOnlyList<SpecialDayRecord> SpecialDays { get; }

    /// <summary>True when <paramref name="date"/> is a working day (see the class remarks).</summary>
    public bool IsWorkingDay(DateOnly date) => (Flags(date) & DayFlags.Working) != 0;

    /// <summary>True when <paramref name="date"/> is a working day one hour shorter before a public holiday (L-2).</summary>
    public bool IsShortened(DateOnly date) => (Flags(date) & DayFlags.Shortened) != 0;

    /// <summary>True when <paramref name="date"/> is a public holiday (statutory, festival closing day or one-off).</summary>
    public bool IsPublicHoliday(DateOnly date) => (Flags(date) & DayFlags.Holiday) != 0;

    /// <summary>True when <paramref name="date"/> is a weekday off made by the weekend rule.</summary>
    public bool IsWeekendRuleDayOff(DateOnly date) => (Flags(date) & DayFlags.WeekendRuleDayOff) != 0;

    /// <summary>True when <paramref name="date"/> is a weekday off moved by a Cabinet order.</summary>
    public bool IsMovedDayOff(DateOnly date) => (Flags(date) & DayFlags.MovedDayOff) != 0;

    /// <summary>True when <paramref name="date"/> is a Saturday worked by a Cabinet order.</summary>
    public bool IsMovedWorkingSaturday(DateOnly date) => (Flags(date) & DayFlags.MovedWorkingSaturday) != 0;

    /// <summary>Everything the calendar knows of a day, read once (the location calendar asks for all of it per day).</summary>
    public CalendarDay Describe(DateOnly date)
    {
        var year = Year(date.Year);
        var flags = year.Flags[date.DayOfYear - 1];
        return new CalendarDay(
            (flags & DayFlags.Working) != 0,
            (flags & DayFlags.Shortened) != 0,
            (flags & DayFlags.MovedDayOff) != 0,
            (flags & DayFlags.WeekendRuleDayOff) != 0,
            (flags & DayFlags.MovedWorkingSaturday) != 0,
            (flags & DayFlags.Holiday) != 0 ? year.Holidays[date] : null);
    }

    /// <summary>The public holiday on <paramref name="date"/>, or null.</summary>
    public Holiday? HolidayOn(DateOnly date) => Year(date.Year).Holidays.GetValueOrDefault(date);

    /// <summary>The public holidays of a year in date order.</summary>
    public IReadOnlyList<Holiday> Holidays(int year) => [.. Year(year).Holidays.Values.OrderBy(h => h.Date)];

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/> (before it when negative);
    /// <paramref name="date"/> itself is not counted. 0 gives <paramref name="date"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var left = Math.Abs(workingDays);
        var day = date;
        while (left > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>
    /// (negative when <paramref name="to"/> is earlier), so that <c>AddWorkingDays(from, n)</c> gives a date with count n.
    /// </summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        var day = date;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private DayFlags Flags(DateOnly date) => Year(date.Year).Flags[date.DayOfYear - 1];

    private YearData Year(int year)
    {
        LatvianHolidays.CheckYear(year);
        return years.GetOrAdd(year, Build);
    }

    private YearData Build(int year)
    {
        var start = new DateOnly(year, 1, 1);
        var flags = new DayFlags[DateTime.IsLeapYear(year) ? 366 : 365];
        var holidays = new Dictionary<DateOnly, Holiday>();

        void AddHoliday(Holiday h)
        {
            holidays[h.Date] = holidays.TryGetValue(h.Date, out var existing)
                ? existing with
                {
                    NameLv = existing.NameLv + "; " + h.NameLv,
                    NameEn = existing.NameEn + "; " + h.NameEn,
                    MovesOffWeekend = existing.MovesOffWeekend || h.MovesOffWeekend,
                }
                : h;
        }

        foreach (var h in LatvianHolidays.Statutory(year))
        {
            AddHoliday(h);
        }

        var special = specialByYear[year].ToList();
        foreach (var s in special)
        {
            if (s.Kind == SpecialDayKind.FestivalClosingDay)
            {
                AddHoliday(new Holiday(s.Date, s.NameLv, s.NameEn) { MovesOffWeekend = true });
            }
            else if (s.Kind == SpecialDayKind.OneOffHoliday)
            {
                AddHoliday(new Holiday(s.Date, s.NameLv, s.NameEn));
            }
        }

        // Base working days: holidays, moved days off and moved working Saturdays.
        for (var i = 0; i < flags.Length; i++)
        {
            var day = start.AddDays(i);
            if (holidays.ContainsKey(day))
            {
                flags[i] = DayFlags.Holiday;
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                flags[i] = DayFlags.Working;
            }
        }

        foreach (var s in special)
        {
            var i = s.Date.DayOfYear - 1;
            if (s.Kind == SpecialDayKind.MovedDayOff && (flags[i] & DayFlags.Working) != 0)
            {
                flags[i] = DayFlags.MovedDayOff;
            }
            else if (s.Kind == SpecialDayKind.MovedWorkingSaturday && (flags[i] & DayFlags.Holiday) == 0)
            {
                flags[i] = DayFlags.Working | DayFlags.MovedWorkingSaturday;
            }
        }

        // Weekend rule, in date order, so that a later transfer skips an earlier one.
        foreach (var h in holidays.Values.Where(h => h.MovesOffWeekend).OrderBy(h => h.Date))
        {
            if (h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                continue;
            }

            for (var i = h.Date.DayOfYear; i < flags.Length; i++)
            {
                if ((flags[i] & DayFlags.Working) != 0)
                {
                    flags[i] = DayFlags.WeekendRuleDayOff;
                    break;
                }
            }
        }

        // Pre-holiday shortening (L-2); see the class remarks.
        var movedFrom = special
            .Where(s => s.Kind == SpecialDayKind.MovedWorkingSaturday && s.MovedFrom is not null)
            .ToDictionary(s => s.Date, s => s.MovedFrom!.Value);
        for (var i = 0; i < flags.Length; i++)
        {
            if ((flags[i] & DayFlags.Working) == 0)
            {
                continue;
            }

            var day = start.AddDays(i);
            var next = day.AddDays(1);
            var nextIsHoliday = next.Year == year ? holidays.ContainsKey(next) : IsStatutoryHoliday(next);
            var replacesPreHoliday = movedFrom.TryGetValue(day, out var replaced) && IsHolidayDate(replaced.AddDays(1), year, holidays);
            if (nextIsHoliday || replacesPreHoliday)
            {
                flags[i] |= DayFlags.Shortened;
            }
        }

        return new YearData(flags, holidays);
    }

    private bool IsHolidayDate(DateOnly date, int buildingYear, Dictionary<DateOnly, Holiday> holidays) =>
        date.Year == buildingYear ? holidays.ContainsKey(date) : IsStatutoryHoliday(date) || IsSpecialHoliday(date);

    // Across a year boundary only 31 Dec → 1 Jan matters; avoid building the neighbour year recursively.
    private bool IsStatutoryHoliday(DateOnly date) =>
        date.Year is >= LatvianHolidays.FirstYear and <= LatvianHolidays.LastYear
        && (LatvianHolidays.Statutory(date.Year).Any(h => h.Date == date) || IsSpecialHoliday(date));

    private bool IsSpecialHoliday(DateOnly date) =>
        specialByYear[date.Year].Any(s => s.Date == date && s.Kind is SpecialDayKind.FestivalClosingDay or SpecialDayKind.OneOffHoliday);
}

/// <summary>One day of the working-day calendar: working or not and why, shortened or not, the holiday if any.</summary>
public readonly record struct CalendarDay(
    bool IsWorking, bool IsShortened, bool IsMovedDayOff, bool IsWeekendRuleDayOff, bool IsMovedWorkingSaturday, Holiday? Holiday);
