namespace ClientDesk.Access;

/// <summary>Texts of the staff sign-in and account pages: Latvian in AccessTexts.resx, English in AccessTexts.en.resx.</summary>
public sealed class AccessTexts;
