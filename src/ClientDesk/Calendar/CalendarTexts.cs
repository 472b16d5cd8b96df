namespace ClientDesk.Calendar;

/// <summary>Texts of the calendar pages (hours, poster, holidays): Latvian in CalendarTexts.resx, English in CalendarTexts.en.resx.</summary>
public sealed class CalendarTexts;
