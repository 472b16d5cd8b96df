using System.Globalization;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception;

/// <summary>An official as the public sees them: the post, the name when set, the place, room and hours.</summary>
public sealed record OfficialView(
    int Id, string Key, OfficialKind Kind, string Title, string? Name, string? Place, string? Address, string? Room, string? Phone, string? Email,
    IReadOnlyList<string> Hours)
{
    public bool HasHours => Hours.Count > 0;

    /// <summary>The active officials, the Director first, with the hours valid from today, in the reader's language.</summary>
    public static async Task<IReadOnlyList<OfficialView>> ListAsync(
        ClientDeskDb db, DateOnly today, IStringLocalizer<ReceptionTexts> t, bool activeOnly = true, CancellationToken ct = default)
    {
        var english = Localization.IsEnglish;
        var officials = await db.ReceptionOfficials.AsNoTracking()
            .Where(o => !activeOnly || o.IsActive)
            .Include(o => o.Location).Include(o => o.StaffMember).Include(o => o.Hours)
            .OrderBy(o => o.Kind).ThenBy(o => o.RegionId).AsSplitQuery().ToListAsync(ct);
        return officials.Select(o => new OfficialView(
            o.Id, o.Key, o.Kind, o.Title(english), o.StaffMember?.FullName,
            o.Location is null ? null : Localization.Pick(o.Location.NameLv, o.Location.NameEn), o.Location?.Address, o.Room, o.Phone, o.Email,
            [.. o.Hours.Where(h => h.ValidTo is null || h.ValidTo >= today).OrderBy(h => ((int)h.Weekday + 6) % 7).ThenBy(h => h.Start).Select(h => HoursText(h, today, t))]))
            .ToList();
    }

    public static string HoursText(ReceptionHours h, DateOnly today, IStringLocalizer<ReceptionTexts> t)
    {
        var text = t["Hours.Line", t["Weekdays." + h.Weekday], h.Start.ToString("H:mm", CultureInfo.InvariantCulture), h.End.ToString("H:mm", CultureInfo.InvariantCulture)].Value;
        if (h.ValidFrom > today)
        {
            text += " " + t["Hours.From", h.ValidFrom.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)];
        }

        if (h.ValidTo is { } to)
        {
            text += " " + t["Hours.To", to.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)];
        }

        return text;
    }
}
