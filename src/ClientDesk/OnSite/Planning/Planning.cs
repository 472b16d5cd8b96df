using System.Globalization;
using ClientDesk.Calendar;
using ClientDesk.Platform;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Planning;

/// <summary>What the planning pages share: dates, times, weekdays and statuses in words.</summary>
internal static class Planning
{
    /// <summary>The date in words; in Latvian the weekday is written in lower case, as Latvian writes it ("trešdiena").</summary>
    public static string Date(this IStringLocalizer<PlanningTexts> p, DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = p["Format.Date"].Value;
        if (culture.TwoLetterISOLanguageName == "lv")
        {
            format = format.Replace("dddd", "'" + culture.DateTimeFormat.GetDayName(date.DayOfWeek).ToLower(culture) + "'", StringComparison.Ordinal);
        }

        return date.ToString(format, culture);
    }

    public static string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Status(this IStringLocalizer<PlanningTexts> p, OnSiteStatus status) => p["Status." + status];

    /// <summary>"1.–30. aprīlis, P, O, T" — the days that suit, as one line.</summary>
    public static string Days(this IStringLocalizer<PlanningTexts> p, DateOnly earliest, DateOnly latest, Weekdays weekdays)
    {
        var days = Enum.GetValues<Weekdays>().Where(d => d != Weekdays.None && weekdays.HasFlag(d)).Select(d => p["Day." + d].Value);
        return p["Days", p.Date(earliest), p.Date(latest), string.Join(", ", days)];
    }

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static DateOnly Today(TimeProvider clock) => RigaTime.Today(clock);
}

/// <summary>The window proposal fields, shared by the new round and the round's plan page.</summary>
public sealed record ProposalFields(string Prefix, string? Start, int? PerMachine, int? Travel, int? Window, string? TimeError, string? MinutesError);
