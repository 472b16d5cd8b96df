using System.ComponentModel.DataAnnotations;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.SpecialDays;

/// <summary>What the new-special-day and edit-special-day pages share: the form, its checks, the preview and the save.</summary>
public abstract class SpecialDayFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public SpecialDayInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Kinds { get; private set; } = [];

    /// <summary>Set by the preview: the days of the month whose place in the working-day calendar changes.</summary>
    public IReadOnlyList<PreviewGroup>? Preview { get; private set; }

    protected ClientDeskDb Db => db;

    protected void LoadChoices() =>
        Kinds = Enum.GetValues<SpecialDayKind>().Select(k => new SelectListItem(a.SpecialDayKindText(k), k.ToString())).ToList();

    /// <summary>
    /// The checks the attributes cannot make. There is no check against past dates: the Saeima can declare a
    /// holiday at a day's notice, so a holiday for today must be accepted.
    /// </summary>
    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", t["Binding.UnknownValueIsInvalid"]);
            return;
        }

        foreach (var (date, key, name) in new[] { (Input.Date, "Input.Date", "SpecialDay.Date"), (Input.MovedFrom, "Input.MovedFrom", "SpecialDay.MovedFrom") })
        {
            if (date is { } d && !ScheduleWording.IsInCalendarRange(d))
            {
                ModelState.AddModelError(key, a["Schedule.DateOutOfRange", a[name]]);
            }
        }

        if (Input.Kind == SpecialDayKind.MovedWorkingSaturday)
        {
            if (Input.Date is { } date && date.DayOfWeek != DayOfWeek.Saturday)
            {
                ModelState.AddModelError("Input.Date", a["SpecialDay.NotSaturday", a.Date(date)]);
            }

            if (Input.MovedFrom is not { } movedFrom)
            {
                ModelState.AddModelError("Input.MovedFrom", a["SpecialDay.MovedFromRequired"]);
            }
            else if (movedFrom.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                ModelState.AddModelError("Input.MovedFrom", a["SpecialDay.MovedFromWeekday", a.Date(movedFrom)]);
            }
        }
        else if (Input.MovedFrom is not null)
        {
            ModelState.AddModelError("Input.MovedFrom", a["SpecialDay.MovedFromOnlySaturday"]);
        }

        if (Input.Kind == SpecialDayKind.MovedDayOff && Input.Date is { DayOfWeek: DayOfWeek.Saturday or DayOfWeek.Sunday } weekend)
        {
            ModelState.AddModelError("Input.Date", a["SpecialDay.DayOffWeekday", a.Date(weekend)]);
        }

        if (Input.Date is { } day && await db.SpecialDays.AnyAsync(d => d.Date == day && d.Kind == Input.Kind && d.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.Date", Taken());
        }
    }

    /// <summary>
    /// Compares the working-day calendar with and without the change over the month(s) concerned, and a week after,
    /// where a weekend-rule day off may land.
    /// </summary>
    protected async Task BuildPreviewAsync(SpecialDay? stored, CancellationToken ct)
    {
        var before = await CalendarSource.LoadAsync(db, ct);
        var record = Input.ToRecord();
        var days = before.SpecialDays.Where(d => stored is null || d.Date != stored.Date || d.Kind != stored.Kind).Append(record);
        var after = new WorkingCalendar(days);

        var dates = new[] { record.Date, stored?.Date ?? record.Date, record.MovedFrom ?? record.Date };
        var first = dates.Min();
        var last = dates.Max();
        var from = new DateOnly(first.Year, first.Month, 1);
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1).AddDays(6);
        Preview = [new PreviewGroup(a["SpecialDay.PreviewTitle"], CalendarPreview.Changes(a, before, after, from, to))];
    }

    protected string Taken() =>
        a["SpecialDay.Taken", Input.Date is { } d ? a.Date(d) : "", a.SpecialDayKindText(Input.Kind)];

    protected Task<bool> TrySaveAsync(CancellationToken ct) => this.TrySaveAsync(db, t, "Input.Date", Taken(), ct);

    protected IActionResult Saved(SpecialDay day) =>
        this.Saved(a["SpecialDay.Saved", a.Date(day.Date), a.SpecialDayKindText(day.Kind)], $"/admin/calendar/special-days?year={day.Date.Year}");
}

public sealed class SpecialDayInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "SpecialDay.Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "SpecialDay.Kind")]
    public SpecialDayKind Kind { get; set; } = SpecialDayKind.OneOffHoliday;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "SpecialDay.NameLv")]
    public string NameLv { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "SpecialDay.NameEn")]
    public string NameEn { get; set; } = "";

    [StringLength(500, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "SpecialDay.LegalBasis")]
    public string? LegalBasis { get; set; }

    [Display(Name = "SpecialDay.MovedFrom")]
    public DateOnly? MovedFrom { get; set; }

    [StringLength(500, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "SpecialDay.Source")]
    public string? Source { get; set; }

    public Guid Version { get; set; }

    public static SpecialDayInput From(SpecialDay d) => new()
    {
        Version = d.Version,
        Date = d.Date,
        Kind = d.Kind,
        NameLv = d.NameLv,
        NameEn = d.NameEn,
        LegalBasis = d.LegalBasis,
        MovedFrom = d.MovedFrom,
        Source = d.Source,
    };

    /// <summary>The checked input as the working-day calendar reads it; call only when the input is valid.</summary>
    public SpecialDayRecord ToRecord() =>
        new(Date!.Value, Kind, NameLv.Trim(), NameEn.Trim(), AdminSupport.Blank(LegalBasis), Kind == SpecialDayKind.MovedWorkingSaturday ? MovedFrom : null);

    public void ApplyTo(SpecialDay d)
    {
        d.Date = Date!.Value;
        d.Kind = Kind;
        d.NameLv = NameLv.Trim();
        d.NameEn = NameEn.Trim();
        d.LegalBasis = LegalBasis?.Trim() ?? "";
        d.MovedFrom = Kind == SpecialDayKind.MovedWorkingSaturday ? MovedFrom : null;
        d.Source = Source?.Trim() ?? "";
    }
}
