namespace ClientDesk.Feedback.Reports;

/// <summary>Texts of the feedback reports: Latvian in ReportTexts.resx, English in ReportTexts.en.resx.</summary>
public sealed class ReportTexts;
