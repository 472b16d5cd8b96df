namespace ClientDesk.OnSite.Planning;

/// <summary>Texts of inspector planning (open requests, rounds, the day sheet, the clients' notices): Latvian in PlanningTexts.resx, English in PlanningTexts.en.resx.</summary>
public sealed class PlanningTexts;
