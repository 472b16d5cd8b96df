using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Schedules.SpecialDays;

/// <summary>The special days of one year (?year=, this year in Riga by default), in date order.</summary>
public sealed class IndexModel(ClientDeskDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateOnly Date, SpecialDayKind Kind, string NameLv, string NameEn, string LegalBasis, DateOnly? MovedFrom);

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShownYear = Math.Clamp(Year ?? RigaTime.Today(clock).Year, LatvianHolidays.FirstYear, LatvianHolidays.LastYear);
        var (first, last) = (new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31));
        Rows = await db.SpecialDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date).ThenBy(d => d.Kind)
            .Select(d => new Row(d.Id, d.Date, d.Kind, d.NameLv, d.NameEn, d.LegalBasis, d.MovedFrom))
            .ToListAsync(ct);
    }
}
