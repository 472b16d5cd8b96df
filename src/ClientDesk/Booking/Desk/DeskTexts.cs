namespace ClientDesk.Booking.Desk;

/// <summary>Texts of the staff booking pages: Latvian in DeskTexts.resx, English in DeskTexts.en.resx.</summary>
public sealed class DeskTexts;
