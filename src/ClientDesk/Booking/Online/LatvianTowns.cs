namespace ClientDesk.Booking.Online;

/// <summary>
/// Approximate centres (WGS84, to about a kilometre) of Latvia's towns, only to list the nearest locations first when
/// a client types their town. This is general geography, not a fact about the agency: the offices' own coordinates
/// are not in the sources, so a location is placed at the centre of the town it is named after.
/// </summary>
public static class LatvianTowns
{
    private static readonly Dictionary<string, (double Lat, double Lon)> Centres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Rīga"] = (56.949, 24.105), ["Valmiera"] = (57.538, 25.426), ["Gulbene"] = (57.177, 26.752), ["Alūksne"] = (57.424, 27.047),
        ["Balvi"] = (57.131, 27.265), ["Valka"] = (57.775, 26.018), ["Limbaži"] = (57.513, 24.713), ["Madona"] = (56.854, 26.217),
        ["Kuldīga"] = (56.968, 21.970), ["Jelgava"] = (56.652, 23.721), ["Bauska"] = (56.408, 24.193), ["Ludza"] = (56.547, 27.719),
        ["Rēzekne"] = (56.510, 27.333), ["Daugavpils"] = (55.875, 26.536), ["Liepāja"] = (56.505, 21.011), ["Ventspils"] = (57.390, 21.564),
        ["Jūrmala"] = (56.968, 23.770), ["Jēkabpils"] = (56.499, 25.857), ["Ogre"] = (56.816, 24.605), ["Tukums"] = (56.967, 23.155),
        ["Cēsis"] = (57.312, 25.275), ["Salaspils"] = (56.861, 24.350), ["Sigulda"] = (57.154, 24.853), ["Smiltene"] = (57.424, 25.901),
        ["Saldus"] = (56.664, 22.488), ["Talsi"] = (57.245, 22.588), ["Dobele"] = (56.625, 23.279), ["Krāslava"] = (55.895, 27.168),
        ["Preiļi"] = (56.294, 26.725), ["Aizkraukle"] = (56.604, 25.255), ["Līvāni"] = (56.354, 26.176), ["Olaine"] = (56.785, 23.938),
        ["Kandava"] = (57.035, 22.777), ["Aizpute"] = (56.721, 21.601), ["Skrunda"] = (56.677, 22.016), ["Grobiņa"] = (56.535, 21.166),
        ["Dundaga"] = (57.509, 22.350), ["Saulkrasti"] = (57.264, 24.415), ["Ainaži"] = (57.863, 24.357), ["Mazsalaca"] = (57.862, 25.055),
        ["Rūjiena"] = (57.898, 25.327), ["Strenči"] = (57.626, 25.688), ["Ape"] = (57.539, 26.693), ["Viļaka"] = (57.184, 27.671),
        ["Kārsava"] = (56.785, 27.688), ["Viļāni"] = (56.553, 26.925), ["Varakļāni"] = (56.609, 26.755), ["Lubāna"] = (56.903, 26.719),
        ["Cesvaine"] = (56.967, 26.306), ["Ērgļi"] = (56.898, 25.641), ["Koknese"] = (56.644, 25.436), ["Pļaviņas"] = (56.618, 25.725),
        ["Viesīte"] = (56.346, 25.556), ["Auce"] = (56.460, 22.902), ["Iecava"] = (56.598, 24.207), ["Ķekava"] = (56.829, 24.231),
        ["Baldone"] = (56.742, 24.392), ["Ikšķile"] = (56.835, 24.497), ["Lielvārde"] = (56.720, 24.810), ["Ķegums"] = (56.745, 24.718),
        ["Vecumnieki"] = (56.606, 24.522), ["Rauna"] = (57.332, 25.611), ["Priekuļi"] = (57.315, 25.360), ["Līgatne"] = (57.234, 25.040),
        ["Aloja"] = (57.767, 24.877), ["Staicele"] = (57.834, 24.750), ["Pāvilosta"] = (56.888, 21.186), ["Priekule"] = (56.446, 21.589),
        ["Brocēni"] = (56.680, 22.570), ["Sabile"] = (57.046, 22.573), ["Zilupe"] = (56.386, 28.122), ["Dagda"] = (56.095, 27.537),
        ["Subate"] = (56.004, 25.911), ["Ilūkste"] = (55.977, 26.296), ["Akniste"] = (56.163, 25.743), ["Jaunjelgava"] = (56.614, 25.083),
    };

    public static IEnumerable<string> Names => Centres.Keys;

    /// <summary>The centre of a town by its Latvian name (case and a missing diacritic forgiven), or null.</summary>
    public static (double Lat, double Lon)? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var wanted = Plain(name.Trim());
        foreach (var (town, centre) in Centres)
        {
            if (Plain(town) == wanted)
            {
                return centre;
            }
        }

        return null;
    }

    /// <summary>Lower case without Latvian diacritics, so "Aluksne" finds Alūksne.</summary>
    private static string Plain(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark))
            .ToLowerInvariant();
}
