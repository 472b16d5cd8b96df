using System.Globalization;

namespace ClientDesk.OnSite.Schedule;

/// <summary>How dates, times and coordinates are written in the schedule's forms and CSV files.</summary>
public static class StopValues
{
    private static readonly string[] DateForms = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"];
    private static readonly string[] TimeForms = ["HH:mm", "H:mm"];

    /// <summary>2027-04-12, 12.04.2027 or 12.04.2027. (with the Latvian closing dot).</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        var trimmed = text?.Trim().TrimEnd('.');
        return !string.IsNullOrEmpty(trimmed)
            && DateOnly.TryParseExact(trimmed, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>9:00 or 09:00.</summary>
    public static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && TimeOnly.TryParseExact(trimmed, TimeForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>56.9496 or 56,9496 (the Latvian decimal comma).</summary>
    public static bool TryCoordinate(string? text, out double value)
    {
        value = 0;
        var trimmed = text?.Trim().Replace(',', '.');
        return !string.IsNullOrEmpty(trimmed)
            && double.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Time(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);
    public static string Coordinate(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
