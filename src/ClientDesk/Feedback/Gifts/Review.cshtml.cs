using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Gifts;

/// <summary>The ethics officer marks an entry of the gift log reviewed, with a note (version-checked).</summary>
[Authorize(Policy = Policies.GiftLog)]
public sealed class ReviewModel(ClientDeskDb db, TimeProvider clock, IStringLocalizer<GiftTexts> g, IStringLocalizer<SharedTexts> t) : PageModel
{
    public const int NoteLength = 1000;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public GiftOffer Gift { get; private set; } = null!;

    public string Date(DateOnly date) => date.ToString(g["Format.Date"], CultureInfo.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Gift.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var note = Note?.Trim();
        if (Gift.ReviewedAtUtc is not null)
        {
            ModelState.AddModelError("", g["Review.Already"]);
        }
        else if (string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError(nameof(Note), g["Review.NoteRequired"]);
        }
        else if (note.Length > NoteLength)
        {
            ModelState.AddModelError(nameof(Note), g["Form.TooLong", g["Review.Note"], NoteLength]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Gift.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        Gift.ReviewedByStaffId = Desk.StaffId(User);
        Gift.ReviewNote = note;
        db.Entry(Gift).Property(x => x.Version).OriginalValue = Version;
        Gift.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["ConcurrencyFailure"]);
            return Page();
        }

        TempData[IndexModel.SuccessKey] = g["Review.Saved"].Value;
        return Redirect("/staff/gifts");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var gift = await db.GiftOffers.Include(x => x.OfferedTo).Include(x => x.Location).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (gift is null)
        {
            return false;
        }

        Gift = gift;
        return true;
    }
}
