using ClientDesk.Booking.Online;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception.Public;

/// <summary>
/// Visitor reception (V-1, V-2): who receives, where (place and room) and when, when hours are known; and the request
/// form for the chosen official — a time from the hours, or the days that suit in words. Scripts are kept out as on the
/// booking form (a hidden field and a signed note of when the form was shown); every POST counts against the public limit.
/// </summary>
public sealed class IndexModel(
    ClientDeskDb db, OnlineBooking booking, Receptions receptions, ReceptionForm form, TimeProvider clock, IStringLocalizer<ReceptionTexts> t) : PageModel
{
    public const string SentKey = "Reception.Sent";

    [BindProperty]
    public ReceptionInput Input { get; set; } = new();

    public IReadOnlyList<OfficialView> Officials { get; private set; } = [];

    public OfficialView? Chosen { get; private set; }

    public IReadOnlyList<ReceptionSlot> Slots { get; private set; } = [];

    public string FormTicket { get; private set; } = "";

    public async Task OnGetAsync(string? official, CancellationToken ct)
    {
        Input.Official = official;
        Input.Language = Localization.IsEnglish ? Localization.English : Localization.Latvian;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.Website) || !booking.TicketIsHuman(Input.FormTicket))
        {
            ModelState.AddModelError("", t["Error.TryAgain"]);
        }

        var intake = await form.CheckAsync(Input, staffId: null, ModelState, ct);
        if (intake is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var (request, token) = await receptions.RegisterAsync(intake, ct);
        TempData[SentKey] = "1";
        return Redirect($"/reception/status?number={request.Number}&token={Uri.EscapeDataString(token)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Officials = await OfficialView.ListAsync(db, RigaTime.Today(clock), t, ct: ct);
        Chosen = Officials.FirstOrDefault(o => o.Key == Input.Official);
        Slots = Chosen is { HasHours: true } ? await receptions.FreeSlotsAsync(Chosen.Id, ct) : [];
        FormTicket = booking.IssueTicket();
    }
}
