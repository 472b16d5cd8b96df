namespace ClientDesk.Catalogue;

/// <summary>
/// The agency-wide ways to reach VTUA that the Client Service Standard itself names (CH-1, CH-3, CH-6, CH-7, S-6).
/// Public pages name them where a client needs a concrete next step; a location's own facts come from the database.
/// </summary>
internal static class AgencyContacts
{
    public const string Phone = "67027149";
    public const string Email = "pasts@vtua.gov.lv";
    public const string PostalAddress = "Republikas laukums 2, Rīga, LV-1010";
    public const string TrustLine = "67027486";
    public const string EServicePortalUrl = "https://epakalpojumi.zm.gov.lv/";
    public const string EServicePortalName = "epakalpojumi.zm.gov.lv";
    public const string LatvijaUrl = "https://www.latvija.lv/";
    public const string LatvijaName = "www.latvija.lv";

    /// <summary>The official e-address mailbox lives on the state portal; writing there needs an activated e-address account.</summary>
    public const string EAddressUrl = "https://latvija.gov.lv/";
    public const string EAddressName = "latvija.gov.lv";

    /// <summary>A tel: link with the Latvian country code, for phones written as eight digits.</summary>
    public static string TelLink(string phone)
    {
        var digits = new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return "tel:" + (digits.StartsWith('+') ? digits : digits.Length == 8 ? "+371" + digits : digits);
    }
}
