using ClientDesk.Booking.Online;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Requests;

/// <summary>
/// The public on-site request (S-6, VAL-5): first the service, then the office, the address and point, the machines,
/// the days and the contact. The travel fee that applies is on the page before sending ("Show the fee" recomputes it
/// for the office and point given, without JavaScript). Scripts are kept out as on the booking and feedback forms: a
/// hidden field people do not fill and a signed note of when the form was shown; every POST counts against the public
/// rate limit. After sending, the status page shows the number, what happens next and the link to follow it.
/// </summary>
public sealed class RequestModel(OnSiteRequests requests, OnlineBooking booking, IStringLocalizer<RequestTexts> t) : PageModel
{
    public const string ReceivedKey = "OnSite.Received";

    [BindProperty]
    public OnSiteRequestInput Input { get; set; } = new();

    public IReadOnlyList<OnSiteService> Services { get; private set; } = [];

    public OnSiteService? Service { get; private set; }

    public IReadOnlyList<OfficeChoice> Offices { get; private set; } = [];

    public OfficeChoice? Office { get; private set; }

    public TravelFeeQuote? Quote { get; private set; }

    public bool HasPoint { get; private set; }

    public string FormTicket { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? service, string? office, CancellationToken ct)
    {
        Input = new OnSiteRequestInput
        {
            Service = service,
            Office = office,
            Machines = "1",
            Language = Localization.IsEnglish ? Localization.English : Localization.Latvian,
            Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        };
        await LoadAsync(ct);
        if (service is not null && Service is null)
        {
            ModelState.AddModelError("Input.Service", t["Error.Service"]);
        }

        return Page();
    }

    /// <summary>"Show the fee": the same form again with the fee for the office and point given; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFeeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Website) || !booking.TicketIsHuman(Input.FormTicket))
        {
            ModelState.AddModelError("", t["Error.TryAgain"]);
        }

        var application = await requests.CheckAsync(Input, (field, message) => ModelState.AddModelError("Input." + field, message), ct);
        if (application is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var registered = await requests.RegisterAsync(application, OnSiteChannel.Web, staffId: null, ct);
        TempData[ReceivedKey] = "1";
        return Redirect($"/onsite/status?number={registered.Request.Number}&token={Uri.EscapeDataString(registered.StatusToken)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Services = await requests.ServicesAsync(ct);
        Service = Services.FirstOrDefault(s => s.Code == Input.Service?.Trim());
        if (Service is not null)
        {
            Offices = await requests.OfficesAsync(Service.Id, ct);
            Office = Offices.FirstOrDefault(o => o.Slug == Input.Office?.Trim());
            var point = requests.CheckPoint(Input.Latitude, Input.Longitude, (_, _) => { });
            HasPoint = point is not null;
            Quote = OnSiteRequests.QuoteFor(Service, Office, point);
        }

        FormTicket = booking.IssueTicket();
    }
}
