namespace ClientDesk.Calendar;

/// <summary>
/// The statutory public holidays of Latvia (law "Par svētku, atceres un atzīmējamām dienām", section 1), computed for
/// any year. Event-dated and one-off holidays (Song and Dance Festival closing day, holidays added by the Saeima) are
/// not computed: they are data given to <see cref="WorkingCalendar"/>.
/// </summary>
public static class LatvianHolidays
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>Western (Gregorian) Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Mother's Day: the second Sunday of May.</summary>
    public static DateOnly MothersDay(int year)
    {
        var first = new DateOnly(year, 5, 1);
        var toSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toSunday + 7);
    }

    /// <summary>The statutory public holidays of a year, in date order (without festival and one-off days).</summary>
    public static IReadOnlyList<Holiday> Statutory(int year)
    {
        CheckYear(year);
        var easter = EasterSunday(year);
        Holiday[] days =
        [
            new(new DateOnly(year, 1, 1), "Jaungada diena", "New Year's Day"),
            new(easter.AddDays(-2), "Lielā Piektdiena", "Good Friday"),
            new(easter, "Lieldienas", "Easter Sunday"),
            new(easter.AddDays(1), "Otrās Lieldienas", "Easter Monday"),
            new(new DateOnly(year, 5, 1), "Darba svētki; Latvijas Republikas Satversmes sapulces sasaukšanas diena", "Labour Day; Convocation of the Constituent Assembly"),
            new(new DateOnly(year, 5, 4), "Latvijas Republikas Neatkarības atjaunošanas diena", "Restoration of Independence Day") { MovesOffWeekend = true },
            new(MothersDay(year), "Mātes diena", "Mother's Day"),
            new(easter.AddDays(49), "Vasarsvētki", "Whit Sunday"),
            new(new DateOnly(year, 6, 23), "Līgo diena", "Midsummer Eve (Līgo Day)"),
            new(new DateOnly(year, 6, 24), "Jāņu diena", "Midsummer Day (Jāņi)"),
            new(new DateOnly(year, 11, 18), "Latvijas Republikas proklamēšanas diena", "Proclamation Day of the Republic of Latvia") { MovesOffWeekend = true },
            new(new DateOnly(year, 12, 24), "Ziemassvētku vakars", "Christmas Eve"),
            new(new DateOnly(year, 12, 25), "Pirmie Ziemassvētki", "Christmas Day"),
            new(new DateOnly(year, 12, 26), "Otrie Ziemassvētki", "Second Day of Christmas"),
            new(new DateOnly(year, 12, 31), "Vecgada diena", "New Year's Eve"),
        ];
        return [.. days.OrderBy(h => h.Date)];
    }

    internal static void CheckYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers {FirstYear}–{LastYear}.");
        }
    }
}
