using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Schedule;

/// <summary>How the schedule's pages write dates, distances and import problems.</summary>
public static class ScheduleWording
{
    /// <summary>"otrdiena, 14.04.2027." / "Tuesday, 14 April 2027".</summary>
    public static string Date(this IStringLocalizer<ScheduleTexts> s, DateOnly date) => date.ToString(s["Format.Date"], CultureInfo.CurrentCulture);

    public static string Km(double km) => km.ToString(km < 10 ? "0.0" : "0", CultureInfo.CurrentCulture);

    /// <summary>A problem of an import as a sentence, with its line.</summary>
    public static string Problem(this IStringLocalizer<ScheduleTexts> s, ImportProblem problem)
    {
        var text = s[problem.Key, problem.Values].Value;
        return problem.Line > 0 ? s["Import.Line", problem.Line, text].Value : text;
    }
}
