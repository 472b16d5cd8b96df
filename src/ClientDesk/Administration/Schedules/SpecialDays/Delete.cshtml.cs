using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.SpecialDays;

/// <summary>Deleting a special day asks first, showing how the month changes; then Post/Redirect/Get to the year.</summary>
public sealed class DeleteModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public SpecialDay Day { get; private set; } = null!;

    public IReadOnlyList<PreviewGroup> Preview { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SpecialDays.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, ct) is not { } day)
        {
            return NotFound();
        }

        Day = day;
        var before = await CalendarSource.LoadAsync(db, ct);
        var after = new WorkingCalendar(before.SpecialDays.Where(d => d.Date != day.Date || d.Kind != day.Kind));
        var from = new DateOnly(day.Date.Year, day.Date.Month, 1);
        Preview = [new PreviewGroup(a["SpecialDay.PreviewTitle"], CalendarPreview.Changes(a, before, after, from, from.AddMonths(1).AddDays(6)))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.SpecialDays.FirstOrDefaultAsync(d => d.Id == Id, ct) is not { } day)
        {
            return NotFound();
        }

        Day = day;
        db.SpecialDays.Remove(day);
        if (await this.TrySaveAsync(db, t, "", t["ConcurrencyFailure"], ct))
        {
            return this.Saved(a["SpecialDay.Deleted", a.Date(day.Date), a.SpecialDayKindText(day.Kind)], $"/admin/calendar/special-days?year={day.Date.Year}");
        }

        return Page();
    }
}
