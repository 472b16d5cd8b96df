namespace ClientDesk.Booking;

/// <summary>Texts of the public booking pages: Latvian in BookingTexts.resx, English in BookingTexts.en.resx.</summary>
public sealed class BookingTexts;
