using ClientDesk.Calendar;

namespace ClientDesk.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = KnownSpecialDays.Calendar;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // Western Easter Sunday 2000–2035, checked row by row against python-dateutil's published reference list
    // (dateutil/test/test_easter.py, western_easter_dates, which covers 1990–2050).
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2001, 4, 15)]
    [InlineData(2002, 3, 31)]
    [InlineData(2003, 4, 20)]
    [InlineData(2004, 4, 11)]
    [InlineData(2005, 3, 27)]
    [InlineData(2006, 4, 16)]
    [InlineData(2007, 4, 8)]
    [InlineData(2008, 3, 23)]
    [InlineData(2009, 4, 12)]
    [InlineData(2010, 4, 4)]
    [InlineData(2011, 4, 24)]
    [InlineData(2012, 4, 8)]
    [InlineData(2013, 3, 31)]
    [InlineData(2014, 4, 20)]
    [InlineData(2015, 4, 5)]
    [InlineData(2016, 3, 27)]
    [InlineData(2017, 4, 16)]
    [InlineData(2018, 4, 1)]
    [InlineData(2019, 4, 21)]
    [InlineData(2020, 4, 12)]
    [InlineData(2021, 4, 4)]
    [InlineData(2022, 4, 17)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(2031, 4, 13)]
    [InlineData(2032, 3, 28)]
    [InlineData(2033, 4, 17)]
    [InlineData(2034, 4, 9)]
    [InlineData(2035, 3, 25)]
    public void Easter_Sunday_matches_the_published_table(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), LatvianHolidays.EasterSunday(year));
    }

    [Theory]
    [InlineData("2026-01-01", "Jaungada diena", "New Year's Day")]
    [InlineData("2026-04-03", "Lielā Piektdiena", "Good Friday")]
    [InlineData("2026-04-05", "Lieldienas", "Easter Sunday")]
    [InlineData("2026-04-06", "Otrās Lieldienas", "Easter Monday")]
    [InlineData("2026-05-01", "Darba svētki; Latvijas Republikas Satversmes sapulces sasaukšanas diena", "Labour Day; Convocation of the Constituent Assembly")]
    [InlineData("2026-05-04", "Latvijas Republikas Neatkarības atjaunošanas diena", "Restoration of Independence Day")]
    [InlineData("2026-05-10", "Mātes diena", "Mother's Day")]
    [InlineData("2026-05-24", "Vasarsvētki", "Whit Sunday")]
    [InlineData("2026-06-23", "Līgo diena", "Midsummer Eve (Līgo Day)")]
    [InlineData("2026-06-24", "Jāņu diena", "Midsummer Day (Jāņi)")]
    [InlineData("2026-11-18", "Latvijas Republikas proklamēšanas diena", "Proclamation Day of the Republic of Latvia")]
    [InlineData("2026-12-24", "Ziemassvētku vakars", "Christmas Eve")]
    [InlineData("2026-12-25", "Pirmie Ziemassvētki", "Christmas Day")]
    [InlineData("2026-12-26", "Otrie Ziemassvētki", "Second Day of Christmas")]
    [InlineData("2026-12-31", "Vecgada diena", "New Year's Eve")]
    public void Each_statutory_holiday_has_its_date_and_names(string date, string lv, string en)
    {
        var holiday = Cal.HolidayOn(D(date));

        Assert.NotNull(holiday);
        Assert.Equal(lv, holiday.NameLv);
        Assert.Equal(en, holiday.NameEn);
        Assert.False(Cal.IsWorkingDay(D(date)));
    }

    [Fact]
    public void A_year_has_exactly_the_fifteen_statutory_holidays_without_special_days()
    {
        Assert.Equal(15, WorkingCalendar.StatutoryOnly.Holidays(2026).Count);
        Assert.Null(Cal.HolidayOn(D("2026-03-02")));
        Assert.True(Cal.IsWorkingDay(D("2026-03-02")));
    }

    [Theory]
    [InlineData(2025, "2025-05-11")]
    [InlineData(2026, "2026-05-10")]
    [InlineData(2027, "2027-05-09")]
    [InlineData(2029, "2029-05-13")]
    [InlineData(2030, "2030-05-12")]
    public void Mothers_Day_is_the_second_Sunday_of_May(int year, string expected)
    {
        Assert.Equal(D(expected), LatvianHolidays.MothersDay(year));
    }

    [Theory]
    [InlineData("2025-05-04", "2025-05-05")]
    [InlineData("2018-11-18", "2018-11-19")]
    [InlineData("2023-07-09", "2023-07-10")]
    [InlineData("2024-05-04", "2024-05-06")]
    [InlineData("2019-05-04", "2019-05-06")]
    public void Four_May_eighteen_November_and_the_festival_closing_day_on_a_weekend_give_the_next_working_day_off(string holiday, string dayOff)
    {
        Assert.True(Cal.IsPublicHoliday(D(holiday)));
        Assert.True(Cal.IsWeekendRuleDayOff(D(dayOff)));
        Assert.False(Cal.IsWorkingDay(D(dayOff)));
        Assert.Null(Cal.HolidayOn(D(dayOff)));
        Assert.True(Cal.IsWorkingDay(D(dayOff).AddDays(1)));
    }

    [Theory]
    [InlineData("2027-05-01", "2027-05-03")] // 1 May on a Saturday
    [InlineData("2022-01-01", "2022-01-03")] // 1 Jan on a Saturday
    [InlineData("2022-12-25", "2022-12-27")] // Christmas on a Sunday (26 Dec is a holiday anyway)
    [InlineData("2028-06-24", "2028-06-26")] // Jāņi on a Saturday
    public void Other_holidays_on_a_weekend_do_not_move(string holiday, string monday)
    {
        Assert.True(Cal.IsPublicHoliday(D(holiday)));
        Assert.True(Cal.IsWorkingDay(D(monday)));
        Assert.False(Cal.IsWeekendRuleDayOff(D(monday)));
    }

    [Fact]
    public void The_festival_closing_day_and_its_weekend_rule_come_only_from_data()
    {
        Assert.False(WorkingCalendar.StatutoryOnly.IsPublicHoliday(D("2023-07-09")));
        Assert.True(WorkingCalendar.StatutoryOnly.IsWorkingDay(D("2023-07-10")));
        Assert.Equal("Dziesmu un deju svētku noslēguma diena", Cal.HolidayOn(D("2023-07-09"))?.NameLv);
    }

    [Theory]
    [InlineData("2018-09-24")]
    [InlineData("2023-05-29")]
    public void One_off_holidays_are_days_off(string date)
    {
        Assert.True(Cal.IsPublicHoliday(D(date)));
        Assert.False(Cal.IsWorkingDay(D(date)));
        Assert.True(WorkingCalendar.StatutoryOnly.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2012-04-30", "2012-04-28")]
    [InlineData("2017-05-05", "2017-05-13")]
    [InlineData("2018-04-30", "2018-04-21")]
    [InlineData("2021-05-03", "2021-05-08")]
    [InlineData("2021-06-25", "2021-06-19")]
    [InlineData("2021-11-19", "2021-11-13")]
    [InlineData("2023-05-05", "2023-05-20")]
    [InlineData("2024-12-23", "2024-12-14")]
    [InlineData("2024-12-30", "2024-12-28")]
    [InlineData("2025-05-02", "2025-05-10")]
    [InlineData("2026-01-02", "2026-01-17")]
    public void Each_shipped_moved_working_day_swaps_a_weekday_off_for_a_working_Saturday(string dayOff, string saturday)
    {
        Assert.Equal(DayOfWeek.Saturday, D(saturday).DayOfWeek);
        Assert.False(Cal.IsWorkingDay(D(dayOff)));
        Assert.True(Cal.IsMovedDayOff(D(dayOff)));
        Assert.True(Cal.IsWorkingDay(D(saturday)));
        Assert.True(Cal.IsMovedWorkingSaturday(D(saturday)));
        Assert.True(WorkingCalendar.StatutoryOnly.IsWorkingDay(D(dayOff)));
        Assert.False(WorkingCalendar.StatutoryOnly.IsWorkingDay(D(saturday)));
    }

    [Theory]
    [InlineData("2025-05-10")] // moved working Saturday before Mother's Day (Sun 11 May 2025), Ludza municipality
    [InlineData("2018-04-21")] // moved working Saturday worked for Mon 30 Apr 2018, the day before 1 May (VDI)
    [InlineData("2024-12-14")] // worked for Mon 23 Dec 2024, the day before Christmas Eve
    [InlineData("2024-12-28")] // worked for Mon 30 Dec 2024, the day before New Year's Eve
    [InlineData("2026-04-02")] // Thursday before Good Friday
    [InlineData("2026-06-22")] // Monday before Līgo Day
    [InlineData("2026-12-23")] // Wednesday before Christmas Eve
    [InlineData("2026-04-30")] // Thursday before 1 May 2026 (a Friday)
    [InlineData("2021-04-30")] // Friday before 1 May 2021 (a Saturday)
    public void Pre_holiday_working_days_are_shortened(string date)
    {
        Assert.True(Cal.IsWorkingDay(D(date)));
        Assert.True(Cal.IsShortened(D(date)));
    }

    [Theory]
    [InlineData("2026-05-09")] // ordinary Saturday before Mother's Day: a rest day
    [InlineData("2023-05-26")] // Friday before the weekend before the one-off holiday Mon 29 May 2023
    [InlineData("2021-06-19")] // moved Saturday worked for Fri 25 Jun, which is after Jāņi, not before a holiday
    [InlineData("2026-01-17")] // moved Saturday worked for Fri 2 Jan
    [InlineData("2018-11-16")] // Friday before the weekend of 18 Nov 2018 (Sunday): the day before is Saturday
    [InlineData("2026-01-16")] // Friday before a moved working Saturday
    [InlineData("2019-05-07")] // Tuesday after the weekend-rule day off Mon 6 May 2019
    public void Days_that_are_not_the_working_day_before_a_holiday_are_not_shortened(string date)
    {
        Assert.False(Cal.IsShortened(D(date)));
    }

    [Theory]
    [InlineData("2026-02-27", 10, "2026-03-13")]
    [InlineData("2026-04-02", 1, "2026-04-07")] // across Good Friday, the weekend and Easter Monday
    [InlineData("2025-05-09", 1, "2025-05-10")] // the moved working Saturday counts
    [InlineData("2025-04-30", 1, "2025-05-06")] // 1 May holiday, 2 May moved off, weekend, 5 May weekend-rule day off
    [InlineData("2026-01-01", 1, "2026-01-05")] // 2 Jan 2026 moved off
    [InlineData("2026-01-16", 1, "2026-01-17")]
    [InlineData("2026-03-13", -10, "2026-02-27")]
    [InlineData("2026-03-13", 0, "2026-03-13")]
    public void Adding_working_days_skips_holidays_and_days_off_and_counts_moved_Saturdays(string from, int n, string expected)
    {
        Assert.Equal(D(expected), Cal.AddWorkingDays(D(from), n));
        Assert.Equal(n, Cal.CountWorkingDays(D(from), D(expected)));
    }

    [Fact]
    public void Dates_outside_2000_to_2100_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.IsWorkingDay(new DateOnly(1999, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.IsWorkingDay(new DateOnly(2101, 1, 1)));
        Assert.False(Cal.IsWorkingDay(new DateOnly(2100, 12, 31)));
    }

    [Fact]
    public void Invariants_hold_for_every_day_from_2000_to_2100()
    {
        var statutory = WorkingCalendar.StatutoryOnly;
        foreach (var cal in new[] { Cal, statutory })
        {
            for (var day = new DateOnly(2000, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
            {
                var working = cal.IsWorkingDay(day);
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

                // A shortened day is a working day before a holiday, or a moved Saturday replacing such a day.
                if (cal.IsShortened(day))
                {
                    Assert.True(working, $"{day} shortened but not working");
                    Assert.True(cal.IsPublicHoliday(day.AddDays(1)) || cal.IsMovedWorkingSaturday(day), $"{day} shortened without reason");
                }

                // A working day before a holiday is always shortened.
                if (working && day < new DateOnly(2100, 12, 31) && cal.IsPublicHoliday(day.AddDays(1)))
                {
                    Assert.True(cal.IsShortened(day), $"{day} before a holiday not shortened");
                }

                // Holidays are never working days; weekends only when a moved working Saturday.
                Assert.False(working && cal.IsPublicHoliday(day), $"{day} holiday and working");
                if (working && weekend)
                {
                    Assert.True(cal.IsMovedWorkingSaturday(day), $"{day} weekend and working");
                }

                // A weekday that is not working has a reason.
                if (!working && !weekend)
                {
                    Assert.True(cal.IsPublicHoliday(day) || cal.IsMovedDayOff(day) || cal.IsWeekendRuleDayOff(day), $"{day} off without reason");
                }

                // A weekend-rule day off follows a weekend 4 May / 18 Nov / festival day within a few days.
                if (cal.IsWeekendRuleDayOff(day))
                {
                    Assert.Contains(Enumerable.Range(1, 7).Select(i => cal.HolidayOn(day.AddDays(-i))), h => h is { MovesOffWeekend: true } && h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
                }
            }

            for (var year = 2000; year <= 2100; year++)
            {
                var easter = LatvianHolidays.EasterSunday(year);
                Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
                Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));

                // Every 4 May and 18 Nov on a weekend gives exactly one weekday off in the following days.
                foreach (var fixedDay in new[] { new DateOnly(year, 5, 4), new DateOnly(year, 11, 18) })
                {
                    if (fixedDay.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        Assert.Single(Enumerable.Range(1, 7).Select(fixedDay.AddDays), cal.IsWeekendRuleDayOff);
                    }
                }
            }
        }
    }

    [Fact]
    public void AddWorkingDays_and_CountWorkingDays_agree_over_a_century()
    {
        var start = new DateOnly(2000, 1, 3);
        var end = Cal.AddWorkingDays(start, 25_000);
        Assert.Equal(25_000, Cal.CountWorkingDays(start, end));
        Assert.Equal(start, Cal.AddWorkingDays(end, -25_000));
    }
}
