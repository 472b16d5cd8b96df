using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Calendar;

/// <summary>
/// Says a location's calendar as a person reads it, in the user's language:
/// "Otrdiena, 17. marts — 8:30–18:00, pārtraukums 12:00–12:30, bez pieraksta un pēc pieraksta".
/// </summary>
public sealed class HoursText(IStringLocalizer<CalendarTexts> t)
{
    public string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.CurrentCulture);

    /// <summary>"Otrdiena, 17. marts" / "Tuesday 17 March".</summary>
    public string DayName(DateOnly date) =>
        date.ToString(Platform.Localization.IsEnglish ? "dddd d MMMM" : "dddd, d. MMMM", CultureInfo.CurrentCulture);

    /// <summary>Inside a sentence Latvian writes the weekday in lower case: "nākamreiz atvērts: otrdiena, 1. decembris".</summary>
    public string DayNameInSentence(DateOnly date)
    {
        var name = DayName(date);
        return Platform.Localization.IsEnglish ? name : char.ToLower(name[0], CultureInfo.CurrentCulture) + name[1..];
    }

    /// <summary>"17. marts 2026" / "17 March 2026".</summary>
    public string Date(DateOnly date) =>
        date.ToString(Platform.Localization.IsEnglish ? "d MMMM yyyy" : "d. MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"17. marts" / "17 March".</summary>
    public string ShortDate(DateOnly date) =>
        date.ToString(Platform.Localization.IsEnglish ? "d MMMM" : "d. MMMM", CultureInfo.CurrentCulture);

    public string Kinds(IEnumerable<WindowKind> kinds)
    {
        var set = kinds.Distinct().ToList();
        return set.Count > 1 ? t["Kind.Both"] : set.Contains(WindowKind.WalkIn) ? t["Kind.WalkIn"] : t["Kind.Appointment"];
    }

    /// <summary>
    /// One line per group of periods with the same hours and booking terms: "8:30–18:00, pārtraukums 12:00–12:30,
    /// bez pieraksta un pēc pieraksta". A closed day gives one line saying why.
    /// </summary>
    public IReadOnlyList<string> Lines(LocationDay day)
    {
        if (!day.Open)
        {
            return [Closed(day)];
        }

        // Periods with the same hours are one line; walk-in needs no booking terms, so it joins the appointment line.
        var lines = new List<string>();
        foreach (var sameHours in day.Periods.GroupBy(p => (p.Start, p.End, Breaks: string.Join(",", p.Breaks))).OrderBy(g => g.Key.Start).ThenBy(g => g.Key.End))
        {
            var appointments = sameHours.Where(p => p.Kind == WindowKind.Appointment)
                .GroupBy(p => (p.Channels, p.BookingCutoff, p.BookingPhone)).ToList();
            var walkIn = sameHours.Any(p => p.Kind == WindowKind.WalkIn);
            if (appointments.Count == 0)
            {
                lines.Add(Line(sameHours.First(), [WindowKind.WalkIn]));
                continue;
            }

            for (var i = 0; i < appointments.Count; i++)
            {
                lines.Add(Line(appointments[i].First(), i == 0 && walkIn ? [WindowKind.WalkIn, WindowKind.Appointment] : [WindowKind.Appointment]));
            }
        }

        return lines;
    }

    public string Closed(LocationDay day) => day.ClosedBecause switch
    {
        ClosedBecause.Holiday => t["Closed.Holiday", Platform.Localization.Pick(day.Holiday!.NameLv, day.Holiday.NameEn)],
        ClosedBecause.Closure => t["Closed.Closure", Platform.Localization.Pick(day.Closure!.ReasonLv, day.Closure.ReasonEn)],
        ClosedBecause.MovedDayOff => t["Closed.MovedDayOff"],
        ClosedBecause.WeekendRuleDayOff => t["Closed.WeekendRuleDayOff"],
        ClosedBecause.Weekend => t["Closed.Weekend"],
        _ => t["Closed.NoService"],
    };

    /// <summary>"Tagad atvērts: bez pieraksta līdz 12:00" or "Tagad slēgts. Nākamreiz atvērts: rīt, plkst. 8:30 (pēc pieraksta)".</summary>
    public string Status(OpenStatus status, DateOnly today)
    {
        if (status.IsOpen)
        {
            return t["Status.OpenNow", Kinds(status.KindsNow), Time(status.Until!.Value)];
        }

        if (status.NextDate is not { } date)
        {
            return t["Status.ClosedNone"];
        }

        var day = date == today ? t["Status.Today"].Value : date == today.AddDays(1) ? t["Status.Tomorrow"].Value : DayNameInSentence(date);
        return t["Status.ClosedNext", day, Time(status.NextTime!.Value), Kinds(status.NextKinds)];
    }

    private string Line(OpeningPeriod period, WindowKind[] kinds)
    {
        var parts = new List<string> { $"{Time(period.Start)}–{Time(period.End)}" };
        parts.AddRange(period.Breaks.Select(b => t["Hours.Break", $"{Time(b.Start)}–{Time(b.End)}"].Value));
        parts.Add(Kinds(kinds));
        if (period.Kind == WindowKind.Appointment)
        {
            if (period.Channels == BookingChannels.Phone && !string.IsNullOrWhiteSpace(period.BookingPhone))
            {
                parts.Add(t["Hours.PhoneOnly", period.BookingPhone]);
            }
            else if (period.Channels != ScheduleTerms.EveryChannel && period.Channels != BookingChannels.None)
            {
                parts.Add(t["Hours.ChannelsOnly", string.Join(", ", period.Channels.Each().Select(c => t["Channel." + c].Value))]);
            }

            if (period.BookingCutoff is { } cutoff)
            {
                parts.Add(t["Hours.Cutoff", Instant(cutoff)]);
            }
        }

        return string.Join(", ", parts);
    }

    /// <summary>An instant as a Riga date and time: "Pirmdiena, 16. marts, plkst. 17:00".</summary>
    public string Instant(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Platform.RigaTime.Zone);
        return t["Hours.At", DayNameInSentence(DateOnly.FromDateTime(local.DateTime)), Time(TimeOnly.FromDateTime(local.DateTime))];
    }
}
