namespace ClientDesk.Administration;

/// <summary>Texts of the administration pages: Latvian in AdministrationTexts.resx, English in AdministrationTexts.en.resx.</summary>
public sealed class AdministrationTexts;
