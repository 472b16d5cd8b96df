using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback.Gifts;

public sealed record GiftRow(
    int Id, DateOnly OfferedOn, string OfferedTo, string? Location, string What, string? Circumstances, bool Declined, string? HowHandled,
    DateTime? ReviewedAtUtc, string? ReviewNote);

/// <summary>
/// The gift log (C-8). The ethics officer and the director (<see cref="Policies.GiftLog"/>) see every entry, by month
/// and location, and mark them reviewed; every other member sees only the offers they recorded themselves.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ClientDeskDb db, IAuthorizationService authorization) : PageModel
{
    public const string SuccessKey = "Gifts.Success";

    [TempData(Key = SuccessKey)]
    public string? Success { get; set; }

    /// <summary>yyyy-MM; empty for every month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    public bool Reviews { get; private set; }
    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public IReadOnlyList<GiftRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Reviews = (await authorization.AuthorizeAsync(User, Policies.GiftLog)).Succeeded;
        var gifts = db.GiftOffers.AsNoTracking();
        if (Reviews)
        {
            var rows = await db.Locations.AsNoTracking().Select(l => new { l.Id, l.Slug, l.NameLv, l.NameEn }).ToListAsync(ct);
            Locations = [.. rows.Select(l => new DeskLocation(l.Id, l.Slug, Localization.Pick(l.NameLv, l.NameEn))).OrderBy(l => l.Name, StringComparer.CurrentCulture)];
            if (!string.IsNullOrEmpty(Location))
            {
                var chosen = Locations.FirstOrDefault(l => l.Slug == Location);
                if (chosen is null)
                {
                    return NotFound();
                }

                gifts = gifts.Where(g => g.LocationId == chosen.Id);
            }

            if (!string.IsNullOrEmpty(Month))
            {
                if (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                {
                    Month = null;
                }
                else
                {
                    var next = first.AddMonths(1);
                    gifts = gifts.Where(g => g.OfferedOn >= first && g.OfferedOn < next);
                }
            }
        }
        else
        {
            var me = Desk.StaffId(User);
            gifts = gifts.Where(g => g.OfferedToStaffId == me);
        }

        var found = await gifts
            .OrderByDescending(g => g.OfferedOn).ThenByDescending(g => g.Id)
            .Select(g => new
            {
                g.Id, g.OfferedOn, OfferedTo = g.OfferedTo.FirstName + " " + g.OfferedTo.LastName,
                LocationLv = g.Location == null ? null : g.Location.NameLv, LocationEn = g.Location == null ? null : g.Location.NameEn,
                g.WhatWasOffered, g.Circumstances, g.Declined, g.HowHandled, g.ReviewedAtUtc, g.ReviewNote,
            })
            .Take(500)
            .ToListAsync(ct);
        Rows = [.. found.Select(g => new GiftRow(g.Id, g.OfferedOn, g.OfferedTo, g.LocationLv is null ? null : Localization.Pick(g.LocationLv, g.LocationEn),
            g.WhatWasOffered, g.Circumstances, g.Declined, g.HowHandled, g.ReviewedAtUtc, g.ReviewNote))];
        return Page();
    }
}
