using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Closures;

/// <summary>Deleting a closure asks first, showing the days that open again; then Post/Redirect/Get to the list.</summary>
public sealed class DeleteModel(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public string LocationName { get; private set; } = "";

    public LocationClosure Closure { get; private set; } = null!;

    public IReadOnlyList<PreviewGroup> Preview { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: false, ct))
        {
            return NotFound();
        }

        Version = Closure.Version;
        var before = await CalendarStore.LoadAsync(db, ct);
        var after = new LocationCalendar(before.WorkingDays, before.Rules, before.Closures.Where(c => c.Id != Id));
        Preview = [new PreviewGroup(a["Closure.PreviewAt", LocationName], CalendarPreview.Changes(a, before, after, Closure.LocationId, Closure.StartsOn, Closure.EndsOn))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: true, ct))
        {
            return NotFound();
        }

        db.Entry(Closure).Property(c => c.Version).OriginalValue = Version;
        db.LocationClosures.Remove(Closure);
        if (await this.TrySaveAsync(db, t, "", t["ConcurrencyFailure"], ct))
        {
            return this.Saved(a["Closure.Deleted", LocationName, a.Date(Closure.StartsOn), a.Date(Closure.EndsOn)], "/admin/calendar/closures");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.LocationClosures.Include(c => c.Location) : db.LocationClosures.AsNoTracking().Include(c => c.Location);
        if (await query.FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } closure)
        {
            return false;
        }

        Closure = closure;
        LocationName = Localization.Pick(closure.Location.NameLv, closure.Location.NameEn);
        return true;
    }
}
