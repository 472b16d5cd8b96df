using ClientDesk.Calendar;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules;

/// <summary>One day of a preview: what it is now and what it would be with the change, as people read it.</summary>
public sealed record PreviewDay(DateOnly Date, string DateText, string Before, string After)
{
    public bool Changed => Before != After;
}

/// <summary>A preview at one location (or of the working-day calendar, with no location).</summary>
public sealed record PreviewGroup(string Title, IReadOnlyList<PreviewDay> Days);

/// <summary>
/// Compares the calendar as stored with the calendar as it would be after an unsaved change, day by day, in the
/// same wording: a day whose line differs is a changed day. Nothing is saved while previewing.
/// </summary>
internal static class CalendarPreview
{
    /// <summary>How many changed days a preview lists; a closure over months would otherwise fill the page.</summary>
    public const int MaxListedDays = 62;

    /// <summary>Every day from <paramref name="from"/> on, changed or not (the rule preview shows whole fortnights).</summary>
    public static IReadOnlyList<PreviewDay> Days(IStringLocalizer<AdministrationTexts> a, LocationCalendar before, LocationCalendar after,
        int locationId, DateOnly from, int days) =>
        [.. Dates(from, from.AddDays(days - 1)).Select(d => Day(a, d, a.Describe(before.Day(locationId, d)), a.Describe(after.Day(locationId, d))))];

    /// <summary>Only the days that change at a location between two dates.</summary>
    public static IReadOnlyList<PreviewDay> Changes(IStringLocalizer<AdministrationTexts> a, LocationCalendar before, LocationCalendar after,
        int locationId, DateOnly from, DateOnly to) =>
        [.. Dates(from, to).Select(d => Day(a, d, a.Describe(before.Day(locationId, d)), a.Describe(after.Day(locationId, d)))).Where(d => d.Changed)];

    /// <summary>Only the days whose place in the working-day calendar changes (working day, shortened, day off).</summary>
    public static IReadOnlyList<PreviewDay> Changes(IStringLocalizer<AdministrationTexts> a, WorkingCalendar before, WorkingCalendar after,
        DateOnly from, DateOnly to) =>
        [.. Dates(from, to).Select(d => Day(a, d, a.Describe(before, d), a.Describe(after, d))).Where(d => d.Changed)];

    private static PreviewDay Day(IStringLocalizer<AdministrationTexts> a, DateOnly date, string before, string after) =>
        new(date, a.Date(date), before, after);

    /// <summary>The dates between two dates inclusive, kept within the years the calendar can compute.</summary>
    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        var first = new DateOnly(LatvianHolidays.FirstYear, 1, 1);
        var last = new DateOnly(LatvianHolidays.LastYear, 12, 31);
        for (var date = from < first ? first : from; date <= to && date <= last; date = date.AddDays(1))
        {
            yield return date;
        }
    }
}

/// <summary>What the preview partial shows: whole fortnights (rules) or only the changed days (closures, special days).</summary>
public sealed record PreviewView(IReadOnlyList<PreviewGroup> Groups, string? Note, bool ChangedOnly);
