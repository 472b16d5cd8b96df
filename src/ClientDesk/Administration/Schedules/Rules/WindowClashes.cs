using ClientDesk.Calendar;

namespace ClientDesk.Administration.Schedules.Rules;

/// <summary>Two periods of the same kind at one location on one day that overlap in time.</summary>
internal sealed record WindowClash(DateOnly Date, int LocationId, OpeningPeriod First, OpeningPeriod Second);

/// <summary>
/// Finds the first day on which a proposed set of rules opens one location twice for the same kind of service at
/// the same time (two walk-in queues, two appointment books). A walk-in and an appointment window may overlap:
/// that is how S-2 and S-3 share Tuesdays.
/// </summary>
internal static class WindowClashes
{
    /// <summary>How far ahead a rule change is checked: a year covers every weekday, holiday and replacement period.</summary>
    public const int DaysChecked = 366;

    /// <summary>
    /// Scans the locations day by day from <paramref name="from"/>. A clash counts when it involves the edited rule, or
    /// when the stored calendar does not already have it: an older clash between two other rules is not this
    /// change's doing and must not block it.
    /// </summary>
    public static WindowClash? First(LocationCalendar stored, LocationCalendar proposed, int editedRuleId,
        IReadOnlyList<int> locationIds, DateOnly from)
    {
        var last = new DateOnly(LatvianHolidays.LastYear, 12, 31);
        for (var offset = 0; offset < DaysChecked; offset++)
        {
            var date = from.AddDays(offset);
            if (date > last)
            {
                break;
            }

            foreach (var locationId in locationIds)
            {
                foreach (var (first, second) in Overlaps(proposed.Day(locationId, date)))
                {
                    var involvesEdited = first.RuleId == editedRuleId || second.RuleId == editedRuleId;
                    if (involvesEdited || !Overlaps(stored.Day(locationId, date)).Any(p =>
                            (p.First.RuleId == first.RuleId && p.Second.RuleId == second.RuleId)
                            || (p.First.RuleId == second.RuleId && p.Second.RuleId == first.RuleId)))
                    {
                        return new WindowClash(date, locationId, first, second);
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<(OpeningPeriod First, OpeningPeriod Second)> Overlaps(LocationDay day)
    {
        var periods = day.Periods;
        for (var i = 0; i < periods.Count; i++)
        {
            for (var j = i + 1; j < periods.Count; j++)
            {
                if (periods[i].Kind == periods[j].Kind
                    && new TimeRange(periods[i].Start, periods[i].End).Overlaps(new TimeRange(periods[j].Start, periods[j].End)))
                {
                    yield return (periods[i], periods[j]);
                }
            }
        }
    }
}
