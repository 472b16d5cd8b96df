namespace ClientDesk.Calendar;

/// <summary>A public holiday (svētku diena) on a date, with its Latvian and English name.</summary>
public sealed record Holiday(DateOnly Date, string NameLv, string NameEn)
{
    /// <summary>True when the weekend rule applies to it (4 May, 18 November, the festival closing day).</summary>
    public bool MovesOffWeekend { get; init; }
}
