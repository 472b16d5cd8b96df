namespace ClientDesk.Shared;

/// <summary>Texts used across features: layout, errors, validation. Latvian in SharedTexts.resx, English in SharedTexts.en.resx.</summary>
public sealed class SharedTexts;
