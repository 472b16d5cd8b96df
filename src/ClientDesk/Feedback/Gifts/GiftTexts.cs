namespace ClientDesk.Feedback.Gifts;

/// <summary>Texts of the gift log (C-8): Latvian in GiftTexts.resx, English in GiftTexts.en.resx.</summary>
public sealed class GiftTexts;
