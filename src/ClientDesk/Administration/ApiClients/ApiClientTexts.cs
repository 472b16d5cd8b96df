namespace ClientDesk.Administration.ApiClients;

/// <summary>Texts of the API client pages: Latvian in ApiClientTexts.resx, English in ApiClientTexts.en.resx.</summary>
public sealed class ApiClientTexts;
