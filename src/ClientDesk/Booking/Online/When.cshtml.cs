using System.Globalization;
using ClientDesk.Calendar;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking.Online;

/// <summary>
/// Step 3: the date and time, a week at a time, as radio buttons grouped by day so that a keyboard and a screen reader
/// get the full date and time of every choice. Choosing holds the time while the client types (or, from the manage
/// link, moves the appointment there). Days booked only by phone (S-5) show the phone and the deadline.
/// </summary>
public sealed class WhenModel(
    OnlineBooking booking, Bookings bookings, CalendarStore calendars, ClientDeskDb db, IOptions<BookingOptions> options,
    IStringLocalizer<BookingTexts> b, TimeProvider clock) : PageModel
{
    public BookableService Service { get; private set; } = null!;

    public BookableLocation Location { get; private set; } = null!;

    public int Machines { get; private set; } = 1;

    public DateOnly From { get; private set; }

    public DateOnly? FirstFree { get; private set; }

    public DateOnly Today { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public int HorizonDays => options.Value.HorizonDays;

    public IReadOnlyList<(AvailableDay Free, LocationDay Calendar)> Days { get; private set; } = [];

    /// <summary>Set when the client came from their manage link to move the appointment.</summary>
    public Appointment? Moving { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(string? service, string? location, string? machines, string? from, CancellationToken ct)
    {
        if (!await LoadAsync(service, location, machines, ct))
        {
            return NotFound();
        }

        await LoadDaysAsync(from, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? service, string? location, string? machines, string? from, string? time, CancellationToken ct)
    {
        if (!await LoadAsync(service, location, machines, ct))
        {
            return NotFound();
        }

        var parts = (time ?? "").Split('T');
        if (parts.Length != 2 || !OnlineBooking.TryParseDate(parts[0], out var date) || !OnlineBooking.TryParseTime(parts[1], out var start))
        {
            ModelState.AddModelError("time", b["When.ChooseTime"]);
            await LoadDaysAsync(from, ct);
            return Page();
        }

        if (Moving is not null)
        {
            var moved = await bookings.MoveAsync(Moving.Id, date, start, ChangedBy.Client, Machines, ct: ct);
            if (moved is BookingOutcome.Moved)
            {
                TempData["BookingMessage"] = "Moved";
                return Redirect($"/booking/{Moving.Reference}?token={Uri.EscapeDataString(Token!)}");
            }

            ModelState.AddModelError("time", moved switch
            {
                BookingOutcome.TooLate tooLate => b["Manage.TooLate", AgencyContacts.Phone],
                BookingOutcome.TooManyMoves tooMany => b["Manage.TooManyMoves", tooMany.Limit, AgencyContacts.Phone],
                BookingOutcome.NotActive => b["Manage.NotActive"],
                _ => b["When.Taken"],
            });
            await LoadDaysAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
            return Page();
        }

        // One browser holds one time: a new choice gives the previous one back at once.
        if (Guid.TryParse(Request.Cookies[OnlineBooking.HoldCookie], out var previous))
        {
            await bookings.ReleaseHoldAsync(previous, ct);
        }

        var outcome = await bookings.HoldAsync(new HoldRequest(Location.Id, Service.Id, date, start, Machines, BookingChannels.Web), ct);
        if (outcome is BookingOutcome.Held held)
        {
            Response.Cookies.Append(OnlineBooking.HoldCookie, held.HoldId.ToString(), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true,
            });
            return Redirect($"/booking/details?service={Service.Code}&location={Location.Slug}&machines={Machines}&date={date:yyyy-MM-dd}&time={start:HH\\:mm}&hold={held.HoldId}");
        }

        ModelState.AddModelError("time", b["When.Taken"]);
        await LoadDaysAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string? service, string? location, string? machines, CancellationToken ct)
    {
        Today = RigaTime.Today(clock);
        if (Reference is not null || Token is not null)
        {
            Moving = await bookings.FindByLinkAsync(Reference, Token, ct);
            if (Moving is null)
            {
                return false;
            }

            service = Moving.Service.Code;
            location = Moving.Location.Slug;
            machines ??= Moving.Machines.ToString(CultureInfo.InvariantCulture);
        }

        if (await booking.ServiceAsync(service, ct) is not { HasDuration: true } found)
        {
            return false;
        }

        Service = found;
        if (await booking.LocationAsync(found.Id, location, ct) is not { } place)
        {
            return false;
        }

        Location = place;
        if (machines is not null && found.CountsMachines)
        {
            if (int.TryParse(machines, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= OnlineBooking.MaxMachines)
            {
                Machines = count;
            }
            else
            {
                ModelState.AddModelError("machines", b["When.MachinesRange", OnlineBooking.MaxMachines]);
            }
        }

        return true;
    }

    private async Task LoadDaysAsync(string? from, CancellationToken ct)
    {
        var last = Today.AddDays(HorizonDays);
        var all = await bookings.AvailabilityAsync(Location.Id, Service.Id, Machines, Today, last, BookingChannels.Web, ct) ?? [];
        FirstFree = all.FirstOrDefault(d => d.Times.Count > 0)?.Date;
        From = OnlineBooking.TryParseDate(from, out var chosen) && chosen >= Today && chosen <= last
            ? chosen
            : FirstFree ?? Today;
        var calendar = await calendars.GetAsync(db, ct);
        Days = [.. all.Where(d => d.Date >= From && d.Date < From.AddDays(7)).Select(d => (d, calendar.Day(Location.Id, d.Date)))];
    }
}
