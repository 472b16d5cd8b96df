using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClientDesk.ReferenceData;

/// <summary>The shape of reference-data.json; docs/reference-data.md describes every field.</summary>
internal sealed record ReferenceDataFile(
    List<RegionData> Regions,
    List<LocationData> Locations,
    List<ServiceData> Services,
    List<ContactChannelData> ContactChannels,
    List<ReferralData> Referrals,
    List<SpecialDayData>? SpecialDays = null,
    List<ScheduleRuleData>? ScheduleRules = null,
    List<ClosureData>? Closures = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ReferenceDataFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ReferenceDataFile>(stream, Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "ReferenceData", "reference-data.json");
}

internal sealed record RegionData(string Slug, string NameLv, string NameEn);

internal sealed record LocationData(
    string Slug,
    string NameLv,
    string NameEn,
    string Region,
    Catalogue.Premises Premises,
    string? Address = null,
    string? Room = null,
    string? Phone = null,
    string? Email = null,
    double? Latitude = null,
    double? Longitude = null,
    bool HeadOffice = false,
    bool NeedsReview = false,
    string? ReviewNote = null,
    string? Source = null);

internal sealed record ServiceData(
    string Code,
    string NameLv,
    string NameEn,
    string DescriptionLv,
    string DescriptionEn,
    int? DurationMinutes,
    List<string> RequestChannels,
    List<string> ReceiveChannels,
    bool OnSite,
    List<string> Locations,
    List<string>? DocumentsLv = null,
    List<string>? DocumentsEn = null,
    string? TermLv = null,
    string? TermEn = null,
    List<FeeData>? Fees = null,
    string? Source = null);

internal sealed record FeeData(string NameLv, string NameEn, decimal? AmountEur, decimal? VatPercent, string? NoteLv = null, string? NoteEn = null);

internal sealed record ContactChannelData(
    string Code,
    string NameLv,
    string NameEn,
    string? Phone = null,
    string? Email = null,
    string? PostalAddress = null,
    string? Url = null,
    string? HoursLv = null,
    string? HoursEn = null,
    string? DescriptionLv = null,
    string? DescriptionEn = null);

internal sealed record ReferralData(
    string NameLv,
    string NameEn,
    string? TopicsLv = null,
    string? TopicsEn = null,
    string? Phone = null,
    string? Email = null,
    string? Website = null,
    string? Address = null,
    string? Source = null);

/// <summary>A special calendar day (festival closing day, one-off holiday, moved day off or moved working Saturday).</summary>
internal sealed record SpecialDayData(
    DateOnly Date,
    Calendar.SpecialDayKind Kind,
    string NameLv,
    string NameEn,
    string? LegalBasis = null,
    DateOnly? MovedFrom = null,
    string? Source = null);

/// <summary>A schedule rule; times are "HH:mm" in Europe/Riga, weekdays and channels by name, locations by slug.</summary>
internal sealed record ScheduleRuleData(
    string Code,
    string NameLv,
    string NameEn,
    Calendar.WindowKind Kind,
    List<string> Weekdays,
    TimeOnly Start,
    TimeOnly End,
    List<BreakData>? Breaks = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    CutoffData? Cutoff = null,
    List<string>? Channels = null,
    string? BookingPhone = null,
    List<string>? Locations = null,
    List<string>? Replaces = null,
    bool NeedsReview = false,
    string? ReviewNote = null,
    string? Source = null);

internal sealed record BreakData(TimeOnly Start, TimeOnly End);

/// <summary>A booking cut-off: "weekdayOfSameWeek" with a weekday, or "daysBefore" with a number of days; and a time.</summary>
internal sealed record CutoffData(Calendar.CutoffKind Kind, TimeOnly Time, DayOfWeek? Weekday = null, int? DaysBefore = null);

/// <summary>A closure of a location (by slug) from one date to another, inclusive.</summary>
internal sealed record ClosureData(string Location, DateOnly StartsOn, DateOnly EndsOn, string ReasonLv, string ReasonEn);
