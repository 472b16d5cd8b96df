using ClientDesk.Calendar;
using ClientDesk.ReferenceData;

namespace ClientDesk.Tests.Calendar;

/// <summary>
/// The shipped reference data's schedule rules as the pure calendar reads them, with location ids given by position
/// (1 = the first location of the file), and the sourced special days.
/// </summary>
internal static class ShippedSchedule
{
    public static ReferenceDataFile File { get; } = ReferenceDataFile.Read(ReferenceDataFile.DefaultPath);

    public static IReadOnlyDictionary<string, int> LocationIds { get; } =
        File.Locations.Select((l, i) => (l.Slug, Id: i + 1)).ToDictionary(x => x.Slug, x => x.Id);

    public static IReadOnlyList<ScheduleRuleRecord> Rules { get; } = ToRecords();

    public static LocationCalendar Calendar { get; } = With([]);

    public static int Id(string slug) => LocationIds[slug];

    public static LocationCalendar With(IEnumerable<ClosureRecord> closures, IEnumerable<ScheduleRuleRecord>? rules = null) =>
        new(KnownSpecialDays.Calendar, rules ?? Rules, closures);

    private static List<ScheduleRuleRecord> ToRecords()
    {
        var data = File.ScheduleRules ?? [];
        var ruleIds = data.Select((r, i) => (r.Code, Id: i + 1)).ToDictionary(x => x.Code, x => x.Id);
        return [.. data.Select(r => new ScheduleRuleRecord(
            ruleIds[r.Code], r.Code, r.NameLv, r.NameEn, r.Kind, ScheduleTerms.ParseWeekdays(r.Weekdays), r.Start, r.End,
            [.. (r.Breaks ?? []).Select(b => new TimeRange(b.Start, b.End))],
            r.ValidFrom, r.ValidTo, r.Cutoff?.Kind ?? CutoffKind.None, r.Cutoff?.Weekday, r.Cutoff?.DaysBefore, r.Cutoff?.Time,
            ScheduleTerms.ParseChannels(r.Channels ?? []), r.BookingPhone,
            (r.Locations ?? []).Select(Id).ToHashSet(),
            (r.Replaces ?? []).Select(code => ruleIds[code]).ToHashSet()))];
    }
}
