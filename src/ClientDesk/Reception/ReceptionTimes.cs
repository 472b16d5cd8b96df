using System.Globalization;
using ClientDesk.Platform;

namespace ClientDesk.Reception;

/// <summary>Dates and times on the reception pages, in the reader's language ("otrdien, 2026. gada 24. martā").</summary>
public static class ReceptionTimes
{
    public static string Date(DateOnly date) => new Notifications.NoticeTexts(Localization.IsEnglish ? "en" : "lv").Date(date);

    public static string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);

    public static string When(DateOnly? date, TimeOnly? start) => date is { } d && start is { } s ? $"{Date(d)}, {Time(s)}" : "";
}
