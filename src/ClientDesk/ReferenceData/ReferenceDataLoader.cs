using ClientDesk.Catalogue;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.ReferenceData;

/// <summary>
/// Loads reference-data.json into an empty database. From then on administrators own the data in the app,
/// so a database that already has regions is never touched again.
/// </summary>
internal static class ReferenceDataLoader
{
    public static async Task<bool> LoadIfEmptyAsync(ClientDeskDb db, ReferenceDataFile file, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct))
        {
            return await AddScheduleRulesIfNoneAsync(db, file, ct);
        }

        var regions = file.Regions.ToDictionary(r => r.Slug, r => new Region { Slug = r.Slug, NameLv = r.NameLv, NameEn = r.NameEn });
        var locations = file.Locations.ToDictionary(l => l.Slug, l => new Location
        {
            Slug = l.Slug,
            NameLv = l.NameLv,
            NameEn = l.NameEn,
            Region = regions.TryGetValue(l.Region, out var region)
                ? region
                : throw new InvalidDataException($"Location '{l.Slug}' names an unknown region '{l.Region}'."),
            Premises = l.Premises,
            Address = l.Address,
            Room = l.Room,
            Phone = l.Phone,
            Email = l.Email,
            Latitude = l.Latitude,
            Longitude = l.Longitude,
            IsHeadOffice = l.HeadOffice,
            NeedsReview = l.NeedsReview,
            ReviewNote = l.ReviewNote,
            Source = l.Source ?? "",
        });

        db.Regions.AddRange(regions.Values);
        db.Locations.AddRange(locations.Values);
        db.Services.AddRange(file.Services.Select(s => ToService(s, locations)));
        db.ContactChannels.AddRange(file.ContactChannels.Select((c, i) => new ContactChannel
        {
            Code = c.Code,
            Position = i + 1,
            NameLv = c.NameLv,
            NameEn = c.NameEn,
            Phone = c.Phone,
            Email = c.Email,
            PostalAddress = c.PostalAddress,
            Url = c.Url,
            HoursLv = c.HoursLv ?? "",
            HoursEn = c.HoursEn ?? "",
            DescriptionLv = c.DescriptionLv ?? "",
            DescriptionEn = c.DescriptionEn ?? "",
        }));
        db.ReferralInstitutions.AddRange(file.Referrals.Select(r => new ReferralInstitution
        {
            NameLv = r.NameLv,
            NameEn = r.NameEn,
            TopicsLv = r.TopicsLv ?? "",
            TopicsEn = r.TopicsEn ?? "",
            Phone = r.Phone,
            Email = r.Email,
            Website = r.Website,
            Address = r.Address,
            Source = r.Source ?? "",
        }));

        db.SpecialDays.AddRange((file.SpecialDays ?? []).Select(d => new Calendar.SpecialDay
        {
            Date = d.Date,
            Kind = d.Kind,
            NameLv = d.NameLv,
            NameEn = d.NameEn,
            LegalBasis = d.LegalBasis ?? "",
            MovedFrom = d.MovedFrom,
            Source = d.Source ?? "",
        }));

        db.ScheduleRules.AddRange(ToRules(file, locations));
        db.LocationClosures.AddRange((file.Closures ?? []).Select(c => new Calendar.LocationClosure
        {
            Location = FindLocation(locations, c.Location, "A closure"),
            StartsOn = c.StartsOn,
            EndsOn = c.EndsOn,
            ReasonLv = c.ReasonLv,
            ReasonEn = c.ReasonEn,
        }));

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A database loaded before schedule rules existed gets the shipped rules once; after that the administrators own
    /// them (rules are deactivated, never deleted, so an empty table means none were ever loaded).
    /// </summary>
    private static async Task<bool> AddScheduleRulesIfNoneAsync(ClientDeskDb db, ReferenceDataFile file, CancellationToken ct)
    {
        if (file.ScheduleRules is not { Count: > 0 } || await db.ScheduleRules.AnyAsync(ct))
        {
            return false;
        }

        var locations = await db.Locations.ToDictionaryAsync(l => l.Slug, ct);
        db.ScheduleRules.AddRange(ToRules(file, locations));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IEnumerable<Calendar.ScheduleRule> ToRules(ReferenceDataFile file, Dictionary<string, Location> locations)
    {
        var rules = (file.ScheduleRules ?? []).ToDictionary(r => r.Code, r => ToRule(r, locations));
        foreach (var data in file.ScheduleRules ?? [])
        {
            rules[data.Code].Replaces = (data.Replaces ?? []).Select(code => rules.TryGetValue(code, out var replaced)
                ? replaced
                : throw new InvalidDataException($"Schedule rule '{data.Code}' replaces an unknown rule '{code}'.")).ToList();
        }

        return rules.Values;
    }

    private static Location FindLocation(Dictionary<string, Location> locations, string slug, string what) =>
        locations.TryGetValue(slug, out var location)
            ? location
            : throw new InvalidDataException($"{what} names an unknown location '{slug}'.");

    private static Calendar.ScheduleRule ToRule(ScheduleRuleData r, Dictionary<string, Location> locations) => new()
    {
        Code = r.Code,
        NameLv = r.NameLv,
        NameEn = r.NameEn,
        Kind = r.Kind,
        Weekdays = Calendar.ScheduleTerms.ParseWeekdays(r.Weekdays),
        Start = r.Start,
        End = r.End,
        Breaks = (r.Breaks ?? []).Select(b => new Calendar.ScheduleBreak { Start = b.Start, End = b.End }).ToList(),
        ValidFrom = r.ValidFrom,
        ValidTo = r.ValidTo,
        CutoffKind = r.Cutoff?.Kind ?? Calendar.CutoffKind.None,
        CutoffWeekday = r.Cutoff?.Weekday,
        CutoffDaysBefore = r.Cutoff?.DaysBefore,
        CutoffTime = r.Cutoff?.Time,
        BookingChannels = Calendar.ScheduleTerms.ParseChannels(r.Channels ?? []),
        BookingPhone = r.BookingPhone,
        Locations = (r.Locations ?? []).Select(slug => FindLocation(locations, slug, $"Schedule rule '{r.Code}'")).ToList(),
        NeedsReview = r.NeedsReview,
        ReviewNote = r.ReviewNote,
        Source = r.Source ?? "",
    };

    private static Service ToService(ServiceData s, Dictionary<string, Location> locations) => new()
    {
        Code = s.Code,
        NameLv = s.NameLv,
        NameEn = s.NameEn,
        DescriptionLv = s.DescriptionLv,
        DescriptionEn = s.DescriptionEn,
        DurationMinutes = s.DurationMinutes,
        RequestChannels = ChannelList.Parse(s.RequestChannels),
        ReceiveChannels = ChannelList.Parse(s.ReceiveChannels),
        OnSite = s.OnSite,
        DocumentsLv = string.Join('\n', s.DocumentsLv ?? []),
        DocumentsEn = string.Join('\n', s.DocumentsEn ?? []),
        TermLv = s.TermLv ?? "",
        TermEn = s.TermEn ?? "",
        Source = s.Source ?? "",
        Fees = (s.Fees ?? []).Select((f, i) => new FeeLine
        {
            Position = i + 1,
            NameLv = f.NameLv,
            NameEn = f.NameEn,
            AmountEur = f.AmountEur,
            VatPercent = f.VatPercent,
            NoteLv = f.NoteLv ?? "",
            NoteEn = f.NoteEn ?? "",
        }).ToList(),
        Locations = s.Locations is ["*"]
            ? [.. locations.Values]
            : s.Locations.Select(slug => locations.TryGetValue(slug, out var location)
                ? location
                : throw new InvalidDataException($"Service '{s.Code}' names an unknown location '{slug}'.")).ToList(),
    };
}
