namespace ClientDesk.OnSite.Schedule;

/// <summary>Texts of the inspection schedule's pages: Latvian in ScheduleTexts.resx, English in ScheduleTexts.en.resx.</summary>
public sealed class ScheduleTexts;
