namespace ClientDesk.Calendar;

/// <summary>
/// What the public sees of one location's calendar: open now or the next opening, this week and the next day by day,
/// and the coming exceptions (holidays, days off, shortened days, working Saturdays, closures).
/// </summary>
public sealed record LocationHours(
    string Slug,
    DateOnly Today,
    OpenStatus Status,
    IReadOnlyList<LocationDay> ThisWeek,
    IReadOnlyList<LocationDay> NextWeek,
    IReadOnlyList<HoursException> Exceptions,
    bool HasRules)
{
    public const int ExceptionWeeks = 8;

    /// <summary>True when every appointment window of the two weeks takes bookings through every channel (S-6).</summary>
    public bool BookedThroughEveryChannel =>
        ThisWeek.Concat(NextWeek).SelectMany(d => d.Periods).Where(p => p.Kind == WindowKind.Appointment) is var periods
        && periods.Any() && periods.All(p => p.Channels == ScheduleTerms.EveryChannel);

    public static LocationHours Of(LocationCalendar calendar, int locationId, string slug, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Platform.RigaTime.Zone).DateTime);
        var monday = today.AddDays(-today.DayOfWeek.DaysFromMonday());
        return new LocationHours(
            slug,
            today,
            calendar.StatusAt(locationId, now),
            calendar.Days(locationId, monday, monday.AddDays(6)),
            calendar.Days(locationId, monday.AddDays(7), monday.AddDays(13)),
            ExceptionsBetween(calendar, locationId, today, today.AddDays((7 * ExceptionWeeks) - 1)),
            calendar.Rules.Any(r => r.AppliesAt(locationId)));
    }

    /// <summary>Days that differ from an ordinary week; a closure over several days is one entry.</summary>
    public static IReadOnlyList<HoursException> ExceptionsBetween(LocationCalendar calendar, int locationId, DateOnly from, DateOnly to)
    {
        var exceptions = new List<HoursException>();
        foreach (var day in calendar.Days(locationId, from, to))
        {
            var weekday = day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (day.Closure is { } closure && day.Holiday is null)
            {
                if (exceptions.Count > 0 && exceptions[^1].Day.Closure?.Id == closure.Id)
                {
                    exceptions[^1] = exceptions[^1] with { Until = day.Date };
                    continue;
                }

                exceptions.Add(new HoursException(day.Date, day.Date, day));
            }
            else if ((day.Holiday is not null && weekday) || day.ClosedBecause is ClosedBecause.MovedDayOff or ClosedBecause.WeekendRuleDayOff
                || day.Shortened || day.MovedWorkingSaturday)
            {
                exceptions.Add(new HoursException(day.Date, day.Date, day));
            }
        }

        return exceptions;
    }
}

/// <summary>A day (or, for a closure, a run of days from <see cref="From"/> to <see cref="Until"/>) that is not ordinary.</summary>
public sealed record HoursException(DateOnly From, DateOnly Until, LocationDay Day);
