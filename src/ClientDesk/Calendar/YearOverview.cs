namespace ClientDesk.Calendar;

/// <summary>A weekday made a day off and the Saturday worked instead, with the Cabinet order (either may be missing).</summary>
public sealed record MovedDay(DateOnly? DayOff, DateOnly? WorkingSaturday, string? LegalBasis);

/// <summary>What a year holds beyond ordinary weeks: public holidays, moved working days, weekend-rule days off, shortened days.</summary>
public sealed record YearOverview(
    int Year,
    IReadOnlyList<Holiday> Holidays,
    IReadOnlyList<MovedDay> MovedDays,
    IReadOnlyList<DateOnly> WeekendRuleDaysOff,
    IReadOnlyList<DateOnly> ShortenedDays)
{
    public static YearOverview Of(WorkingCalendar calendar, int year)
    {
        var special = calendar.SpecialDays.Where(d => d.Date.Year == year).ToList();
        var saturdays = special.Where(d => d.Kind == SpecialDayKind.MovedWorkingSaturday).ToList();
        var moved = new List<MovedDay>();
        foreach (var dayOff in special.Where(d => d.Kind == SpecialDayKind.MovedDayOff))
        {
            var saturday = saturdays.FirstOrDefault(s => s.MovedFrom == dayOff.Date);
            moved.Add(new MovedDay(dayOff.Date, saturday?.Date, dayOff.LegalBasis ?? saturday?.LegalBasis));
        }

        foreach (var saturday in saturdays.Where(s => !moved.Any(m => m.WorkingSaturday == s.Date)))
        {
            moved.Add(new MovedDay(saturday.MovedFrom, saturday.Date, saturday.LegalBasis));
        }

        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i)).ToList();
        return new YearOverview(
            year,
            calendar.Holidays(year),
            [.. moved.OrderBy(m => m.DayOff ?? m.WorkingSaturday)],
            [.. days.Where(calendar.IsWeekendRuleDayOff)],
            [.. days.Where(calendar.IsShortened)]);
    }
}
