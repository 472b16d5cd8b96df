using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Calendar;

/// <summary>Builds the pure <see cref="WorkingCalendar"/> from the special days stored in the database.</summary>
public static class CalendarSource
{
    public static async Task<WorkingCalendar> LoadAsync(ClientDeskDb db, CancellationToken ct = default)
    {
        var days = await db.SpecialDays.AsNoTracking()
            .Select(d => new SpecialDayRecord(d.Date, d.Kind, d.NameLv, d.NameEn, d.LegalBasis == "" ? null : d.LegalBasis, d.MovedFrom))
            .ToListAsync(ct);
        return new WorkingCalendar(days);
    }
}
