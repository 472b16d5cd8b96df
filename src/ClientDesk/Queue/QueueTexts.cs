namespace ClientDesk.Queue;

/// <summary>Texts of the client-facing queue pages (kiosk, remote ticket, follow page): Latvian in QueueTexts.resx, English in QueueTexts.en.resx.</summary>
public sealed class QueueTexts;
