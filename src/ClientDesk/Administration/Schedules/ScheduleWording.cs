using System.Globalization;
using ClientDesk.Calendar;
using ClientDesk.Platform;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules;

/// <summary>
/// How the calendar pages write days, times and opening hours for people, in the user's language: one wording for
/// the lists, the previews and the messages, so that "before" and "after" can be compared as text.
/// </summary>
internal static class ScheduleWording
{
    /// <summary>"Tuesday 17 March 2026" / "otrdiena, 2026. gada 17. marts".</summary>
    public static string Date(this IStringLocalizer<AdministrationTexts> a, DateOnly date) =>
        Weekday(date.ToString(a["Schedule.DateFormat"], CultureInfo.CurrentCulture));

    /// <summary>Latvian writes weekdays in lowercase (the culture data capitalises them); English capitalises them.</summary>
    private static string Weekday(string text) =>
        Localization.IsEnglish || text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>8:30, as the standard writes hours.</summary>
    public static string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);

    public static string Range(TimeOnly start, TimeOnly end) => $"{Time(start)}–{Time(end)}";

    public static string KindText(this IStringLocalizer<AdministrationTexts> a, WindowKind kind) => a["WindowKind." + kind];

    public static string WeekdayText(this IStringLocalizer<AdministrationTexts> a, DayOfWeek day) => a["Weekday." + day];

    public static string WeekdaysText(this IStringLocalizer<AdministrationTexts> a, Weekdays days) =>
        string.Join(", ", days.Each().Select(d => a.WeekdayText(d.ToDayOfWeek())));

    public static string ChannelText(this IStringLocalizer<AdministrationTexts> a, BookingChannels channel) => a["BookingChannel." + channel];

    public static string SpecialDayKindText(this IStringLocalizer<AdministrationTexts> a, SpecialDayKind kind) => a["SpecialDayKind." + kind];

    /// <summary>
    /// A location's day as one line: "walk-in and by appointment 8:30–18:00 (break 12:00–12:30)", or why it is closed.
    /// Periods with the same hours and breaks are written once with their kinds joined.
    /// </summary>
    public static string Describe(this IStringLocalizer<AdministrationTexts> a, LocationDay day)
    {
        if (!day.Open)
        {
            return day.ClosedBecause switch
            {
                ClosedBecause.Holiday when day.Holiday is { } holiday => a["Day.Holiday", Localization.Pick(holiday.NameLv, holiday.NameEn)],
                ClosedBecause.Closure when day.Closure is { } closure => a["Day.Closure", Localization.Pick(closure.ReasonLv, closure.ReasonEn)],
                ClosedBecause.MovedDayOff => a["Day.MovedDayOff"],
                ClosedBecause.WeekendRuleDayOff => a["Day.WeekendRuleDayOff"],
                ClosedBecause.Weekend => a["Day.Weekend"],
                _ => a["Day.NoService"],
            };
        }

        var groups = day.Periods
            .GroupBy(p => (p.Start, p.End, Breaks: string.Join(", ", p.Breaks.Select(b => Range(b.Start, b.End)))))
            .OrderBy(g => g.Key.Start)
            .Select(g =>
            {
                var kinds = string.Join(a["Day.And"], g.Select(p => p.Kind).Distinct().Order().Select(k => a["Day.Kind." + k].Value));
                var text = a["Day.Period", kinds, Range(g.Key.Start, g.Key.End)].Value;
                return g.Key.Breaks.Length == 0 ? text : text + " " + a["Day.Breaks", g.Key.Breaks];
            });
        var hours = string.Join("; ", groups);
        return day.Shortened ? a["Day.Shortened", hours] : hours;
    }

    /// <summary>What the working-day calendar says of a date: working day (shortened or not), holiday, day off, rest day.</summary>
    public static string Describe(this IStringLocalizer<AdministrationTexts> a, WorkingCalendar calendar, DateOnly date)
    {
        if (calendar.HolidayOn(date) is { } holiday)
        {
            return a["WorkDay.Holiday", Localization.Pick(holiday.NameLv, holiday.NameEn)];
        }

        if (calendar.IsMovedDayOff(date))
        {
            return a["WorkDay.MovedDayOff"];
        }

        if (calendar.IsWeekendRuleDayOff(date))
        {
            return a["WorkDay.WeekendRuleDayOff"];
        }

        if (!calendar.IsWorkingDay(date))
        {
            return a["WorkDay.RestDay"];
        }

        var working = calendar.IsMovedWorkingSaturday(date) ? a["WorkDay.WorkingSaturday"] : a["WorkDay.Working"];
        return calendar.IsShortened(date) ? a["WorkDay.Shortened", working] : working;
    }

    /// <summary>Dates the calendar can compute (2000–2100); outside them it throws, so forms refuse them first.</summary>
    public static bool IsInCalendarRange(DateOnly date) =>
        date.Year is >= LatvianHolidays.FirstYear and <= LatvianHolidays.LastYear;

    public static string DateValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
