using System.Globalization;
using System.Text;
using ClientDesk.Booking.Online;

namespace ClientDesk.OnSite.Schedule;

/// <summary>
/// Turns a typed town into a point for "stops near me". The towns are the booking's <see cref="LatvianTowns"/>; here
/// are added the centres of the municipalities (after the 2021 reform, by their names such as "Cēsu novads") and a few
/// centres missing there. Approximate coordinates (WGS84, about a kilometre) from public geography, not facts about
/// the agency. Matching forgives case and missing diacritics: "cesis" finds Cēsis.
/// </summary>
public static class ScheduleGazetteer
{
    private static readonly (string Name, double Lat, double Lon)[] ExtraCentres =
    [
        ("Ādaži", 57.075, 24.322), ("Mārupe", 56.906, 24.050), ("Ulbroka", 56.939, 24.287), ("Carnikava", 57.131, 24.276),
        ("Krustpils", 56.511, 25.875), ("Vangaži", 57.094, 24.554), ("Inčukalns", 57.098, 24.686), ("Jaunpiebalga", 57.178, 26.033),
    ];

    /// <summary>The municipalities and the town that is their centre.</summary>
    private static readonly (string Municipality, string Centre)[] Municipalities =
    [
        ("Aizkraukles novads", "Aizkraukle"), ("Alūksnes novads", "Alūksne"), ("Augšdaugavas novads", "Daugavpils"), ("Ādažu novads", "Ādaži"),
        ("Balvu novads", "Balvi"), ("Bauskas novads", "Bauska"), ("Cēsu novads", "Cēsis"), ("Dienvidkurzemes novads", "Grobiņa"),
        ("Dobeles novads", "Dobele"), ("Gulbenes novads", "Gulbene"), ("Jelgavas novads", "Jelgava"), ("Jēkabpils novads", "Jēkabpils"),
        ("Krāslavas novads", "Krāslava"), ("Kuldīgas novads", "Kuldīga"), ("Ķekavas novads", "Ķekava"), ("Limbažu novads", "Limbaži"),
        ("Līvānu novads", "Līvāni"), ("Ludzas novads", "Ludza"), ("Madonas novads", "Madona"), ("Mārupes novads", "Mārupe"),
        ("Ogres novads", "Ogre"), ("Olaines novads", "Olaine"), ("Preiļu novads", "Preiļi"), ("Rēzeknes novads", "Rēzekne"),
        ("Ropažu novads", "Ulbroka"), ("Salaspils novads", "Salaspils"), ("Saldus novads", "Saldus"), ("Saulkrastu novads", "Saulkrasti"),
        ("Siguldas novads", "Sigulda"), ("Smiltenes novads", "Smiltene"), ("Talsu novads", "Talsi"), ("Tukuma novads", "Tukums"),
        ("Valkas novads", "Valka"), ("Valmieras novads", "Valmiera"), ("Varakļānu novads", "Varakļāni"), ("Ventspils novads", "Ventspils"),
    ];

    /// <summary>Town names for the field's suggestions.</summary>
    public static IEnumerable<string> Names =>
        LatvianTowns.Names.Concat(ExtraCentres.Select(c => c.Name)).Distinct().Order(StringComparer.Create(new CultureInfo("lv"), ignoreCase: true));

    /// <summary>A town, a municipality centre or a municipality by name, or null.</summary>
    public static (double Lat, double Lon)? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (LatvianTowns.Find(name) is { } town)
        {
            return town;
        }

        var wanted = Plain(name);
        foreach (var (centre, lat, lon) in ExtraCentres)
        {
            if (Plain(centre) == wanted)
            {
                return (lat, lon);
            }
        }

        foreach (var (municipality, centre) in Municipalities)
        {
            var plain = Plain(municipality);
            if (plain == wanted || plain.Replace(" novads", "") == wanted || plain.Replace(" novads", " nov.") == wanted)
            {
                return Find(centre);
            }
        }

        return null;
    }

    /// <summary>Lower case, no diacritics, single spaces: "  Cēsu  Novads" → "cesu novads".</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimEnd();
    }

    public static double DistanceKm((double Lat, double Lon) from, (double Lat, double Lon) to) =>
        OnlineBooking.DistanceKm(from.Lat, from.Lon, to.Lat, to.Lon);
}
