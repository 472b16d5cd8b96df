using System.Globalization;
using System.Resources;

namespace ClientDesk.Notifications;

/// <summary>
/// The message texts in one client's language, whatever the language of the request that caused them (a clerk
/// working in English books for a client who reads Latvian). Dates as Latvian writes them in a sentence:
/// "otrdien, 2026. gada 24. martā, plkst. 10:00–10:30" / "Tuesday 24 March 2026, 10:00–10:30".
/// </summary>
internal sealed class NoticeTexts
{
    private static readonly ResourceManager Resources = new(typeof(NotificationTexts));

    private readonly CultureInfo culture;

    public NoticeTexts(string? language)
    {
        Language = language == Platform.Localization.English ? Platform.Localization.English : Platform.Localization.Latvian;
        culture = CultureInfo.GetCultureInfo(Language);
    }

    /// <summary>"lv" or "en"; anything else is read as Latvian.</summary>
    public string Language { get; }

    public bool IsEnglish => Language == Platform.Localization.English;

    public string this[string key, params object?[] args]
    {
        get
        {
            var text = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No notification text '{key}'.");
            return args.Length == 0 ? text : string.Format(culture, text, args);
        }
    }

    /// <summary>"otrdien, 2026. gada 24. martā" / "Tuesday 24 March 2026".</summary>
    public string Date(DateOnly date) =>
        this["Date.Format", this["Weekday." + date.DayOfWeek], date.Year, date.Day, this["Month." + date.Month]];

    /// <summary>"plkst. 10:00–10:30" / "10:00–10:30".</summary>
    public string Times(TimeOnly start, TimeOnly end) => this["Time.Range", Time(start), Time(end)];

    public string When(DateOnly date, TimeOnly start, TimeOnly end) => this["When", Date(date), Times(start, end)];

    /// <summary>10:00, as the standard writes hours.</summary>
    public static string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);

    public string Pick(string lv, string? en) => IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : lv;
}
