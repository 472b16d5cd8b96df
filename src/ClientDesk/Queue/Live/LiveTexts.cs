namespace ClientDesk.Queue.Live;

/// <summary>Texts of the lobby display and the "your turn is near" notice: Latvian in LiveTexts.resx, English in LiveTexts.en.resx.</summary>
public sealed class LiveTexts;
