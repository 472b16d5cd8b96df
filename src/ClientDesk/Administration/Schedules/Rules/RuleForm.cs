using System.ComponentModel.DataAnnotations;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Schedules.Rules;

/// <summary>A rule offered as a checkbox of the rules another rule replaces.</summary>
public sealed record RuleChoice(int Id, string Code, string Name, bool IsActive);

/// <summary>
/// What the new-rule and edit-rule pages share: the form, its choices, its checks (including overlapping windows,
/// found by computing the calendar with the proposed rule in place), the preview and the save.
/// </summary>
public abstract class RuleFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t, TimeProvider clock)
    : PageModel
{
    public const int BreakRows = 3;
    public const int PreviewDays = 14;

    /// <summary>The id a new rule has in the proposed calendar; stored rules have positive ids.</summary>
    private const int NewRuleId = 0;

    /// <summary>Rules are for the working week; a moved working Saturday is worked as the weekday it replaces.</summary>
    public static readonly Weekdays[] WorkingWeek = [Weekdays.Monday, Weekdays.Tuesday, Weekdays.Wednesday, Weekdays.Thursday, Weekdays.Friday];

    public static readonly DayOfWeek[] CutoffWeekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public IReadOnlyList<Choice> LocationChoices { get; private set; } = [];

    public IReadOnlyList<RuleChoice> RuleChoices { get; private set; } = [];

    /// <summary>Set by the preview: the next fortnight at the rule's locations, now and with the change.</summary>
    public IReadOnlyList<PreviewGroup>? Preview { get; private set; }

    public string? PreviewNote { get; private set; }

    protected ClientDeskDb Db => db;

    protected async Task LoadChoicesAsync(int? currentId, CancellationToken ct)
    {
        LocationChoices = await AdminSupport.LocationChoicesAsync(db, ct);
        RuleChoices = (await db.ScheduleRules.AsNoTracking().Where(r => r.Id != currentId).OrderBy(r => r.Code)
                .Select(r => new { r.Id, r.Code, r.NameLv, r.NameEn, r.IsActive }).ToListAsync(ct))
            .Select(r => new RuleChoice(r.Id, r.Code, Localization.Pick(r.NameLv, r.NameEn), r.IsActive))
            .ToList();
        while (Input.Breaks.Count < BreakRows)
        {
            Input.Breaks.Add(new BreakInput());
        }
    }

    /// <summary>The checks the attributes cannot make; when all pass, the overlapping-window check over the next year.</summary>
    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (Input.Days.Count == 0)
        {
            ModelState.AddModelError("Input.Days", a["Rule.ChooseWeekday"]);
        }

        if (Input.Days.Any(d => !WorkingWeek.Contains(d)) || !Enum.IsDefined(Input.Kind) || !Enum.IsDefined(Input.CutoffKind)
            || Input.Channels.Any(c => !ScheduleTerms.AllChannels.Contains(c)))
        {
            ModelState.AddModelError("", t["Binding.UnknownValueIsInvalid"]);
        }

        if (Input.Start is { } start && Input.End is { } end && end <= start)
        {
            ModelState.AddModelError("Input.End", a["Rule.EndNotAfterStart"]);
        }

        CheckBreaks();
        CheckValidity();
        CheckBooking();

        if (currentId is { } id && Input.ReplacedRuleIds.Contains(id))
        {
            ModelState.AddModelError("Input.ReplacedRuleIds", a["Rule.ReplacesItself"]);
        }

        var knownLocations = await db.Locations.CountAsync(l => Input.LocationIds.Contains(l.Id), ct);
        if (knownLocations != Input.LocationIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.LocationIds", t["Binding.UnknownValueIsInvalid"]);
        }

        var knownRules = await db.ScheduleRules.CountAsync(r => Input.ReplacedRuleIds.Contains(r.Id), ct);
        if (knownRules != Input.ReplacedRuleIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.ReplacedRuleIds", t["Binding.UnknownValueIsInvalid"]);
        }

        // Model binding turns an empty field into null, whatever the property's annotation says.
        var code = (Input.Code ?? "").Trim();
        if (code.Length > 0 && await db.ScheduleRules.AnyAsync(r => r.Code == code && r.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.Code", a["Rule.CodeTaken", code]);
        }

        if (ModelState.IsValid)
        {
            await CheckOverlapsAsync(currentId, ct);
        }
    }

    private void CheckBreaks()
    {
        var filled = new List<(int Row, TimeRange Range)>();
        for (var i = 0; i < Input.Breaks.Count; i++)
        {
            var row = Input.Breaks[i];
            var key = $"Input.Breaks[{i}].Start";
            var unreadable = ModelState.GetFieldValidationState(key) == ModelValidationState.Invalid
                || ModelState.GetFieldValidationState($"Input.Breaks[{i}].End") == ModelValidationState.Invalid;
            if ((row.Start is null && row.End is null) || unreadable)
            {
                // Nothing typed, or a time that could not be read (binding has already said so).
                continue;
            }

            if (row.Start is not { } start || row.End is not { } end)
            {
                ModelState.AddModelError(key, a["Rule.BreakIncomplete", i + 1]);
            }
            else if (end <= start)
            {
                ModelState.AddModelError(key, a["Rule.BreakEndNotAfterStart", i + 1]);
            }
            else if (Input.Start is { } open && Input.End is { } close && (start < open || end > close))
            {
                ModelState.AddModelError(key, a["Rule.BreakOutside", i + 1, ScheduleWording.Range(open, close)]);
            }
            else
            {
                filled.Add((i + 1, new TimeRange(start, end)));
            }
        }

        if (Input.Breaks.Count(b => b.Start is not null || b.End is not null) > BreakRows)
        {
            ModelState.AddModelError("", a["Rule.TooManyBreaks", BreakRows]);
        }

        var ordered = filled.OrderBy(b => b.Range.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Range.Overlaps(ordered[i - 1].Range))
            {
                var (first, second) = (Math.Min(ordered[i - 1].Row, ordered[i].Row), Math.Max(ordered[i - 1].Row, ordered[i].Row));
                ModelState.AddModelError($"Input.Breaks[{second - 1}].Start", a["Rule.BreaksOverlap", first, second]);
            }
        }
    }

    private void CheckValidity()
    {
        foreach (var (date, key, name) in new[] { (Input.ValidFrom, "Input.ValidFrom", "Rule.ValidFrom"), (Input.ValidTo, "Input.ValidTo", "Rule.ValidTo") })
        {
            if (date is { } d && !ScheduleWording.IsInCalendarRange(d))
            {
                ModelState.AddModelError(key, a["Schedule.DateOutOfRange", a[name]]);
            }
        }

        if (Input.ValidFrom is { } from && Input.ValidTo is { } to && to < from)
        {
            ModelState.AddModelError("Input.ValidTo", a["Rule.ValidToBeforeFrom"]);
        }
    }

    /// <summary>Channels, cut-off and booking phone belong to appointments; an appointment needs a way to book.</summary>
    private void CheckBooking()
    {
        if (Input.Kind == WindowKind.WalkIn)
        {
            if (Input.Channels.Count > 0)
            {
                ModelState.AddModelError("Input.Channels", a["Rule.AppointmentOnly", a["Rule.Channels"]]);
            }

            if (Input.CutoffKind != CutoffKind.None)
            {
                ModelState.AddModelError("Input.CutoffKind", a["Rule.AppointmentOnly", a["Rule.Cutoff"]]);
            }

            if (!string.IsNullOrWhiteSpace(Input.BookingPhone))
            {
                ModelState.AddModelError("Input.BookingPhone", a["Rule.AppointmentOnly", a["Rule.BookingPhone"]]);
            }

            return;
        }

        if (Input.Channels.Count == 0)
        {
            ModelState.AddModelError("Input.Channels", a["Rule.ChooseChannel"]);
        }

        if (Input.CutoffKind == CutoffKind.None)
        {
            return;
        }

        if (Input.CutoffTime is null)
        {
            ModelState.AddModelError("Input.CutoffTime", a["Rule.CutoffTimeMissing"]);
        }

        if (Input.CutoffKind == CutoffKind.WeekdayOfSameWeek)
        {
            if (Input.CutoffWeekday is not { } weekday || !CutoffWeekdays.Contains(weekday))
            {
                ModelState.AddModelError("Input.CutoffWeekday", a["Rule.CutoffWeekdayMissing"]);
            }
            else if (Input.Days.Select(d => d.ToDayOfWeek()).Where(d => d.DaysFromMonday() < weekday.DaysFromMonday())
                         .OrderBy(d => d.DaysFromMonday()).Select(d => (DayOfWeek?)d).FirstOrDefault() is { } earlier)
            {
                // "Before 17:00 on Wednesday of the same week" cannot serve a Tuesday that comes first.
                ModelState.AddModelError("Input.CutoffWeekday", a["Rule.CutoffAfterDay", a.WeekdayText(weekday), a.WeekdayText(earlier)]);
            }
        }
        else if (Input.CutoffDaysBefore is not { } days || days is < 0 or > 60)
        {
            ModelState.AddModelError("Input.CutoffDaysBefore", a["Rule.CutoffDaysRange", 0, 60]);
        }
    }

    /// <summary>
    /// Computes the calendar with the proposed rule in place of the stored one and scans every active location for a
    /// year from the day the rule starts to matter; the first clash is named (date, location, both rules).
    /// </summary>
    private async Task CheckOverlapsAsync(int? currentId, CancellationToken ct)
    {
        var stored = await CalendarStore.LoadAsync(db, ct);
        var proposed = Propose(stored, currentId);
        var locations = await ActiveLocationsAsync(ct);
        var clash = WindowClashes.First(stored, proposed, currentId ?? NewRuleId, [.. locations.Select(l => l.Id)], FirstDayAffected());
        if (clash is null)
        {
            return;
        }

        // The rule being edited is named first, as the administrator thinks of it.
        var (mine, other) = clash.Second.RuleId == (currentId ?? NewRuleId) ? (clash.Second, clash.First) : (clash.First, clash.Second);
        string Name(OpeningPeriod period) =>
            proposed.Rules.First(r => r.Id == period.RuleId) is var rule ? Localization.Pick(rule.NameLv, rule.NameEn) : "";
        ModelState.AddModelError("", a["Rule.Overlap",
            a.Date(clash.Date), locations.First(l => l.Id == clash.LocationId).Name,
            Name(mine), ScheduleWording.Range(mine.Start, mine.End),
            Name(other), ScheduleWording.Range(other.Start, other.End),
            a["Rule.OverlapKind." + mine.Kind]]);
    }

    /// <summary>Shows, without saving, the next fortnight at the rule's locations (or three sample ones) now and with the change.</summary>
    protected async Task BuildPreviewAsync(int? currentId, CancellationToken ct)
    {
        var stored = await CalendarStore.LoadAsync(db, ct);
        var proposed = Propose(stored, currentId);
        var from = FirstDayAffected();
        List<(int Id, string Name)> shown;
        if (Input.LocationIds.Count > 0)
        {
            shown = await LocationsAsync(db.Locations.Where(l => Input.LocationIds.Contains(l.Id)), ct);
        }
        else
        {
            // A rule for every location: show locations whose own rules differ (none, S-4-like, S-5-like), found
            // from the data rather than named here, so that the preview shows how the rule meets each of them.
            var named = stored.Rules.Concat(proposed.Rules).Where(r => r.LocationIds is { Count: > 0 }).ToList();
            string OwnRules(int locationId) =>
                string.Join(",", named.Where(r => r.LocationIds!.Contains(locationId)).Select(r => r.Id).Distinct().Order());
            var locations = await ActiveLocationsAsync(ct);
            var samples = locations.GroupBy(l => OwnRules(l.Id)).Select(g => g.First()).Take(3).ToList();
            samples.AddRange(locations.Where(l => !samples.Contains(l)).Take(3 - samples.Count));
            shown = samples;
            PreviewNote = a["Rule.PreviewSamples", string.Join(", ", shown.Select(l => l.Name))];
        }

        Preview = [.. shown.Select(l => new PreviewGroup(l.Name, CalendarPreview.Days(a, stored, proposed, l.Id, from, PreviewDays)))];
    }

    /// <summary>The stored calendar with this rule as the form proposes it (left out when inactive).</summary>
    private LocationCalendar Propose(LocationCalendar stored, int? currentId)
    {
        var id = currentId ?? NewRuleId;
        var rules = stored.Rules.Where(r => r.Id != id).ToList();
        if (Input.IsActive)
        {
            rules.Add(Input.ToRecord(id));
        }

        return new LocationCalendar(stored.WorkingDays, rules, stored.Closures);
    }

    /// <summary>Today in Riga, or the first valid day when that is later.</summary>
    private DateOnly FirstDayAffected()
    {
        var today = RigaTime.Today(clock);
        return Input.ValidFrom is { } from && from > today ? from : today;
    }

    private Task<List<(int Id, string Name)>> ActiveLocationsAsync(CancellationToken ct) =>
        LocationsAsync(db.Locations.Where(l => l.IsActive), ct);

    private static async Task<List<(int Id, string Name)>> LocationsAsync(IQueryable<Catalogue.Location> locations, CancellationToken ct) =>
        [.. (await locations.AsNoTracking().OrderBy(l => l.RegionId).ThenBy(l => l.NameLv)
                .Select(l => new { l.Id, l.NameLv, l.NameEn }).ToListAsync(ct))
            .Select(l => (l.Id, Localization.Pick(l.NameLv, l.NameEn)))];

    /// <summary>Copies the checked input onto a rule whose breaks, locations and replaced rules are loaded.</summary>
    protected async Task ApplyAsync(ScheduleRule rule, CancellationToken ct)
    {
        var record = Input.ToRecord(rule.Id);
        rule.Code = record.Code;
        rule.NameLv = record.NameLv;
        rule.NameEn = record.NameEn;
        rule.Kind = record.Kind;
        rule.Weekdays = record.Weekdays;
        rule.Start = record.Start;
        rule.End = record.End;
        rule.ValidFrom = record.ValidFrom;
        rule.ValidTo = record.ValidTo;
        rule.CutoffKind = record.CutoffKind;
        rule.CutoffWeekday = record.CutoffWeekday;
        rule.CutoffDaysBefore = record.CutoffDaysBefore;
        rule.CutoffTime = record.CutoffTime;
        rule.BookingChannels = record.Channels;
        rule.BookingPhone = record.BookingPhone;
        rule.IsActive = Input.IsActive;
        rule.NeedsReview = Input.NeedsReview;
        rule.ReviewNote = AdminSupport.Blank(Input.ReviewNote);
        rule.Source = Input.Source?.Trim() ?? "";

        // Breaks are updated in place where they can be, so that the audit trail shows old → new.
        var breaks = rule.Breaks.OrderBy(b => b.Start).ToList();
        for (var i = 0; i < record.Breaks.Count; i++)
        {
            if (i < breaks.Count)
            {
                (breaks[i].Start, breaks[i].End) = (record.Breaks[i].Start, record.Breaks[i].End);
            }
            else
            {
                rule.Breaks.Add(new ScheduleBreak { Start = record.Breaks[i].Start, End = record.Breaks[i].End });
            }
        }

        foreach (var gone in breaks.Skip(record.Breaks.Count))
        {
            rule.Breaks.Remove(gone);
            db.Remove(gone);
        }

        await db.SetChosenAsync(rule.Locations, Input.LocationIds, l => l.Id, ct);
        await db.SetChosenAsync(rule.Replaces, Input.ReplacedRuleIds, r => r.Id, ct);
    }

    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "Input.Code", a["Rule.CodeTaken", Input.Code.Trim()], ct);

    protected IActionResult Saved(string name) => this.Saved(a["Rule.Saved", name], "/admin/calendar/rules");
}

