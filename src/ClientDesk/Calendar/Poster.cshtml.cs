using System.Globalization;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace ClientDesk.Calendar;

/// <summary>
/// A one-page weekly poster of a location's hours for its door: the week day by day, how to book, the coming changes
/// and a QR code to the location's page. ?week= takes any date of the week (YYYY-MM-DD); this week by default.
/// </summary>
public sealed class PosterModel(ClientDeskDb db, CalendarStore calendars, TimeProvider clock) : PageModel
{
    public const int ChangeWeeks = 4;

    public string NameLv { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? Address { get; private set; }
    public string Phone { get; private set; } = "";
    public IReadOnlyList<LocationDay> Week { get; private set; } = [];
    public IReadOnlyList<HoursException> Changes { get; private set; } = [];
    public string PageUrl { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public DateOnly Monday { get; private set; }

    public bool HasWalkIn => Week.Any(d => d.Periods.Any(p => p.Kind == WindowKind.WalkIn));

    public async Task<IActionResult> OnGetAsync(string slug, string? week, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking()
            .Where(l => l.Slug == slug && l.IsActive)
            .Select(l => new { l.Id, l.Slug, l.NameLv, l.NameEn, l.Address, l.Phone })
            .FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return NotFound();
        }

        var day = DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen)
            ? chosen
            : RigaTime.Today(clock);
        Monday = day.AddDays(-day.DayOfWeek.DaysFromMonday());
        if (Monday.Year < LatvianHolidays.FirstYear || Monday.AddDays(7 * (ChangeWeeks + 1)).Year > LatvianHolidays.LastYear)
        {
            return NotFound();
        }

        var calendar = await calendars.GetAsync(db, ct);
        (NameLv, NameEn, Slug, Address) = (location.NameLv, location.NameEn, location.Slug, location.Address);
        Phone = string.IsNullOrWhiteSpace(location.Phone) ? AgencyContacts.Phone : location.Phone;
        Week = calendar.Days(location.Id, Monday, Monday.AddDays(6));
        Changes = LocationHours.ExceptionsBetween(calendar, location.Id, Monday.AddDays(7), Monday.AddDays((7 * (ChangeWeeks + 1)) - 1));
        PageUrl = $"{Request.Scheme}://{Request.Host}/locations/{location.Slug}";
        QrCode = "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(PageUrl, QRCodeGenerator.ECCLevel.M, 8));
        return Page();
    }
}
