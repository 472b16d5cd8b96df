namespace ClientDesk.Notifications;

/// <summary>Texts of the messages to clients and of the outbox page: Latvian in NotificationTexts.resx, English in NotificationTexts.en.resx.</summary>
public sealed class NotificationTexts;
