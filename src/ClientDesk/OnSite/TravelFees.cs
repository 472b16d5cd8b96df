using System.Globalization;
using System.Text.RegularExpressions;
using ClientDesk.Catalogue;

namespace ClientDesk.OnSite;

/// <summary>The kinds of travel fee a service's fee lines carry (vtua-domain §1.1).</summary>
public enum TravelFeeKind
{
    /// <summary>Not a travel fee: a fee per machine or per service.</summary>
    None = 0,

    /// <summary>To a stop on the published inspection schedule (10 EUR per client).</summary>
    ScheduleStop = 1,

    /// <summary>To an address the client chose (30 EUR per client).</summary>
    ClientAddress = 2,

    /// <summary>Per kilometre, from the office there and back, perhaps with a cap.</summary>
    PerKilometre = 3,
}

/// <summary>A fee line as the on-site pages show it.</summary>
public sealed record FeeLineView(TravelFeeKind Kind, string NameLv, string NameEn, decimal? AmountEur, string NoteLv, string NoteEn);

/// <summary>The per-kilometre fee: the rate, its cap, and an estimate when both ends have coordinates.</summary>
public sealed record PerKilometreFee(decimal RatePerKm, decimal? CapEur, double? DistanceKm, decimal? EstimateEur);

/// <summary>
/// What travel costs for one on-site request, computed from the service's own fee lines: the client-address fee, the
/// schedule-stop fee for comparison, the per-km fee, and the other lines (per machine). <see cref="Applies"/> is the
/// amount shown and stored with the request; null when it can only be confirmed by the inspector.
/// </summary>
public sealed record TravelFeeQuote(
    decimal? ClientAddressEur, decimal? ScheduleStopEur, PerKilometreFee? PerKilometre, IReadOnlyList<FeeLineView> OtherLines)
{
    public decimal? Applies => ClientAddressEur ?? PerKilometre?.EstimateEur;

    public bool HasTravelFee => ClientAddressEur is not null || PerKilometre is not null;
}

/// <summary>
/// Which fee lines are travel fees, and what they come to. The fee lines carry no flag for it, so the rule reads the
/// Latvian name, which the reference data and the price regulation (MK 225) word the same way: "Transporta
/// nodrošinājums: …" for the fixed fees (the schedule's place or the client's address), "Transports, par km" for the
/// per-km one. A `TravelFeeKind` column on the fee line, set by administrators, would replace this rule (ADR 012).
/// </summary>
public static partial class TravelFees
{
    public const string FixedPrefix = "Transporta nodrošinājums";
    public const string PerKilometrePrefix = "Transports, par km";

    public static TravelFeeKind KindOf(string nameLv)
    {
        var name = (nameLv ?? "").Trim();
        if (name.StartsWith(PerKilometrePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TravelFeeKind.PerKilometre;
        }

        if (!name.StartsWith(FixedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TravelFeeKind.None;
        }

        return name.Contains("grafik", StringComparison.OrdinalIgnoreCase) ? TravelFeeKind.ScheduleStop
            : name.Contains("adrese", StringComparison.OrdinalIgnoreCase) ? TravelFeeKind.ClientAddress
            : TravelFeeKind.None;
    }

    /// <summary>The cap written in a fee line's note ("Ne vairāk kā 24,79 EUR.", "At most 24.79 EUR."); null when none.</summary>
    public static decimal? CapOf(string? note)
    {
        var match = CapPattern().Match(note ?? "");
        return match.Success && decimal.TryParse(match.Groups[1].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cap)
            ? cap
            : null;
    }

    /// <summary>Great-circle distance in kilometres; roads are longer, so the estimate is only that.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 6371.0 * 2 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The quote for a service's fee lines, from an office (its point, if known) to the client's point (if given).</summary>
    public static TravelFeeQuote Quote(IEnumerable<FeeLineView> lines, (double Latitude, double Longitude)? office, (double Latitude, double Longitude)? point)
    {
        decimal? address = null, stop = null;
        PerKilometreFee? perKm = null;
        var others = new List<FeeLineView>();
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case TravelFeeKind.ClientAddress:
                    address = line.AmountEur;
                    break;
                case TravelFeeKind.ScheduleStop:
                    stop = line.AmountEur;
                    break;
                case TravelFeeKind.PerKilometre when line.AmountEur is { } rate:
                    var cap = CapOf(line.NoteLv) ?? CapOf(line.NoteEn);
                    double? km = office is { } from && point is { } to ? Math.Round(DistanceKm(from.Latitude, from.Longitude, to.Latitude, to.Longitude), 1) : null;
                    decimal? estimate = km is { } distance ? Math.Round(rate * (decimal)distance * 2, 2, MidpointRounding.AwayFromZero) : null;
                    if (estimate is { } e && cap is { } c && e > c)
                    {
                        estimate = c;
                    }

                    perKm = new PerKilometreFee(rate, cap, km, estimate);
                    break;
                default:
                    others.Add(line);
                    break;
            }
        }

        return new TravelFeeQuote(address, stop, perKm, others);
    }

    public static FeeLineView View(FeeLine line) => new(KindOf(line.NameLv), line.NameLv, line.NameEn, line.AmountEur, line.NoteLv, line.NoteEn);

    [GeneratedRegex(@"(\d+(?:[.,]\d{1,2})?)\s*EUR", RegexOptions.IgnoreCase)]
    private static partial Regex CapPattern();
}
