namespace ClientDesk.Catalogue;

/// <summary>Texts of the public catalogue pages: Latvian in CatalogueTexts.resx, English in CatalogueTexts.en.resx.</summary>
public sealed class CatalogueTexts;
