using ClientDesk.Calendar;

namespace ClientDesk.Tests.Calendar;

/// <summary>
/// Invariants that hold for every day, on the shipped rules over the whole century and on random rule sets:
/// no window on a closed day, breaks never inside a window, and a shortened day is the ordinary day of the same
/// weekday cut one hour before its end.
/// </summary>
public sealed class LocationCalendarPropertyTests
{
    [Fact]
    public void The_shipped_rules_keep_every_invariant_from_2000_to_2100()
    {
        var calendar = ShippedSchedule.Calendar;
        var shortenedSeen = 0;
        foreach (var location in ShippedSchedule.LocationIds.Values)
        {
            foreach (var day in calendar.Days(location, new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)))
            {
                AssertInvariants(calendar, location, day);
                shortenedSeen += day.Shortened ? 1 : 0;
            }
        }

        Assert.True(shortenedSeen > 1000, $"Only {shortenedSeen} shortened location-days were checked.");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_rules_and_closures_keep_every_invariant(int seed)
    {
        var random = new Random(seed);
        var locations = new[] { 1, 2, 3, 4 };
        var rules = Enumerable.Range(1, random.Next(1, 7)).Select(id => RandomRule(random, id, locations)).ToList();
        var closures = Enumerable.Range(1, random.Next(0, 4)).Select(id =>
        {
            var start = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 700));
            return new ClosureRecord(id, locations[random.Next(locations.Length)], start, start.AddDays(random.Next(0, 10)), "Slēgts", "Closed");
        }).ToList();
        var calendar = new LocationCalendar(KnownSpecialDays.Calendar, rules, closures);

        foreach (var location in locations)
        {
            foreach (var day in calendar.Days(location, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)))
            {
                AssertInvariants(calendar, location, day);
            }
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    private static void AssertInvariants(LocationCalendar calendar, int location, LocationDay day)
    {
        Assert.Equal(day.Open, day.ClosedBecause is null);
        if (!day.Open)
        {
            Assert.Empty(day.Windows);
            Assert.False(day.Shortened);
        }

        if (day.Holiday is not null || day.Closure is not null)
        {
            Assert.False(day.Open, $"{day.Date} is a holiday or closed but open.");
        }

        foreach (var period in day.Periods)
        {
            var windows = period.Windows().ToList();
            Assert.All(windows, w => Assert.True(w.Start < w.End && w.Start >= period.Start && w.End <= period.End, $"{day.Date}: window {w.Start}–{w.End} outside {period.Start}–{period.End}."));
            Assert.All(windows, w => Assert.DoesNotContain(period.Breaks, b => b.Overlaps(new TimeRange(w.Start, w.End))));
            Assert.All(period.Breaks, b => Assert.True(b.Start < b.End && b.Start >= period.Start && b.End <= period.End, $"{day.Date}: break {b.Start}–{b.End} outside {period.Start}–{period.End}."));
        }

        if (day.Shortened)
        {
            AssertShortenedByOneHour(calendar, location, day);
        }
    }

    /// <summary>The shortened day's windows are the ordinary same weekday's windows cut one hour before that day's end.</summary>
    private static void AssertShortenedByOneHour(LocationCalendar calendar, int location, LocationDay day)
    {
        var ordinary = OrdinaryDay(calendar, location, day);
        Assert.NotNull(ordinary);
        var newEnd = ordinary.ClosesAt!.Value.AddHours(-1);
        var expected = ordinary.Windows
            .Where(w => w.Start < newEnd)
            .Select(w => (w.Kind, w.Start, End: w.End < newEnd ? w.End : newEnd))
            .ToList();

        Assert.Equal(expected, day.Windows.Select(w => (w.Kind, w.Start, w.End)).ToList());
        var endsInBreak = ordinary.Periods.Any(p => p.Breaks.Any(b => b.Start < newEnd && newEnd <= b.End));
        if (!endsInBreak)
        {
            Assert.Equal(newEnd, day.Windows.Max(w => w.End));
        }
    }

    /// <summary>The nearest ordinary (not shortened, not closed) day served under the same weekday's rules.</summary>
    private static LocationDay? OrdinaryDay(LocationCalendar calendar, int location, LocationDay day)
    {
        var anchor = day.MovedWorkingSaturday
            ? calendar.WorkingDays.SpecialDays.Single(s => s.Date == day.Date && s.Kind == SpecialDayKind.MovedWorkingSaturday).MovedFrom!.Value
            : day.Date;
        for (var weeks = 1; weeks <= 12; weeks++)
        {
            foreach (var candidate in new[] { anchor.AddDays(-7 * weeks), anchor.AddDays(7 * weeks) })
            {
                if (candidate.Year is < LatvianHolidays.FirstYear or > LatvianHolidays.LastYear)
                {
                    continue;
                }

                var other = calendar.Day(location, candidate);
                if (other.Open && !other.Shortened && !other.MovedWorkingSaturday)
                {
                    return other;
                }
            }
        }

        return null;
    }

    private static ScheduleRuleRecord RandomRule(Random random, int id, int[] locations)
    {
        TimeOnly At(int quarter) => new TimeOnly(0, 0).AddMinutes(quarter * 15);
        var startQuarter = random.Next(24, 48);
        var endQuarter = startQuarter + random.Next(4, 44);
        var breaks = new List<TimeRange>();
        var cursor = startQuarter + 1;
        for (var i = random.Next(0, 3); i > 0 && cursor < endQuarter - 2; i--)
        {
            var breakStart = random.Next(cursor, endQuarter - 1);
            var breakEnd = Math.Min(endQuarter - 1, breakStart + random.Next(1, 4));
            if (breakEnd > breakStart)
            {
                breaks.Add(new TimeRange(At(breakStart), At(breakEnd)));
                cursor = breakEnd + 1;
            }
        }

        var scope = random.Next(3) == 0 ? [] : locations.Where(_ => random.Next(2) == 0).ToHashSet();
        var replaces = Enumerable.Range(1, id - 1).Where(_ => random.Next(4) == 0).ToHashSet();
        return new ScheduleRuleRecord(
            id, $"r{id}", "Noteikums", "Rule", random.Next(2) == 0 ? WindowKind.WalkIn : WindowKind.Appointment,
            (Weekdays)random.Next(1, 32), At(startQuarter), At(endQuarter), breaks,
            CutoffKind: CutoffKind.DaysBefore, CutoffDaysBefore: random.Next(0, 4), CutoffTime: new TimeOnly(15, 0),
            Channels: BookingChannels.Web | BookingChannels.Phone, LocationIds: scope, Replaces: replaces);
    }
}
