using System.Globalization;
using ClientDesk.Calendar;

namespace ClientDesk.Feedback.Officer;

public enum DeadlineMark
{
    None = 0,

    /// <summary>Due in at most <see cref="Deadline.SoonWorkingDays"/> working days.</summary>
    DueSoon = 1,
    DueToday = 2,
    Overdue = 3,
}

/// <summary>
/// Where an open case stands against its deadline today: working days left (the deadline counts, today does not),
/// or calendar days past it. Information-only and closed cases have none.
/// </summary>
public sealed record Deadline(DateOnly? DueOn, int? WorkingDaysLeft, int DaysOverdue, DeadlineMark Mark)
{
    public const int SoonWorkingDays = 2;

    public static Deadline For(DateOnly? dueOn, bool open, DateOnly today, WorkingCalendar calendar)
    {
        if (dueOn is not { } due || !open)
        {
            return new Deadline(dueOn, null, 0, DeadlineMark.None);
        }

        if (today > due)
        {
            return new Deadline(due, null, today.DayNumber - due.DayNumber, DeadlineMark.Overdue);
        }

        var left = calendar.CountWorkingDays(today, due);
        var mark = due == today ? DeadlineMark.DueToday : left <= SoonWorkingDays ? DeadlineMark.DueSoon : DeadlineMark.None;
        return new Deadline(due, left, 0, mark);
    }
}

/// <summary>Formatting shared by the officer's pages.</summary>
public static class OfficerFormat
{
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) =>
        Platform.RigaTime.ToLocal(utc).ToString("dd.MM.yyyy H:mm", CultureInfo.InvariantCulture);
}
