using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Administration.Schedules.Rules;

public sealed class IndexModel(ClientDeskDb db) : PageModel
{
    public sealed record Row(int Id, string Code, string NameLv, string NameEn, WindowKind Kind, Weekdays Weekdays, TimeOnly Start, TimeOnly End,
        IReadOnlyList<TimeRange> Breaks, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<(string Lv, string En)> Locations,
        IReadOnlyList<string> Replaces, bool IsActive, bool NeedsReview, string? ReviewNote);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rules = await db.ScheduleRules.AsNoTracking()
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Code)
            .Select(r => new
            {
                r.Id, r.Code, r.NameLv, r.NameEn, r.Kind, r.Weekdays, r.Start, r.End, r.ValidFrom, r.ValidTo, r.IsActive, r.NeedsReview, r.ReviewNote,
                Breaks = r.Breaks.OrderBy(b => b.Start).Select(b => new { b.Start, b.End }).ToList(),
                Locations = r.Locations.OrderBy(l => l.NameLv).Select(l => new { l.NameLv, l.NameEn }).ToList(),
                Replaces = r.Replaces.OrderBy(x => x.Code).Select(x => x.Code).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        Rows = rules.Select(r => new Row(r.Id, r.Code, r.NameLv, r.NameEn, r.Kind, r.Weekdays, r.Start, r.End,
                [.. r.Breaks.Select(b => new TimeRange(b.Start, b.End))], r.ValidFrom, r.ValidTo,
                [.. r.Locations.Select(l => (l.NameLv, l.NameEn))], r.Replaces, r.IsActive, r.NeedsReview, r.ReviewNote))
            .ToList();
    }
}
