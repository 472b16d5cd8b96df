namespace ClientDesk.Home;

/// <summary>Texts of the home page and the public standard: Latvian in HomeTexts.resx, English in HomeTexts.en.resx.</summary>
public sealed class HomeTexts;
