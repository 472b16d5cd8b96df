namespace ClientDesk.OnSite.Requests;

/// <summary>Texts of the on-site request form, the staff registration, the status page and the receipt: Latvian in RequestTexts.resx, English in RequestTexts.en.resx.</summary>
public sealed class RequestTexts;
