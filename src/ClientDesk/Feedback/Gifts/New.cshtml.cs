using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Gifts;

/// <summary>
/// Any staff member records a material thanks offered to them (C-8): when, what, the circumstances, and that it was
/// declined — or, when it could not be, how it was handled. The location is one of their own.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(ClientDeskDb db, TimeProvider clock, IStringLocalizer<GiftTexts> g) : PageModel
{
    public const int WhatLength = 500;
    public const int CircumstancesLength = 2000;
    public const int HowHandledLength = 1000;

    [BindProperty]
    public string? OfferedOn { get; set; }

    [BindProperty]
    public int? LocationId { get; set; }

    [BindProperty]
    public string? WhatWasOffered { get; set; }

    [BindProperty]
    public string? Circumstances { get; set; }

    [BindProperty]
    public bool Declined { get; set; } = true;

    [BindProperty]
    public string? HowHandled { get; set; }

    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        OfferedOn = Desk.Iso(Today);
        LocationId = Locations.Count == 1 ? Locations[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Desk.TryParseDate(OfferedOn, out var offeredOn))
        {
            ModelState.AddModelError(nameof(OfferedOn), g["New.OfferedOnRequired"]);
        }
        else if (offeredOn > Today)
        {
            ModelState.AddModelError(nameof(OfferedOn), g["New.OfferedOnFuture"]);
        }

        if (Locations.Count > 0 && (LocationId is not { } location || Locations.All(l => l.Id != location)))
        {
            ModelState.AddModelError(nameof(LocationId), g["New.LocationRequired"]);
        }

        Text(nameof(WhatWasOffered), WhatWasOffered, WhatLength, g["New.What"], required: true);
        Text(nameof(Circumstances), Circumstances, CircumstancesLength, g["New.Circumstances"], required: false);
        Text(nameof(HowHandled), HowHandled, HowHandledLength, g["New.HowHandled"], required: false);
        if (!Declined && string.IsNullOrWhiteSpace(HowHandled))
        {
            ModelState.AddModelError(nameof(HowHandled), g["New.HowHandledRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = Desk.StaffId(User);
        db.GiftOffers.Add(new GiftOffer
        {
            OfferedOn = offeredOn,
            OfferedToStaffId = me,
            RecordedByStaffId = me,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            LocationId = Locations.Count > 0 ? LocationId : null,
            WhatWasOffered = WhatWasOffered!.Trim(),
            Circumstances = string.IsNullOrWhiteSpace(Circumstances) ? null : Circumstances.Trim(),
            Declined = Declined,
            HowHandled = string.IsNullOrWhiteSpace(HowHandled) ? null : HowHandled.Trim(),
        });
        await db.SaveChangesAsync(ct);
        TempData[IndexModel.SuccessKey] = g["New.Saved"].Value;
        return Redirect("/staff/gifts");
    }

    private void Text(string key, string? value, int max, string label, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, g["Form.Required", label]);
        }
        else if (value is not null && value.Trim().Length > max)
        {
            ModelState.AddModelError(key, g["Form.TooLong", label, max]);
        }
    }

    /// <summary>The member's own locations (not every location a director may see): where the offer was made.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        var me = Desk.StaffId(User);
        var rows = await db.Users.AsNoTracking().Where(u => u.Id == me).SelectMany(u => u.Locations)
            .Select(l => new { l.Id, l.Slug, l.NameLv, l.NameEn }).ToListAsync(ct);
        Locations = [.. rows.Select(l => new DeskLocation(l.Id, l.Slug, Localization.Pick(l.NameLv, l.NameEn))).OrderBy(l => l.Name, StringComparer.CurrentCulture)];
    }
}
