namespace ClientDesk.Queue.Workstation;

/// <summary>Texts of the staff queue pages (workstation, notices, day report): Latvian in WorkstationTexts.resx, English in WorkstationTexts.en.resx.</summary>
public sealed class WorkstationTexts;
