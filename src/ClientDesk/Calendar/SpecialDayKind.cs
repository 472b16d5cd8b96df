namespace ClientDesk.Calendar;

/// <summary>What a special (data-entered, not computed) calendar day is.</summary>
public enum SpecialDayKind
{
    /// <summary>Closing day of the General Latvian Song and Dance Festival: a public holiday, with the weekend rule.</summary>
    FestivalClosingDay = 0,

    /// <summary>A one-off public holiday set by amending the law (e.g. 24 Sep 2018, 29 May 2023).</summary>
    OneOffHoliday = 1,

    /// <summary>A weekday made a day off by a Cabinet order; worked on a <see cref="MovedWorkingSaturday"/> instead.</summary>
    MovedDayOff = 2,

    /// <summary>A Saturday worked instead of a <see cref="MovedDayOff"/>.</summary>
    MovedWorkingSaturday = 3,
}

/// <summary>
/// One special day passed to <see cref="WorkingCalendar"/> as data.
/// <paramref name="MovedFrom"/> is, for a <see cref="SpecialDayKind.MovedWorkingSaturday"/>, the weekday made a day off
/// in exchange (its <see cref="SpecialDayKind.MovedDayOff"/>); null otherwise.
/// </summary>
public sealed record SpecialDayRecord(
    DateOnly Date,
    SpecialDayKind Kind,
    string NameLv,
    string NameEn,
    string? LegalBasis = null,
    DateOnly? MovedFrom = null);
