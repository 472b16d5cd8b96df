using System.Security.Cryptography;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Reception;

/// <summary>Texts of the reception pages and messages: Latvian in ReceptionTexts.resx, English in ReceptionTexts.en.resx.</summary>
public sealed class ReceptionTexts;

/// <summary>A meeting time offered from an official's hours (Riga local date and start).</summary>
public readonly record struct ReceptionSlot(DateOnly Date, TimeOnly Start)
{
    public string Value => $"{Date:yyyy-MM-dd}T{Start:HH\\:mm}";

    public static bool TryParse(string? value, out ReceptionSlot slot)
    {
        slot = default;
        var parts = (value ?? "").Split('T');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start))
        {
            slot = new ReceptionSlot(date, start);
            return true;
        }

        return false;
    }
}

/// <summary>What a new request brings, from the public form or from staff registering a phone call or e-mail.</summary>
public sealed record ReceptionIntake(int OfficialId, string Topic, string ClientName, string? Phone, string? Email, string Language, ReceptionChannel Channel)
{
    public ReceptionSlot? Wished { get; init; }
    public string? PreferredTimes { get; init; }
    public string? RegisteredByStaffId { get; init; }
    public int? CaseId { get; init; }
}

/// <summary>
/// Reception requests: the officials (seeded from V-1 and V-2 when there are none), the times their hours offer,
/// registering a request under the next number, and finding one by its number and secret.
/// </summary>
public sealed class Receptions(ClientDeskDb db, TimeProvider clock, ReceptionNotices notices)
{
    /// <summary>How far ahead the public form offers times from the hours.</summary>
    public const int DaysAhead = 28;

