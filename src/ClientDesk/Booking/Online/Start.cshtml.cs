using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Booking.Online;

/// <summary>Step 1 of booking online: which service (S-1, S-2).</summary>
public sealed class StartModel(OnlineBooking booking) : PageModel
{
    public IReadOnlyList<BookableService> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Services = await booking.ServicesAsync(ct);
}
