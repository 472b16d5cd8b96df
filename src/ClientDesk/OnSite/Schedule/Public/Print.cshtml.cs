using ClientDesk.Catalogue;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.OnSite.Schedule.Public;

/// <summary>A region's stops on A4, grouped by date, to print and pin up (parish offices, workshops).</summary>
public sealed class PrintModel(InspectionSchedule schedule, TimeProvider clock) : PageModel
{
    public Region Region { get; private set; } = null!;
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public IReadOnlyList<IGrouping<DateOnly, InspectionStop>> Days { get; private set; } = [];
    public decimal? Fee { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? region, string? from, string? to, CancellationToken ct)
    {
        if ((await schedule.RegionsAsync(ct)).FirstOrDefault(r => r.Slug == region) is not { } found)
        {
            return NotFound();
        }

        var today = RigaTime.Today(clock);
        From = StopValues.TryDate(from, out var first) ? first : today;
        To = StopValues.TryDate(to, out var last) && last >= From && last.DayNumber - From.DayNumber < InspectionSchedule.MaxDays ? last : From.AddDays(90);
        Region = found;
        Fee = await schedule.SchedulePlaceFeeAsync(ct);
        Days = [.. (await schedule.FindAsync(From, To, found.Id, null, ct)).Select(f => f.Stop).GroupBy(s => s.Date)];
        return Page();
    }
}
