using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Booking.Desk;

/// <summary>
/// A warning with a link to the affected bookings, for the calendar administration pages: after a closure or a
/// special day is saved, the administrator sees at once whether it hit booked appointments (VAL-2).
/// </summary>
public sealed class AffectedBookingsNotice(ClientDeskDb db, StaffScope scope, CalendarStore calendars, TimeProvider clock, IStringLocalizer<DeskTexts> d)
    : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var visible = await scope.LocationIdsAsync(HttpContext.User, ct);
        var count = (await AffectedBookings.FindAsync(db, calendars, clock, d, visible, ct)).Count;
        return count == 0 ? Content("") : View("~/Booking/Desk/_AffectedNotice.cshtml", count);
    }
}
