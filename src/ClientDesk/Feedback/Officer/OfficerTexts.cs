namespace ClientDesk.Feedback.Officer;

/// <summary>Texts of the case officer's pages and of the messages about cases: Latvian in OfficerTexts.resx, English in OfficerTexts.en.resx.</summary>
public sealed class OfficerTexts;
