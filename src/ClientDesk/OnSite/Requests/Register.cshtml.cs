using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Requests;

/// <summary>
/// Any staff member registers an on-site request that came by phone, e-mail, post, in person, the e-service portal,
/// latvija.lv or the e-address (S-6), recorded as theirs. They then see the number, the fee and the status link to
/// pass on to the client.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RegisterModel(OnSiteRequests requests, IStringLocalizer<RequestTexts> t) : PageModel
{
    [BindProperty]
    public OnSiteRequestInput Input { get; set; } = new();

    public IReadOnlyList<OnSiteService> Services { get; private set; } = [];

    public IReadOnlyList<OfficeChoice> Offices { get; private set; } = [];

    public string? RegisteredNumber { get; private set; }

    public string? RegisteredUrl { get; private set; }

    public decimal? RegisteredFee { get; private set; }

    public async Task OnGetAsync(string? service, CancellationToken ct)
    {
        Input = new OnSiteRequestInput
        {
            Service = service,
            Machines = "1",
            Language = Localization.Latvian,
            Channel = nameof(OnSiteChannel.Phone),
            Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var channel = Enum.TryParse<OnSiteChannel>(Input.Channel, out var given) && OnSiteRequests.StaffChannels.Contains(given) ? given : (OnSiteChannel?)null;
        if (channel is null)
        {
            ModelState.AddModelError("Input.Channel", t["Error.Channel"]);
        }

        var application = await requests.CheckAsync(Input, (field, message) => ModelState.AddModelError("Input." + field, message), ct);
        if (application is null || channel is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var registered = await requests.RegisterAsync(application, channel.Value, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        RegisteredNumber = registered.Request.Number;
        RegisteredUrl = requests.StatusUrl(registered.Request.Number, registered.StatusToken);
        RegisteredFee = registered.Request.TravelFeeEur;
        ModelState.Clear();
        Input = new OnSiteRequestInput { Machines = "1", Language = Localization.Latvian, Channel = channel.ToString(), Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] };
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Services = await requests.ServicesAsync(ct);
        var service = Services.FirstOrDefault(s => s.Code == Input.Service);
        Offices = service is null ? [] : await requests.OfficesAsync(service.Id, ct);
    }
}
