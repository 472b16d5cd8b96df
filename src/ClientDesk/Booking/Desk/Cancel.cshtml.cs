using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Booking.Desk;

/// <summary>Cancels an appointment for the client, with a reason the client is told; its places are freed at once.</summary>
public sealed class CancelModel(ClientDeskDb db, StaffScope scope, Bookings bookings, IStringLocalizer<DeskTexts> d) : AppointmentPage(db, scope)
{
    public const int ReasonLength = 500;

    [TempData(Key = "Desk.Success")]
    public string? Success { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddModelError(nameof(Reason), d["Cancel.ReasonRequired"]);
        }
        else if (reason.Length > ReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), d["Common.TooLong", d["Cancel.Reason"], ReasonLength]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await bookings.CancelAsync(id, new ChangedBy(Desk.StaffId(User), reason), ct);
        if (outcome is BookingOutcome.Cancelled)
        {
            Success = d["Cancel.Done", Appointment.Reference, Appointment.ClientName];
            return Redirect(DayUrl);
        }

        ModelState.AddModelError("", d.Refusal(outcome));
        await LoadAsync(id, ct);
        return Page();
    }
}
