using ClientDesk.Access;
using ClientDesk.Catalogue;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.OnSite.Schedule.Staff;

/// <summary>The schedule's stops for staff, filtered by dates and region, with links to change them and to import a file.</summary>
[Authorize(Policy = Policies.InspectionSchedule)]
public sealed class IndexModel(InspectionSchedule schedule, TimeProvider clock) : PageModel
{
    public const string SuccessKey = "Schedule.Success";

    [TempData(Key = SuccessKey)]
    public string? Success { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public IReadOnlyList<FoundStop> Stops { get; private set; } = [];
    public IReadOnlySet<int>? Editable { get; private set; }
    public bool BadDates { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        Regions = await schedule.RegionsAsync(ct);
        Editable = await schedule.EditableRegionIdsAsync(User, ct);
        var first = today;
        var last = today.AddDays(InspectionSchedule.MaxDays - 1);
        if ((!string.IsNullOrEmpty(From) && !StopValues.TryDate(From, out first)) || (!string.IsNullOrEmpty(To) && !StopValues.TryDate(To, out last)) || last < first)
        {
            BadDates = true;
            return;
        }

        From = StopValues.Iso(first);
        To = StopValues.Iso(last);
        var region = Regions.FirstOrDefault(r => r.Slug == Region);
        Stops = await schedule.FindAsync(first, last, region?.Id, null, ct);
    }
}