public sealed class RuleInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.IdentifierPattern, ErrorMessage = "Rule.CodeFormat")]
    [Display(Name = "Rule.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Rule.NameLv")]
    public string NameLv { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Rule.NameEn")]
    public string NameEn { get; set; } = "";

    [Display(Name = "Rule.Kind")]
    public WindowKind Kind { get; set; } = WindowKind.Appointment;

    [Display(Name = "Rule.Weekdays")]
    public List<Weekdays> Days { get; set; } = [];

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Rule.Start")]
    public TimeOnly? Start { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Rule.End")]
    public TimeOnly? End { get; set; }

    public List<BreakInput> Breaks { get; set; } = [];

    [Display(Name = "Rule.ValidFrom")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Rule.ValidTo")]
    public DateOnly? ValidTo { get; set; }

    [Display(Name = "Rule.Cutoff")]
    public CutoffKind CutoffKind { get; set; }

    [Display(Name = "Rule.CutoffWeekday")]
    public DayOfWeek? CutoffWeekday { get; set; }

    [Display(Name = "Rule.CutoffDaysBefore")]
    public int? CutoffDaysBefore { get; set; }

    [Display(Name = "Rule.CutoffTime")]
    public TimeOnly? CutoffTime { get; set; }

    [Display(Name = "Rule.Channels")]
    public List<BookingChannels> Channels { get; set; } = [];

    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.PhonePattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Rule.BookingPhone")]
    public string? BookingPhone { get; set; }

    [Display(Name = "Rule.Locations")]
    public List<int> LocationIds { get; set; } = [];

    [Display(Name = "Rule.Replaces")]
    public List<int> ReplacedRuleIds { get; set; } = [];

    [Display(Name = "Rule.Active")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Rule.NeedsReview")]
    public bool NeedsReview { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Rule.ReviewNote")]
    public string? ReviewNote { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Rule.Source")]
    public string? Source { get; set; }

    public Guid Version { get; set; }

    /// <summary>A new appointment rule offered through every channel, as S-2 is.</summary>
    public static RuleInput ForNew() => new() { Channels = [.. ScheduleTerms.AllChannels] };

    public static RuleInput From(ScheduleRule r) => new()
    {
        Code = r.Code,
        NameLv = r.NameLv,
        NameEn = r.NameEn,
        Kind = r.Kind,
        Days = [.. r.Weekdays.Each()],
        Start = r.Start,
        End = r.End,
        Breaks = [.. r.Breaks.OrderBy(b => b.Start).Select(b => new BreakInput { Start = b.Start, End = b.End })],
        ValidFrom = r.ValidFrom,
        ValidTo = r.ValidTo,
        CutoffKind = r.CutoffKind,
        CutoffWeekday = r.CutoffWeekday,
        CutoffDaysBefore = r.CutoffDaysBefore,
        CutoffTime = r.CutoffTime,
        Channels = [.. r.BookingChannels.Each()],
        BookingPhone = r.BookingPhone,
        LocationIds = [.. r.Locations.Select(l => l.Id)],
        ReplacedRuleIds = [.. r.Replaces.Select(x => x.Id)],
        IsActive = r.IsActive,
        NeedsReview = r.NeedsReview,
        ReviewNote = r.ReviewNote,
        Source = r.Source,
        Version = r.Version,
    };

    /// <summary>
    /// The checked input as the pure calendar reads a rule; booking details are dropped for walk-in windows and
    /// cut-off fields that the chosen kind of cut-off does not use are cleared. Call only when the input is valid.
    /// </summary>
    public ScheduleRuleRecord ToRecord(int id)
    {
        var appointment = Kind == WindowKind.Appointment;
        var cutoff = appointment ? CutoffKind : CutoffKind.None;
        return new ScheduleRuleRecord(
            id,
            Code.Trim(),
            NameLv.Trim(),
            NameEn.Trim(),
            Kind,
            Days.Aggregate(Weekdays.None, (all, d) => all | d),
            Start!.Value,
            End!.Value,
            [.. Breaks.Where(b => b.Start is not null && b.End is not null).Select(b => new TimeRange(b.Start!.Value, b.End!.Value)).OrderBy(b => b.Start)],
            ValidFrom,
            ValidTo,
            cutoff,
            cutoff == CutoffKind.WeekdayOfSameWeek ? CutoffWeekday : null,
            cutoff == CutoffKind.DaysBefore ? CutoffDaysBefore : null,
            cutoff == CutoffKind.None ? null : CutoffTime,
            appointment ? Channels.Aggregate(BookingChannels.None, (all, c) => all | c) : BookingChannels.None,
            appointment ? AdminSupport.Blank(BookingPhone) : null,
            LocationIds.ToHashSet(),
            ReplacedRuleIds.ToHashSet());
    }
}

/// <summary>One break row; a row with neither time is ignored.</summary>
public sealed class BreakInput
{
    [Display(Name = "Rule.BreakStart")]
    public TimeOnly? Start { get; set; }

    [Display(Name = "Rule.BreakEnd")]
    public TimeOnly? End { get; set; }
}
