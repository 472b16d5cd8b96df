using System.Globalization;
using ClientDesk.Calendar;

namespace ClientDesk.Tests.Calendar;

/// <summary>The standard's rules (S-2…S-5) on the shipped data, for real weeks, with holidays, shortening and DST.</summary>
public sealed class LocationCalendarTests
{
    private static readonly LocationCalendar Cal = ShippedSchedule.Calendar;
    private static readonly string[] FiveTuesdayLocations = ["aluksne", "balvi", "valka", "limbazi", "madona"];
    private static readonly string[] OtherLocations =
        [.. ShippedSchedule.LocationIds.Keys.Except(FiveTuesdayLocations)];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static TimeOnly T(string hhmm) => TimeOnly.Parse(hhmm, CultureInfo.InvariantCulture);

    private static LocationDay Day(string slug, string date) => Cal.Day(ShippedSchedule.Id(slug), D(date));

    /// <summary>"walk-in 08:30-12:00" lines, in start order, to compare a day's windows in one assertion.</summary>
    private static string[] Windows(LocationDay day) =>
        [.. day.Windows.Select(w => $"{w.Kind.Name()} {w.Start:HH\\:mm}-{w.End:HH\\:mm}")];

    private static string[] Expected(params string[] lines) => [.. lines.Order(StringComparer.Ordinal)];

    private static string[] Sorted(LocationDay day) => [.. Windows(day).Order(StringComparer.Ordinal)];

    // The week of Monday 16 March 2026 has no holiday and no shortened day.
    [Fact]
    public void S2_every_location_serves_by_appointment_on_each_day_it_is_open_in_a_real_week()
    {
        foreach (var slug in ShippedSchedule.LocationIds.Keys)
        {
            var days = Cal.Days(ShippedSchedule.Id(slug), D("2026-03-16"), D("2026-03-22"));

            Assert.Contains(days, d => d.Open);
            Assert.All(days.Where(d => d.Open), d => Assert.Contains(d.Periods, p => p.Kind == WindowKind.Appointment));
            Assert.All(days.Where(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday), d => Assert.Equal(ClosedBecause.Weekend, d.ClosedBecause));
        }
    }

    [Fact]
    public void S2_ordinary_locations_take_appointments_every_working_day_through_every_channel()
    {
        Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-17:00"), Sorted(Day("jelgava", "2026-03-16")));
        Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-17:00"), Sorted(Day("jelgava", "2026-03-18")));
        Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-16:00"), Sorted(Day("jelgava", "2026-03-20")));
        var tuesday = Day("riga", "2026-03-17").Periods.Single(p => p.Kind == WindowKind.Appointment);
        Assert.Equal(ScheduleTerms.EveryChannel, tuesday.Channels);
        Assert.Null(tuesday.BookingCutoff);
    }

