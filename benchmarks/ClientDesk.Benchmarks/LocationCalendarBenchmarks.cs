using BenchmarkDotNet.Attributes;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.ReferenceData;

namespace ClientDesk.Benchmarks;

/// <summary>
/// The pure location calendar over the shipped reference data (13 locations, the S-2…S-5 rules, the sourced special
/// days), as the pages use it. Location ids and rule ids are given by position in the file, as the tests do.
/// Public and unsealed because BenchmarkDotNet derives its runner from it.
/// </summary>
[MemoryDiagnoser]
public class LocationCalendarBenchmarks
{
    private static readonly DateOnly YearStart = new(2026, 1, 1);
    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    // A Friday evening after closing: every location has to search ahead to its next opening.
    private static readonly DateTimeOffset FridayEvening = new(2026, 3, 20, 17, 30, 0, TimeSpan.FromHours(2));

    private IReadOnlyList<SpecialDayRecord> specialDays = [];
    private IReadOnlyList<ScheduleRuleRecord> rules = [];
    private IReadOnlyList<ClosureRecord> closures = [];
    private int[] locationIds = [];
    private int valmiera;
    private LocationCalendar warm = null!;
    private readonly Dictionary<(DateOnly Date, TimeOnly Start), int> takenSeats = [];

    [GlobalSetup]
    public void Setup()
    {
        var file = ReferenceDataFile.Read(ReferenceDataFile.DefaultPath);
        var ids = file.Locations.Select((l, i) => (l.Slug, Id: i + 1)).ToDictionary(x => x.Slug, x => x.Id);
        locationIds = [.. ids.Values.Order()];
        valmiera = ids["valmiera"];

        specialDays = [.. (file.SpecialDays ?? []).Select(d => new SpecialDayRecord(d.Date, d.Kind, d.NameLv, d.NameEn, d.LegalBasis, d.MovedFrom))];

        var data = file.ScheduleRules ?? [];
        var ruleIds = data.Select((r, i) => (r.Code, Id: i + 1)).ToDictionary(x => x.Code, x => x.Id);
        rules = [.. data.Select(r => new ScheduleRuleRecord(
            ruleIds[r.Code], r.Code, r.NameLv, r.NameEn, r.Kind, ScheduleTerms.ParseWeekdays(r.Weekdays), r.Start, r.End,
            [.. (r.Breaks ?? []).Select(b => new TimeRange(b.Start, b.End))],
            r.ValidFrom, r.ValidTo, r.Cutoff?.Kind ?? CutoffKind.None, r.Cutoff?.Weekday, r.Cutoff?.DaysBefore, r.Cutoff?.Time,
            ScheduleTerms.ParseChannels(r.Channels ?? []), r.BookingPhone,
            (r.Locations ?? []).Select(slug => ids[slug]).ToHashSet(),
            (r.Replaces ?? []).Select(code => ruleIds[code]).ToHashSet()))];

        closures = [.. (file.Closures ?? []).Select((c, i) => new ClosureRecord(i + 1, ids[c.Location], c.StartsOn, c.EndsOn, c.ReasonLv, c.ReasonEn))];

        warm = new LocationCalendar(new WorkingCalendar(specialDays), rules, closures);
        WholeYear(warm);

        // A busy spring: every third quarter-hour of every day already has a client.
        for (var day = AvailabilityFrom; day < AvailabilityFrom.AddDays(61); day = day.AddDays(1))
        {
            for (var start = new TimeOnly(8, 30); start < new TimeOnly(18, 0); start = start.AddMinutes(45))
            {
                takenSeats[(day, start)] = 1;
            }
        }
    }

    private static readonly DateOnly AvailabilityFrom = new(2026, 3, 16);

    /// <summary>Bookable times of a 30-minute service for one machine at Valmiera over 60 days, with seats taken.</summary>
    [Benchmark]
    public int Availability_for_60_days_at_one_location()
    {
        var request = new AvailabilityRequest(valmiera, 30, 1, AvailabilityFrom, AvailabilityFrom.AddDays(59), BookingChannels.Web,
            BookingSettings.Default with { HorizonDays = 90 });
        var days = Availability.Compute(warm, request, takenSeats, new DateTimeOffset(2026, 3, 16, 7, 0, 0, TimeSpan.FromHours(2)));
        return days.Sum(d => d.Times.Count);
    }

    /// <summary>Cold: the year caches and the per-location rule lists are built inside the measurement.</summary>
    [Benchmark]
    public int A_whole_year_for_every_location() =>
        WholeYear(new LocationCalendar(new WorkingCalendar(specialDays), rules, closures));

    [Benchmark]
    public int A_whole_year_for_every_location_warm() => WholeYear(warm);

    /// <summary>What the locations list page does per view.</summary>
    [Benchmark]
    public int Open_now_for_every_location()
    {
        var open = 0;
        foreach (var id in locationIds)
        {
            var status = warm.StatusAt(id, FridayEvening);
            open += status.IsOpen || status.NextDate is not null ? 1 : 0;
        }

        return open;
    }

    /// <summary>What a location page does: the next two weeks with their windows.</summary>
    [Benchmark]
    public int Two_weeks_for_one_location()
    {
        var windows = 0;
        foreach (var day in warm.Days(valmiera, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 29)))
        {
            windows += day.Windows.Count;
        }

        return windows;
    }

    private int WholeYear(LocationCalendar calendar)
    {
        var windows = 0;
        foreach (var id in locationIds)
        {
            foreach (var day in calendar.Days(id, YearStart, YearEnd))
            {
                windows += day.Windows.Count;
            }
        }

        return windows;
    }
}
