using System.Globalization;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Tests.Calendar;

namespace ClientDesk.Tests.Booking;

/// <summary>Bookable times on the shipped schedule (ADR 008), for real weeks of 2026.</summary>
public sealed class AvailabilityTests
{
    private static readonly Dictionary<(DateOnly, TimeOnly), int> NoneTaken = [];
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 16, 9, 0, 0, TimeSpan.FromHours(2));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static TimeOnly T(string hhmm) => TimeOnly.Parse(hhmm, CultureInfo.InvariantCulture);

    private static AvailableDay Day(
        string slug, string date, int minutes = 30, int machines = 1, BookingChannels channel = BookingChannels.Web,
        BookingSettings? settings = null, Dictionary<(DateOnly, TimeOnly), int>? taken = null, DateTimeOffset? now = null) =>
        Assert.Single(Availability.Compute(
            ShippedSchedule.Calendar,
            new AvailabilityRequest(ShippedSchedule.Id(slug), minutes, machines, D(date), D(date), channel, settings ?? BookingSettings.Default),
            taken ?? NoneTaken,
            now ?? MondayMorning));

    private static string[] Starts(AvailableDay day) => [.. day.Times.Select(t => t.Start.ToString("HH:mm", CultureInfo.InvariantCulture))];

    [Fact]
    public void Times_lie_on_the_grid_from_each_window_start_and_never_cross_the_break()
    {
        var tuesday = Day("valmiera", "2026-03-17");

        Assert.Equal(34, tuesday.Times.Count);
        Assert.Equal("08:30", Starts(tuesday)[0]);
        Assert.Contains("11:30", Starts(tuesday));
        Assert.DoesNotContain("11:45", Starts(tuesday));
        Assert.DoesNotContain("12:00", Starts(tuesday));
        Assert.Equal("12:30", Starts(tuesday)[13]);
        Assert.Equal("17:30", Starts(tuesday)[^1]);
        Assert.Equal(T("18:00"), tuesday.Times[^1].End);
    }

    [Fact]
    public void Three_machines_book_one_visit_three_times_as_long()
    {
        var tuesday = Day("valmiera", "2026-03-17", minutes: 30, machines: 3);

        Assert.Equal("10:30", Starts(tuesday)[8]);
        Assert.DoesNotContain("10:45", Starts(tuesday));
        Assert.Equal("16:30", Starts(tuesday)[^1]);
        Assert.Equal(T("10:00"), tuesday.Times[0].End);
    }

    [Fact]
    public void A_taken_seat_removes_every_start_whose_visit_would_cover_it()
    {
        var taken = new Dictionary<(DateOnly, TimeOnly), int> { [(D("2026-03-17"), T("09:00"))] = 1 };

        var tuesday = Day("valmiera", "2026-03-17", taken: taken);

        Assert.Contains("08:30", Starts(tuesday));
        Assert.DoesNotContain("08:45", Starts(tuesday));
        Assert.DoesNotContain("09:00", Starts(tuesday));
        Assert.Contains("09:15", Starts(tuesday));
    }

    [Fact]
    public void The_web_leaves_the_seats_kept_for_staff_channels_free()
    {
        var settings = BookingSettings.Default with { Seats = 2, SeatsKeptForStaff = 1 };
        var taken = new Dictionary<(DateOnly, TimeOnly), int> { [(D("2026-03-17"), T("10:00"))] = 1 };

        var web = Day("valmiera", "2026-03-17", minutes: 15, settings: settings, taken: taken);
        var phone = Day("valmiera", "2026-03-17", minutes: 15, channel: BookingChannels.Phone, settings: settings, taken: taken);

        Assert.DoesNotContain("10:00", Starts(web));
        Assert.Equal(1, web.Times[0].FreeSeats);
        Assert.Equal(1, phone.Times.Single(t => t.Start == T("10:00")).FreeSeats);
        Assert.Equal(2, phone.Times[0].FreeSeats);
    }

    [Fact]
    public void An_S5_tuesday_offers_no_times_on_the_web_but_the_phone_and_its_deadline()
    {
        var web = Day("madona", "2026-03-17");
        var phoneBeforeCutoff = Day("madona", "2026-03-17", channel: BookingChannels.Phone);
        var phoneAfterCutoff = Day("madona", "2026-03-17", channel: BookingChannels.Phone, now: new DateTimeOffset(2026, 3, 16, 17, 0, 0, TimeSpan.FromHours(2)));

        Assert.Empty(web.Times);
        Assert.Equal(new OtherChannelsOnly(BookingChannels.Phone, "25594590", new DateTimeOffset(2026, 3, 16, 17, 0, 0, TimeSpan.FromHours(2))), web.OtherChannelsOnly);
        Assert.Equal(34, phoneBeforeCutoff.Times.Count);
        Assert.Empty(phoneAfterCutoff.Times);
    }

    [Fact]
    public void The_minimum_notice_and_the_horizon_are_kept()
    {
        var now = new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(2));
        var today = Day("valmiera", "2026-03-17", now: now);
        var days = Availability.Compute(
            ShippedSchedule.Calendar,
            new AvailabilityRequest(ShippedSchedule.Id("valmiera"), 30, 1, D("2026-03-01"), D("2026-12-31"), BookingChannels.Web, BookingSettings.Default),
            NoneTaken,
            now);

        Assert.Equal("11:00", Starts(today)[0]);
        Assert.Equal(D("2026-03-17"), days[0].Date);
        Assert.Equal(D("2026-05-16"), days[^1].Date);
    }

    [Fact]
    public void A_shortened_day_ends_its_times_an_hour_earlier_and_a_holiday_has_none()
    {
        var beforeGoodFriday = Day("jelgava", "2026-04-02");
        var goodFriday = Day("jelgava", "2026-04-03");

        Assert.Equal("15:30", Starts(beforeGoodFriday)[^1]);
        Assert.Empty(goodFriday.Times);
        Assert.Null(goodFriday.OtherChannelsOnly);
    }

    [Theory]
    [InlineData("2026-03-24", "2026-03-24T07:00:00Z")] // winter time, UTC+2
    [InlineData("2026-03-31", "2026-03-31T06:00:00Z")] // summer time, UTC+3
    [InlineData("2026-10-27", "2026-10-27T07:00:00Z")] // winter time again
    public void A_times_instant_is_its_riga_local_time_on_either_side_of_the_dst_change(string tuesday, string nineOClock)
    {
        var day = Day("valmiera", tuesday, now: new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), settings: BookingSettings.Default with { HorizonDays = 366 });

        Assert.Equal(DateTimeOffset.Parse(nineOClock, CultureInfo.InvariantCulture), day.Times.Single(t => t.Start == T("09:00")).StartsAt);
    }
}
