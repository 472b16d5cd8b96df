using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Closures;

/// <summary>What the new-closure and edit-closure pages share: the form, its checks, the preview and the save.</summary>
public abstract class ClosureFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public ClosureInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Locations { get; private set; } = [];

    /// <summary>Set by the preview: the days that change at the location(s), as they are now and as they would be.</summary>
    public IReadOnlyList<PreviewGroup>? Preview { get; private set; }

    protected ClientDeskDb Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        Locations = (await AdminSupport.LocationChoicesAsync(db, ct))
            .Select(l => new SelectListItem(l.IsActive ? l.Name : $"{l.Name} ({a["Common.Inactive"]})", l.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The checks the attributes cannot make: a known location, the order and range of the dates, no overlap.</summary>
    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (!await db.Locations.AnyAsync(l => l.Id == Input.LocationId, ct))
        {
            ModelState.AddModelError("Input.LocationId", t["Validation.Required", a["Closure.Location"]]);
        }

        foreach (var (date, key, name) in new[] { (Input.StartsOn, "Input.StartsOn", "Closure.StartsOn"), (Input.EndsOn, "Input.EndsOn", "Closure.EndsOn") })
        {
            if (date is { } d && !ScheduleWording.IsInCalendarRange(d))
            {
                ModelState.AddModelError(key, a["Schedule.DateOutOfRange", a[name]]);
            }
        }

        if (Input.StartsOn is { } start && Input.EndsOn is { } end && end < start)
        {
            ModelState.AddModelError("Input.EndsOn", a["Closure.EndBeforeStart"]);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var (first, last) = (Input.StartsOn!.Value, Input.EndsOn!.Value);
        var other = await db.LocationClosures.AsNoTracking()
            .Where(c => c.LocationId == Input.LocationId && c.Id != currentId && c.StartsOn <= last && c.EndsOn >= first)
            .OrderBy(c => c.StartsOn)
            .Select(c => new { c.StartsOn, c.EndsOn, c.ReasonLv, c.ReasonEn, c.Location.NameLv, c.Location.NameEn })
            .FirstOrDefaultAsync(ct);
        if (other is not null)
        {
            ModelState.AddModelError("Input.StartsOn", a["Closure.Overlaps", Localization.Pick(other.NameLv, other.NameEn),
                a.Date(other.StartsOn), a.Date(other.EndsOn), Localization.Pick(other.ReasonLv, other.ReasonEn)]);
        }
    }

    /// <summary>
    /// The days that change with the closure as proposed, against the calendar as stored; when an edit moves the
    /// closure, the days it leaves reopen and are listed too.
    /// </summary>
    protected async Task BuildPreviewAsync(LocationClosure? stored, CancellationToken ct)
    {
        var before = await CalendarStore.LoadAsync(db, ct);
        var proposed = Input.ToRecord(stored?.Id ?? 0);
        var after = new LocationCalendar(before.WorkingDays, before.Rules, before.Closures.Where(c => c.Id != stored?.Id).Append(proposed));
        var names = await db.Locations.AsNoTracking().Select(l => new { l.Id, l.NameLv, l.NameEn }).ToDictionaryAsync(l => l.Id, ct);
        string Title(int locationId) => a["Closure.PreviewAt", Localization.Pick(names[locationId].NameLv, names[locationId].NameEn)];

        var (from, to) = (proposed.StartsOn, proposed.EndsOn);
        var groups = new List<PreviewGroup>();
        if (stored is not null && stored.LocationId == proposed.LocationId)
        {
            (from, to) = (stored.StartsOn < from ? stored.StartsOn : from, stored.EndsOn > to ? stored.EndsOn : to);
        }
        else if (stored is not null)
        {
            groups.Add(new PreviewGroup(Title(stored.LocationId), CalendarPreview.Changes(a, before, after, stored.LocationId, stored.StartsOn, stored.EndsOn)));
        }

        groups.Insert(0, new PreviewGroup(Title(proposed.LocationId), CalendarPreview.Changes(a, before, after, proposed.LocationId, from, to)));
        Preview = groups;
    }

    /// <summary>Closures have no unique index, so only the concurrency message can come back from the save.</summary>
    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "", t["ConcurrencyFailure"], ct);

    protected async Task<IActionResult> SavedAsync(LocationClosure closure, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == closure.LocationId).Select(l => new { l.NameLv, l.NameEn }).SingleAsync(ct);
        return this.Saved(a["Closure.Saved", Localization.Pick(location.NameLv, location.NameEn), a.Date(closure.StartsOn), a.Date(closure.EndsOn)],
            "/admin/calendar/closures");
    }
}

public sealed class ClosureInput
{
    [Display(Name = "Closure.Location")]
    public int LocationId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Closure.StartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Closure.EndsOn")]
    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Closure.ReasonLv")]
    public string ReasonLv { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Closure.ReasonEn")]
    public string ReasonEn { get; set; } = "";

    public Guid Version { get; set; }

    public static ClosureInput From(LocationClosure c) => new()
    {
        LocationId = c.LocationId,
        StartsOn = c.StartsOn,
        EndsOn = c.EndsOn,
        ReasonLv = c.ReasonLv,
        ReasonEn = c.ReasonEn,
        Version = c.Version,
    };

    /// <summary>The checked input as the pure calendar reads a closure; call only when the input is valid.</summary>
    public ClosureRecord ToRecord(int id) => new(id, LocationId, StartsOn!.Value, EndsOn!.Value, ReasonLv.Trim(), ReasonEn.Trim());

    public void ApplyTo(LocationClosure c)
    {
        c.LocationId = LocationId;
        c.StartsOn = StartsOn!.Value;
        c.EndsOn = EndsOn!.Value;
        c.ReasonLv = ReasonLv.Trim();
        c.ReasonEn = ReasonEn.Trim();
    }
}
