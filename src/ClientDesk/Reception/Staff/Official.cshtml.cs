using System.Globalization;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception.Staff;

/// <summary>What an administrator may change about an official.</summary>
public sealed class OfficialInput
{
    public string? TitleLv { get; set; }
    public string? TitleEn { get; set; }
    public int? LocationId { get; set; }
    public string? Room { get; set; }
    public string? StaffMemberId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; }
}

/// <summary>A new weekly reception window.</summary>
public sealed class HoursInput
{
    public string? Weekday { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public int SlotMinutes { get; set; } = ReceptionHours.DefaultSlotMinutes;
}

/// <summary>
/// An administrator edits an official: the titles, where they receive (office and room), the staff member in the post,
/// the contacts, and the reception hours (weekday, start, end, valid from/to); holidays and closures are left out of the
/// offered times by the calendar, so hours are written as the usual week.
/// </summary>
[Authorize(Policy = Access.Policies.Administration)]
public sealed class OfficialModel(ClientDeskDb db, TimeProvider clock, IStringLocalizer<ReceptionTexts> t) : PageModel
{
    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public OfficialInput Input { get; set; } = new();

    [BindProperty]
    public HoursInput Hours { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public ReceptionOfficial? Official { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Locations { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var o = Official!;
        Input = new OfficialInput
        {
            TitleLv = o.TitleLv, TitleEn = o.TitleEn, LocationId = o.LocationId, Room = o.Room, StaffMemberId = o.StaffMemberId,
            Phone = o.Phone, Email = o.Email, IsActive = o.IsActive,
        };
        Version = o.Version;
        Hours.ValidFrom = RigaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var o = Official!;
        var titleLv = Input.TitleLv?.Trim();
        var titleEn = Input.TitleEn?.Trim();
        if (string.IsNullOrEmpty(titleLv) || titleLv.Length > 200)
        {
            ModelState.AddModelError("Input.TitleLv", t["Error.Title"]);
        }

        if (string.IsNullOrEmpty(titleEn) || titleEn.Length > 200)
        {
            ModelState.AddModelError("Input.TitleEn", t["Error.Title"]);
        }

        if (Input.LocationId is { } locationId && Locations.All(l => l.Id != locationId))
        {
            ModelState.AddModelError("Input.LocationId", t["Error.Location"]);
        }

        if (!string.IsNullOrEmpty(Input.StaffMemberId) && Staff.All(s => s.Id != Input.StaffMemberId))
        {
            ModelState.AddModelError("Input.StaffMemberId", t["Error.StaffMember"]);
        }

        if (Input.Room is { Length: > 50 })
        {
            ModelState.AddModelError("Input.Room", t["Error.TooLong", t["Facts.Room"], 50, Input.Room.Length]);
        }

        string? phone = null, email = null;
        if (!string.IsNullOrWhiteSpace(Input.Phone) && (Input.Phone.Length > 30 || (phone = Booking.ClientIdentity.Phone(Input.Phone)) is null))
        {
            ModelState.AddModelError("Input.Phone", t["Error.Phone"]);
        }

        if (!string.IsNullOrWhiteSpace(Input.Email) && (Input.Email.Length > 254 || (email = Booking.ClientIdentity.Email(Input.Email)) is null))
        {
            ModelState.AddModelError("Input.Email", t["Error.Email"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Entry(o).Property(x => x.Version).OriginalValue = Version;
        o.TitleLv = titleLv!;
        o.TitleEn = titleEn!;
        o.LocationId = Input.LocationId;
        o.Room = string.IsNullOrWhiteSpace(Input.Room) ? null : Input.Room.Trim();
        o.StaffMemberId = string.IsNullOrEmpty(Input.StaffMemberId) ? null : Input.StaffMemberId;
        o.Phone = phone;
        o.Email = email;
        o.IsActive = Input.IsActive;
        o.Version = Guid.NewGuid();
        return await SaveAsync("Officials.Saved", ct);
    }

    public async Task<IActionResult> OnPostAddHoursAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var inv = CultureInfo.InvariantCulture;
        if (!Enum.TryParse<DayOfWeek>(Hours.Weekday, out var weekday) || !Weekdays.Contains(weekday) || Hours.Weekday != weekday.ToString())
        {
            ModelState.AddModelError("Hours.Weekday", t["Error.Weekday"]);
        }

        if (!TimeOnly.TryParseExact(Hours.Start, ["HH:mm", "H:mm"], inv, DateTimeStyles.None, out var start))
        {
            ModelState.AddModelError("Hours.Start", t["Error.Time"]);
        }

        if (!TimeOnly.TryParseExact(Hours.End, ["HH:mm", "H:mm"], inv, DateTimeStyles.None, out var end) || (ModelState.IsValid && end <= start))
        {
            ModelState.AddModelError("Hours.End", t["Error.End"]);
        }

        if (!DateOnly.TryParseExact(Hours.ValidFrom, "yyyy-MM-dd", inv, DateTimeStyles.None, out var from))
        {
            ModelState.AddModelError("Hours.ValidFrom", t["Error.Date"]);
        }

        DateOnly? to = null;
        if (!string.IsNullOrWhiteSpace(Hours.ValidTo))
        {
            if (!DateOnly.TryParseExact(Hours.ValidTo, "yyyy-MM-dd", inv, DateTimeStyles.None, out var parsed) || parsed < from)
            {
                ModelState.AddModelError("Hours.ValidTo", t["Error.ValidTo"]);
            }
            else
            {
                to = parsed;
            }
        }

        if (Hours.SlotMinutes is < 10 or > 240)
        {
            ModelState.AddModelError("Hours.SlotMinutes", t["Error.Slot.Minutes"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Official!.Hours.Add(new ReceptionHours { Weekday = weekday, Start = start, End = end, ValidFrom = from, ValidTo = to, SlotMinutes = Hours.SlotMinutes });
        return await SaveAsync("Officials.HoursAdded", ct);
    }

    public async Task<IActionResult> OnPostRemoveHoursAsync(int hoursId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Official!.Hours.FirstOrDefault(h => h.Id == hoursId) is { } hours)
        {
            db.ReceptionHours.Remove(hours);
        }

        return await SaveAsync("Officials.HoursRemoved", ct);
    }

    private async Task<IActionResult> SaveAsync(string done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["Staff.Changed"]);
            return Page();
        }

        TempData[Administration.AdminSupport.SuccessKey] = t[done].Value;
        return Redirect($"/staff/reception/officials/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Official = await db.ReceptionOfficials.Include(o => o.Hours).SingleOrDefaultAsync(o => o.Id == Id, ct);
        if (Official is null)
        {
            return false;
        }

        var english = Localization.IsEnglish;
        Locations = [.. (await db.Locations.AsNoTracking().Select(l => new { l.Id, l.NameLv, l.NameEn }).ToListAsync(ct))
            .Select(l => (l.Id, english ? l.NameEn : l.NameLv)).OrderBy(l => l.Item2, StringComparer.CurrentCulture)];
        Staff = [.. (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct))
            .Select(u => (u.Id, $"{u.FirstName} {u.LastName}")).OrderBy(u => u.Item2, StringComparer.CurrentCulture)];
        return true;
    }
}
