using ClientDesk.Calendar;

namespace ClientDesk.Tests.Calendar;

/// <summary>The sourced special days (vtua-domain.md §4.3), as test data independent of the shipped JSON.</summary>
internal static class KnownSpecialDays
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IEnumerable<SpecialDayRecord> Moved(DateOnly dayOff, DateOnly saturday, string? basis = null) =>
    [
        new(dayOff, SpecialDayKind.MovedDayOff, "Pārcelta darba diena", "Moved working day", basis),
        new(saturday, SpecialDayKind.MovedWorkingSaturday, "Pārceltā darba diena", "Moved working day", basis, dayOff),
    ];

    public static IReadOnlyList<SpecialDayRecord> All { get; } =
    [
        .. Moved(D(2012, 4, 30), D(2012, 4, 28), "MK rīkojums Nr. 146"),
        .. Moved(D(2017, 5, 5), D(2017, 5, 13)),
        .. Moved(D(2018, 4, 30), D(2018, 4, 21)),
        .. Moved(D(2021, 5, 3), D(2021, 5, 8)),
        .. Moved(D(2021, 6, 25), D(2021, 6, 19)),
        .. Moved(D(2021, 11, 19), D(2021, 11, 13)),
        .. Moved(D(2023, 5, 5), D(2023, 5, 20)),
        .. Moved(D(2024, 12, 23), D(2024, 12, 14)),
        .. Moved(D(2024, 12, 30), D(2024, 12, 28)),
        .. Moved(D(2025, 5, 2), D(2025, 5, 10), "MK rīkojums Nr. 348"),
        .. Moved(D(2026, 1, 2), D(2026, 1, 17)),
        new(D(2018, 9, 24), SpecialDayKind.OneOffHoliday, "Pāvesta Franciska vizītes diena", "Day of Pope Francis's visit"),
        new(D(2023, 5, 29), SpecialDayKind.OneOffHoliday, "Hokeja bronzas diena", "Ice hockey bronze medal day"),
        new(D(2023, 7, 9), SpecialDayKind.FestivalClosingDay, "Dziesmu un deju svētku noslēguma diena", "Song and Dance Festival closing day"),
    ];

    public static WorkingCalendar Calendar { get; } = new(All);
}
