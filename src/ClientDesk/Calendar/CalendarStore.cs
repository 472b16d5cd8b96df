using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientDesk.Calendar;

/// <summary>
/// One row per saved change to calendar data (special days, schedule rules, breaks, closures), written in the same
/// transaction as the change by <see cref="CalendarChangeInterceptor"/>. Their count is the calendar's version:
/// rows are only ever added, so the count grows with every committed change whatever order transactions commit in.
/// </summary>
public sealed class CalendarChange
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>Notes a <see cref="CalendarChange"/> whenever a save touches calendar data.</summary>
internal sealed class CalendarChangeInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> CalendarTypes = [typeof(SpecialDay), typeof(ScheduleRule), typeof(ScheduleBreak), typeof(LocationClosure)];
    private static readonly HashSet<string> CalendarJoins = ["ScheduleRuleLocations", "ScheduleRuleReplacements"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Note(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var touched = db.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && (CalendarTypes.Contains(e.Metadata.ClrType) || CalendarJoins.Contains(e.Metadata.Name)));
        if (touched && !db.ChangeTracker.Entries<CalendarChange>().Any(e => e.State == EntityState.Added))
        {
            db.Add(new CalendarChange { AtUtc = clock.GetUtcNow().UtcDateTime });
        }
    }
}

/// <summary>
/// Keeps the current <see cref="LocationCalendar"/> in memory. Each request asks the database one cheap question (how
/// many calendar changes are there?) and rebuilds the calendar only when another save — on any app instance — has
/// changed it since.
/// </summary>
public sealed class CalendarStore
{
    private readonly Lock gate = new();
    private (long Version, LocationCalendar Calendar)? current;

    public async Task<LocationCalendar> GetAsync(ClientDeskDb db, CancellationToken ct = default) =>
        await GetAsync(db, await db.CalendarChanges.LongCountAsync(ct), ct);

    /// <summary>The calendar at a version the caller has just read itself (a booking reads it with its other facts).</summary>
    public async Task<LocationCalendar> GetAsync(ClientDeskDb db, long version, CancellationToken ct = default)
    {
        lock (gate)
        {
            if (current is { } cached && cached.Version == version)
            {
                return cached.Calendar;
            }
        }

        var calendar = await LoadAsync(db, ct);
        lock (gate)
        {
            if (current is null || current.Value.Version <= version)
            {
                current = (version, calendar);
            }
        }

        return calendar;
    }

    /// <summary>Reads everything the calendar needs, straight from the database.</summary>
    public static async Task<LocationCalendar> LoadAsync(ClientDeskDb db, CancellationToken ct = default)
    {
        var workingDays = await CalendarSource.LoadAsync(db, ct);
        var rules = await db.ScheduleRules.AsNoTracking()
            .Where(r => r.IsActive)
            .Select(r => new
            {
                r.Id, r.Code, r.NameLv, r.NameEn, r.Kind, r.Weekdays, r.Start, r.End, r.ValidFrom, r.ValidTo,
                r.CutoffKind, r.CutoffWeekday, r.CutoffDaysBefore, r.CutoffTime, r.BookingChannels, r.BookingPhone,
                Breaks = r.Breaks.Select(b => new { b.Start, b.End }).ToList(),
                Locations = r.Locations.Select(l => l.Id).ToList(),
                Replaces = r.Replaces.Select(x => x.Id).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var closures = await db.LocationClosures.AsNoTracking()
            .Select(c => new ClosureRecord(c.Id, c.LocationId, c.StartsOn, c.EndsOn, c.ReasonLv, c.ReasonEn))
            .ToListAsync(ct);
        return new LocationCalendar(
            workingDays,
            rules.Select(r => new ScheduleRuleRecord(
                r.Id, r.Code, r.NameLv, r.NameEn, r.Kind, r.Weekdays, r.Start, r.End,
                [.. r.Breaks.Select(b => new TimeRange(b.Start, b.End))],
                r.ValidFrom, r.ValidTo, r.CutoffKind, r.CutoffWeekday, r.CutoffDaysBefore, r.CutoffTime, r.BookingChannels, r.BookingPhone,
                r.Locations.ToHashSet(), r.Replaces.ToHashSet())),
            closures);
    }
}
