using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Administration;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.OnSite.Schedule;

/// <summary>A stop as found by a search, with its distance from the searcher when they gave a point.</summary>
public sealed record FoundStop(InspectionStop Stop, double? DistanceKm);

/// <summary>The schedule's work: who may change which region, the CSV import, and the search.</summary>
public sealed class InspectionSchedule(ClientDeskDb db, StaffScope scope, TimeProvider clock)
{
    /// <summary>The longest date range one search (page or API) covers.</summary>
    public const int MaxDays = 366;

    /// <summary>The fee line of a scheduled place, as the reference data names it.</summary>
    public const string SchedulePlaceFeeName = "Transporta nodrošinājums: izbraukuma grafikā noteiktā vieta";

    public Task<List<Region>> RegionsAsync(CancellationToken ct) => db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// The regions a staff member may change: all for administrators and the director, else the regions of the
    /// member's own locations (an inspector plans the stops of their region).
    /// </summary>
    public async Task<IReadOnlySet<int>?> EditableRegionIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var locations = await scope.LocationIdsAsync(user, ct);
        if (locations is null)
        {
            return null;
        }

        return (await db.Locations.Where(l => locations.Contains(l.Id)).Select(l => l.RegionId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Region slugs and names (Latvian and English, any case, diacritics forgiven) to the region's id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RegionsByNameAsync(IReadOnlySet<int>? allowed, CancellationToken ct)
    {
        var names = new Dictionary<string, int>();
        foreach (var region in await RegionsAsync(ct))
        {
            if (allowed is null || allowed.Contains(region.Id))
            {
                names.TryAdd(ScheduleGazetteer.Plain(region.Slug), region.Id);
                names.TryAdd(ScheduleGazetteer.Plain(region.NameLv), region.Id);
                names.TryAdd(ScheduleGazetteer.Plain(region.NameEn), region.Id);
            }
        }

        return names;
    }

    /// <summary>
    /// Checks every line of the file, and against the stops already in the schedule; stores all of them in one
    /// SaveChanges (one transaction) only when there is no problem at all.
    /// </summary>
    public async Task<(int Imported, IReadOnlyList<ImportProblem> Problems)> ImportAsync(string csv, ClaimsPrincipal user, CancellationToken ct)
    {
        var allowed = await EditableRegionIdsAsync(user, ct);
        var (stops, problems) = StopCsv.Read(csv, await RegionsByNameAsync(allowed, ct), RigaTime.Today(clock));
        var found = problems.ToList();

        var dates = stops.Select(s => s.Date).Distinct().ToList();
        var existing = (await db.InspectionStops.AsNoTracking().Where(s => dates.Contains(s.Date))
                .Select(s => new { s.Date, s.StartTime, s.Municipality, s.PlaceName }).ToListAsync(ct))
            .Select(s => (s.Date, s.StartTime, ScheduleGazetteer.Plain(s.Municipality), ScheduleGazetteer.Plain(s.PlaceName)))
            .ToHashSet();
        foreach (var stop in stops)
        {
            if (existing.Contains((stop.Date, stop.Start, ScheduleGazetteer.Plain(stop.Municipality), ScheduleGazetteer.Plain(stop.PlaceName))))
            {
                found.Add(new ImportProblem(stop.Line, "Import.DuplicateInSchedule", StopValues.Iso(stop.Date), StopValues.Time(stop.Start), stop.PlaceName));
            }
        }

        if (found.Count > 0)
        {
            return (0, [.. found.OrderBy(p => p.Line)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.InspectionStops.AddRange(stops.Select(s => new InspectionStop
        {
            RegionId = s.RegionId, Municipality = s.Municipality, PlaceName = s.PlaceName, WhereExactly = s.WhereExactly,
            Latitude = s.Latitude, Longitude = s.Longitude, Date = s.Date, StartTime = s.Start, EndTime = s.End,
            NoteLv = s.NoteLv, NoteEn = s.NoteEn, CreatedAtUtc = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception))
        {
            // Someone saved one of these stops between the check and now: nothing of this file was stored.
            db.ChangeTracker.Clear();
            return (0, [new ImportProblem(0, "Import.SavedMeanwhile")]);
        }

        return (stops.Count, []);
    }

    /// <summary>
    /// Stops from <paramref name="from"/> to <paramref name="to"/> (inclusive), optionally of one region; by date and
    /// time, or nearest first with the distance when a point is given (stops without a point last).
    /// </summary>
    public async Task<IReadOnlyList<FoundStop>> FindAsync(
        DateOnly from, DateOnly to, int? regionId, (double Lat, double Lon)? near, CancellationToken ct)
    {
        var query = db.InspectionStops.AsNoTracking().Include(s => s.Region).Where(s => s.Date >= from && s.Date <= to);
        if (regionId is { } region)
        {
            query = query.Where(s => s.RegionId == region);
        }

        var stops = (await query.ToListAsync(ct)).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.PlaceName, StringComparer.Ordinal);
        if (near is not { } point)
        {
            return [.. stops.Select(s => new FoundStop(s, null))];
        }

        return [.. stops
            .Select(s => new FoundStop(s, s is { Latitude: { } lat, Longitude: { } lon } ? Math.Round(ScheduleGazetteer.DistanceKm(point, (lat, lon)), 1) : null))
            .OrderBy(f => f.DistanceKm ?? double.MaxValue)];
    }

    /// <summary>
    /// A typed place as a point: a town or municipality of the gazetteer, else a stop's own place or municipality
    /// (the first with a point), else null.
    /// </summary>
    public async Task<(double Lat, double Lon)?> PlaceAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (ScheduleGazetteer.Find(name) is { } town)
        {
            return town;
        }

        var wanted = ScheduleGazetteer.Plain(name);
        var points = await db.InspectionStops.AsNoTracking().Where(s => s.Latitude != null && s.Longitude != null)
            .Select(s => new { s.PlaceName, s.Municipality, s.Latitude, s.Longitude }).ToListAsync(ct);
        var match = points.FirstOrDefault(p => ScheduleGazetteer.Plain(p.PlaceName) == wanted)
            ?? points.FirstOrDefault(p => ScheduleGazetteer.Plain(p.Municipality) == wanted || ScheduleGazetteer.Plain(p.Municipality).Replace(" novads", "") == wanted);
        return match is null ? null : (match.Latitude!.Value, match.Longitude!.Value);
    }

    /// <summary>The travel fee of a scheduled place from the technical inspection's fee lines, or null when unknown.</summary>
    public Task<decimal?> SchedulePlaceFeeAsync(CancellationToken ct) =>
        db.FeeLines.AsNoTracking()
            .Where(f => f.NameLv == SchedulePlaceFeeName && f.AmountEur != null)
            .OrderBy(f => db.Services.Any(s => s.Id == f.ServiceId && s.Code == "technical-inspection") ? 0 : 1)
            .Select(f => f.AmountEur).FirstOrDefaultAsync(ct);

    /// <summary>The documents to bring to a technical inspection, one per line, in Latvian and English.</summary>
    public async Task<(string Lv, string En)> InspectionDocumentsAsync(CancellationToken ct) =>
        await db.Services.AsNoTracking().Where(s => s.Code == "technical-inspection")
            .Select(s => new ValueTuple<string, string>(s.DocumentsLv, s.DocumentsEn)).FirstOrDefaultAsync(ct);
}