    /// <summary>
    /// The posts V-1 and V-2 name, added when there are none: the Director in the head office's room 614 (phone 67027149),
    /// and a head for each region, whose office and room the sources do not give (left for administrators).
    /// No hours are added: the sources give none.
    /// </summary>
    public static async Task EnsureOfficialsAsync(ClientDeskDb db, CancellationToken ct = default)
    {
        if (await db.ReceptionOfficials.AnyAsync(ct))
        {
            return;
        }

        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var headOffice = await db.Locations.AsNoTracking().Where(l => l.IsHeadOffice).Select(l => new { l.Id, l.RegionId }).FirstOrDefaultAsync(ct);
        if (headOffice is null || regions.Count == 0)
        {
            return;
        }

        db.ReceptionOfficials.Add(new ReceptionOfficial
        {
            Key = "director",
            Kind = OfficialKind.Director,
            TitleLv = "Direktors",
            TitleEn = "Director",
            RegionId = headOffice.RegionId,
            LocationId = headOffice.Id,
            Room = "614",
            Phone = "67027149",
        });
        foreach (var region in regions)
        {
            db.ReceptionOfficials.Add(new ReceptionOfficial
            {
                Key = "head-" + region.Slug,
                Kind = OfficialKind.RegionalHead,
                TitleLv = $"Reģionālās nodaļas vadītājs — {region.NameLv}",
                TitleEn = $"Head of the regional division — {region.NameEn}",
                RegionId = region.Id,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Administration.AdminSupport.IsUniqueViolation(e))
        {
            // Another instance added them at the same moment.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The free starts of an official's hours from tomorrow for <see cref="DaysAhead"/> days: working days only (holidays,
    /// moved days off), not on a closure of the official's office, and not already confirmed to someone else.
    /// </summary>
    public async Task<IReadOnlyList<ReceptionSlot>> FreeSlotsAsync(int officialId, CancellationToken ct = default)
    {
        var today = RigaTime.Today(clock);
        return await FreeSlotsAsync(officialId, today.AddDays(1), today.AddDays(DaysAhead), ct);
    }

    public async Task<IReadOnlyList<ReceptionSlot>> FreeSlotsAsync(int officialId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var official = await db.ReceptionOfficials.AsNoTracking().Include(o => o.Hours).SingleAsync(o => o.Id == officialId, ct);
        if (official.Hours.Count == 0)
        {
            return [];
        }

        var calendar = await CalendarSource.LoadAsync(db, ct);
        var closures = official.LocationId is { } locationId
            ? await db.LocationClosures.AsNoTracking().Where(c => c.LocationId == locationId && c.EndsOn >= from && c.StartsOn <= to)
                .Select(c => new { c.StartsOn, c.EndsOn }).ToListAsync(ct)
            : [];
        var taken = (await db.ReceptionRequests.AsNoTracking()
                .Where(r => r.OfficialId == officialId && r.Status == ReceptionStatus.Confirmed && r.ConfirmedDate >= from && r.ConfirmedDate <= to)
                .Select(r => new { r.ConfirmedDate, r.ConfirmedStart }).ToListAsync(ct))
            .Select(r => new ReceptionSlot(r.ConfirmedDate!.Value, r.ConfirmedStart!.Value)).ToHashSet();
        var now = RigaTime.Now(clock);

        var slots = new List<ReceptionSlot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date) || closures.Any(c => c.StartsOn <= date && date <= c.EndsOn))
            {
                continue;
            }

            foreach (var hours in official.Hours.Where(h => h.AppliesOn(date)).OrderBy(h => h.Start))
            {
                for (var start = hours.Start; start.AddMinutes(hours.SlotMinutes) <= hours.End && start >= hours.Start; start = start.AddMinutes(hours.SlotMinutes))
                {
                    var slot = new ReceptionSlot(date, start);
                    if (!taken.Contains(slot) && date.ToDateTime(start) > now)
                    {
                        slots.Add(slot);
                    }
                }
            }
        }

        return slots.Distinct().OrderBy(s => s.Date).ThenBy(s => s.Start).ToList();
    }

    /// <summary>Why a time chosen by staff is unusual (outside the hours, on a day off or a closure); empty when it is not.</summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(int officialId, DateOnly date, TimeOnly start, CancellationToken ct = default)
    {
        var warnings = new List<string>();
        var calendar = await CalendarSource.LoadAsync(db, ct);
        if (!calendar.IsWorkingDay(date))
        {
            warnings.Add("Warning.DayOff");
        }

        var official = await db.ReceptionOfficials.AsNoTracking().Include(o => o.Hours).SingleAsync(o => o.Id == officialId, ct);
        if (official.LocationId is { } locationId
            && await db.LocationClosures.AnyAsync(c => c.LocationId == locationId && c.StartsOn <= date && c.EndsOn >= date, ct))
        {
            warnings.Add("Warning.Closed");
        }

        if (official.Hours.Count > 0 && !official.Hours.Any(h => h.AppliesOn(date) && h.Start <= start && start.AddMinutes(h.SlotMinutes) <= h.End))
        {
            warnings.Add("Warning.OutsideHours");
        }

        return warnings;
    }

    /// <summary>Saves a new request under the next number of its year; the status secret is returned once and only its hash is kept.</summary>
    public async Task<(ReceptionRequest Request, string Token)> RegisterAsync(ReceptionIntake intake, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = SecretLinks.NewToken();
        var request = new ReceptionRequest
        {
            OfficialId = intake.OfficialId,
            Topic = intake.Topic,
            ClientName = intake.ClientName,
            Phone = intake.Phone,
            Email = intake.Email,
            Language = intake.Language,
            WishedDate = intake.Wished?.Date,
            WishedStart = intake.Wished?.Start,
            PreferredTimes = intake.PreferredTimes,
            Channel = intake.Channel,
            RegisteredByStaffId = intake.RegisteredByStaffId,
            CaseId = intake.CaseId,
            StatusTokenHash = SecretLinks.Hash(token),
            Year = RigaTime.Today(clock).Year,
            CreatedAtUtc = now,
        };

        var scope = $"reception:{request.Year}";
        Task<int?> HighestInUse(CancellationToken cancel) =>
            db.ReceptionRequests.Where(r => r.Year == request.Year).MaxAsync(r => (int?)r.Sequence, cancel);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        request.Sequence = await Numbering.NextAsync(db, scope, HighestInUse, ct);
        db.ReceptionRequests.Add(request);
        await notices.QueueAsync(request, ReceptionNotices.ReceivedKind, token, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (request, token);
    }

    /// <summary>The request with this number whose secret matches; null for a wrong number or secret alike.</summary>
    public async Task<ReceptionRequest?> FindForClientAsync(string? number, string? token, CancellationToken ct = default)
    {
        if (!SecretLinks.TryHash(token, out var hash) || !ReceptionRequest.TryParseNumber(number, out var year, out var sequence))
        {
            return null;
        }

        return await db.ReceptionRequests.Include(r => r.Official).ThenInclude(o => o.Location).Include(r => r.Official).ThenInclude(o => o.StaffMember)
            .SingleOrDefaultAsync(r => r.Year == year && r.Sequence == sequence && r.StatusTokenHash == hash, ct);
    }

    /// <summary>
    /// Saves a confirmation or proposal and writes its message, carrying a new status link: only the hash of a secret is
    /// kept, so a message can hold a link only by issuing a new secret, and the link in an older message stops working.
    /// False when the official already has a confirmed meeting at that start (the database's unique index decides).
    /// </summary>
    public async Task<bool> SaveWithNoticeAsync(ReceptionRequest request, string kind, CancellationToken ct = default)
    {
        var token = SecretLinks.NewToken();
        request.StatusTokenHash = SecretLinks.Hash(token);
        await notices.QueueAsync(request, kind, token, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (Administration.AdminSupport.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

}
