namespace ClientDesk.Feedback.Errors;

/// <summary>Texts of the error register (C-7): Latvian in ErrorTexts.resx, English in ErrorTexts.en.resx.</summary>
public sealed class ErrorTexts;
