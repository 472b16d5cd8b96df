using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Calendar;

/// <summary>A year's public holidays, moved working days, weekend-rule days off and shortened days, for the public.</summary>
public sealed class HolidaysModel(ClientDeskDb db, CalendarStore calendars, TimeProvider clock) : PageModel
{
    public YearOverview Year { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var chosen = year ?? RigaTime.Today(clock).Year;
        if (chosen is < LatvianHolidays.FirstYear or > LatvianHolidays.LastYear)
        {
            return NotFound();
        }

        Year = YearOverview.Of((await calendars.GetAsync(db, ct)).WorkingDays, chosen);
        return Page();
    }
}