    [Fact]
    public void S3_every_location_but_the_five_serves_walk_in_clients_on_tuesday_8_30_to_18_00_with_a_break()
    {
        foreach (var slug in OtherLocations)
        {
            var tuesday = Day(slug, "2026-03-17");
            var walkIn = tuesday.Periods.Single(p => p.Kind == WindowKind.WalkIn);

            Assert.Equal((T("08:30"), T("18:00")), (walkIn.Start, walkIn.End));
            Assert.Equal(new TimeRange(T("12:00"), T("12:30")), Assert.Single(walkIn.Breaks));
            string[] walkInWindows = [.. Windows(tuesday).Where(w => w.StartsWith("walk-in", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
            Assert.Equal(Expected("walk-in 08:30-12:00", "walk-in 12:30-18:00"), walkInWindows);
            Assert.Equal(BookingChannels.None, walkIn.Channels);
        }
    }

    [Theory]
    [InlineData("valmiera")]
    [InlineData("gulbene")]
    public void S4_valmiera_and_gulbene_serve_walk_in_clients_every_working_day_but_friday(string slug)
    {
        foreach (var date in new[] { "2026-03-16", "2026-03-18", "2026-03-19" })
        {
            Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-17:00", "walk-in 08:30-12:00", "walk-in 12:30-17:00"), Sorted(Day(slug, date)));
        }

        // Tuesday keeps S-3's longer day (ADR 007); Friday has no walk-in service.
        Assert.Contains("walk-in 12:30-18:00", Windows(Day(slug, "2026-03-17")));
        Assert.DoesNotContain(Day(slug, "2026-03-20").Windows, w => w.Kind == WindowKind.WalkIn);
        Assert.DoesNotContain(Day("jelgava", "2026-03-16").Windows, w => w.Kind == WindowKind.WalkIn);
    }

    [Fact]
    public void S5_the_five_locations_serve_on_tuesdays_by_appointment_booked_by_phone_before_monday_17_00()
    {
        foreach (var slug in FiveTuesdayLocations)
        {
            var tuesday = Day(slug, "2026-03-17");
            var period = Assert.Single(tuesday.Periods);

            Assert.Equal(WindowKind.Appointment, period.Kind);
            Assert.Equal((T("08:30"), T("18:00")), (period.Start, period.End));
            Assert.Equal(BookingChannels.Phone, period.Channels);
            Assert.Equal("25594590", period.BookingPhone);
            Assert.Equal(new DateTimeOffset(2026, 3, 16, 17, 0, 0, TimeSpan.FromHours(2)), period.BookingCutoff);
            foreach (var other in new[] { "2026-03-16", "2026-03-18", "2026-03-19", "2026-03-20" })
            {
                Assert.Equal(ClosedBecause.NoService, Day(slug, other).ClosedBecause);
            }
        }
    }

    [Theory]
    [InlineData("2026-03-24", "2026-03-23T15:00:00Z")] // Monday 17:00 EET (UTC+2), before the change on 29 March
    [InlineData("2026-03-31", "2026-03-30T14:00:00Z")] // Monday 17:00 EEST (UTC+3), after it
    [InlineData("2026-10-20", "2026-10-19T14:00:00Z")] // Monday 17:00 EEST, before clocks go back on 25 October
    [InlineData("2026-10-27", "2026-10-26T15:00:00Z")] // Monday 17:00 EET, after
    [InlineData("2026-04-07", "2026-04-02T14:00:00Z")] // Easter Monday and Good Friday are off: Thursday 17:00
    public void The_S5_cut_off_is_monday_17_00_in_riga_across_the_dst_change(string tuesday, string cutoffUtc)
    {
        var period = Assert.Single(Day("madona", tuesday).Periods);

        Assert.Equal(DateTimeOffset.Parse(cutoffUtc, CultureInfo.InvariantCulture), period.BookingCutoff);
    }

    [Fact]
    public void A_rule_valid_from_a_date_and_a_rule_ending_on_a_date_take_turns()
    {
        var fridays = ShippedSchedule.Rules.Single(r => r.Code == "s2-appointments-friday");
        var summer = fridays with
        {
            Id = 100, Code = "summer-fridays", End = T("14:00"), ValidFrom = D("2026-06-01"), ValidTo = D("2026-08-31"),
            Replaces = new HashSet<int> { fridays.Id }, LocationIds = new HashSet<int> { ShippedSchedule.Id("jelgava") },
        };
        var cal = ShippedSchedule.With([], [.. ShippedSchedule.Rules, summer]);
        var jelgava = ShippedSchedule.Id("jelgava");

        Assert.Equal(T("16:00"), cal.Day(jelgava, D("2026-05-29")).ClosesAt);
        Assert.Equal(T("14:00"), cal.Day(jelgava, D("2026-06-05")).ClosesAt);
        Assert.Equal(T("16:00"), cal.Day(jelgava, D("2026-09-04")).ClosesAt);
        Assert.Equal(T("16:00"), cal.Day(ShippedSchedule.Id("bauska"), D("2026-06-05")).ClosesAt);
    }

    [Fact]
    public void Holidays_and_days_off_close_every_location_and_say_why()
    {
        var easterMonday = Day("valmiera", "2026-04-06");
        Assert.False(easterMonday.Open);
        Assert.Equal(ClosedBecause.Holiday, easterMonday.ClosedBecause);
        Assert.Equal(("Otrās Lieldienas", "Easter Monday"), (easterMonday.Holiday!.NameLv, easterMonday.Holiday.NameEn));
        Assert.Equal(ClosedBecause.MovedDayOff, Day("valmiera", "2026-01-02").ClosedBecause);
        Assert.Equal(ClosedBecause.WeekendRuleDayOff, Day("valmiera", "2025-05-05").ClosedBecause);
        Assert.Equal(ClosedBecause.WeekendRuleDayOff, Day("jelgava", "2018-11-19").ClosedBecause);
        Assert.Equal(ClosedBecause.WeekendRuleDayOff, Day("jelgava", "2023-07-10").ClosedBecause);
        Assert.Equal(ClosedBecause.Holiday, Day("jelgava", "2023-05-29").ClosedBecause);
        Assert.Empty(Day("jelgava", "2023-05-29").Windows);
    }

    [Fact]
    public void A_moved_working_saturday_is_served_as_the_weekday_it_replaces()
    {
        // Saturday 17 January 2026 is worked for Friday 2 January: Friday's hours, no walk-in in Valmiera.
        var saturday = Day("valmiera", "2026-01-17");

        Assert.True(saturday.MovedWorkingSaturday);
        Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-16:00"), Sorted(saturday));
        Assert.False(saturday.Shortened);
        Assert.Equal(ClosedBecause.Weekend, Day("valmiera", "2026-01-24").ClosedBecause);
    }

    [Fact]
    public void L2_the_day_before_a_holiday_ends_one_hour_earlier()
    {
        // Monday 22 June 2026, before Līgo Day; Tuesday 17 November 2026, before Proclamation Day; Thursday 30 April 2026, before 1 May.
        var beforeLigo = Day("valmiera", "2026-06-22");
        Assert.True(beforeLigo.Shortened);
        Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-16:00", "walk-in 08:30-12:00", "walk-in 12:30-16:00"), Sorted(beforeLigo));

        var beforeProclamation = Day("jelgava", "2026-11-17");
        Assert.Equal(Expected("appointment 08:30-12:00", "appointment 12:30-17:00", "walk-in 08:30-12:00", "walk-in 12:30-17:00"), Sorted(beforeProclamation));
        Assert.Equal(T("17:00"), Day("madona", "2026-11-17").ClosesAt);
        Assert.Equal(T("16:00"), Day("bauska", "2026-04-30").ClosesAt);
        Assert.False(Day("bauska", "2026-04-29").Shortened);
    }

    [Theory]
    [InlineData("2025-05-10", "15:00")] // worked for Friday 2 May (8:30–16:00), the day before Mother's Day
    [InlineData("2024-12-14", "16:00")] // worked for Monday 23 December (8:30–17:00), the day before Christmas Eve
    [InlineData("2018-04-21", "16:00")] // worked for Monday 30 April, the day before 1 May
    public void L2_a_moved_working_saturday_before_a_holiday_is_shortened_too(string saturday, string closes)
    {
        var day = Day("jelgava", saturday);

        Assert.True(day.Shortened);
        Assert.Equal(T(closes), day.ClosesAt);
    }

    [Fact]
    public void A_closure_closes_one_location_with_its_reason_and_leaves_the_others_open()
    {
        var valmiera = ShippedSchedule.Id("valmiera");
        var cal = ShippedSchedule.With([new ClosureRecord(1, valmiera, D("2026-03-17"), D("2026-03-18"), "Darbinieks atvaļinājumā", "Staff on leave")]);

        var closed = cal.Day(valmiera, D("2026-03-17"));
        Assert.Equal(ClosedBecause.Closure, closed.ClosedBecause);
        Assert.Equal("Staff on leave", closed.Closure!.ReasonEn);
        Assert.Empty(closed.Windows);
        Assert.Equal(ClosedBecause.Closure, cal.Day(valmiera, D("2026-03-18")).ClosedBecause);
        Assert.True(cal.Day(valmiera, D("2026-03-19")).Open);
        Assert.True(cal.Day(ShippedSchedule.Id("gulbene"), D("2026-03-17")).Open);
    }

    [Theory]
    [InlineData("valmiera", "2026-03-17T09:00:00+02:00", true, "12:00", null, null)]
    [InlineData("valmiera", "2026-03-17T12:10:00+02:00", false, null, "2026-03-17", "12:30")]
    [InlineData("valmiera", "2026-03-20T17:00:00+02:00", false, null, "2026-03-23", "08:30")]
    [InlineData("aluksne", "2026-03-18T10:00:00+02:00", false, null, "2026-03-24", "08:30")]
    [InlineData("jelgava", "2026-04-02T15:30:00+03:00", true, "16:00", null, null)] // before Good Friday: shortened
    [InlineData("jelgava", "2026-04-02T16:30:00+03:00", false, null, "2026-04-07", "08:30")]
    [InlineData("jelgava", "2026-04-03T10:00:00+03:00", false, null, "2026-04-07", "08:30")]
    public void Open_now_or_the_next_opening(string slug, string instant, bool open, string? until, string? nextDate, string? nextTime)
    {
        var status = Cal.StatusAt(ShippedSchedule.Id(slug), DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal(open, status.IsOpen);
        Assert.Equal(until is null ? null : T(until), status.Until);
        Assert.Equal(nextDate is null ? null : D(nextDate), status.NextDate);
        Assert.Equal(nextTime is null ? null : T(nextTime), status.NextTime);
    }

    [Fact]
    public void Open_now_names_the_kinds_of_service_open()
    {
        var tuesday = Cal.StatusAt(ShippedSchedule.Id("valmiera"), new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(2)));
        var friday = Cal.StatusAt(ShippedSchedule.Id("valmiera"), new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal([WindowKind.WalkIn, WindowKind.Appointment], tuesday.KindsNow);
        Assert.Equal([WindowKind.Appointment], friday.KindsNow);
    }
}
