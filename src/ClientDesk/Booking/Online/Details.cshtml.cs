using System.ComponentModel.DataAnnotations;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Booking.Online;

/// <summary>
/// Step 4: who comes. The chosen time is held meanwhile; the page says what to bring and what it costs. The form
/// checks every field in the user's language (L-7 for the personal code), and keeps scripts out with a hidden field
/// people do not fill and a signed note of when the form was shown.
/// </summary>
public sealed class DetailsModel(
    OnlineBooking booking, Bookings bookings, ClientDeskDb db, IStringLocalizer<BookingTexts> b, IStringLocalizer<SharedTexts> t, TimeProvider clock) : PageModel
{
    public BookableService Service { get; private set; } = null!;

    public BookableLocation Location { get; private set; } = null!;

    public int Machines { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Start { get; private set; }

    public TimeOnly End { get; private set; }

    public Guid? HoldId { get; private set; }

    /// <summary>Until when the time is kept; null when the hold has lapsed (booking is still tried).</summary>
    public DateTimeOffset? HeldUntil { get; private set; }

    public IReadOnlyList<string> Documents { get; private set; } = [];

    public IReadOnlyList<Catalogue.Services.ServiceModel.FeeView> Fees { get; private set; } = [];

    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    public string Ticket { get; private set; } = "";

    public string Query => $"service={Service.Code}&location={Location.Slug}&machines={Machines}&date={Date:yyyy-MM-dd}&time={Start:HH\\:mm}" + (HoldId is { } hold ? $"&hold={hold}" : "");

    public async Task<IActionResult> OnGetAsync(string? service, string? location, string? machines, string? date, string? time, string? hold, CancellationToken ct)
    {
        if (!await LoadAsync(service, location, machines, date, time, hold, ct))
        {
            return NotFound();
        }

        Input.Language = Localization.IsEnglish ? Localization.English : Localization.Latvian;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? service, string? location, string? machines, string? date, string? time, string? hold, CancellationToken ct)
    {
        if (!await LoadAsync(service, location, machines, date, time, hold, ct))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Input.Website) || !booking.TicketIsHuman(Input.Ticket))
        {
            ModelState.AddModelError("", b["Details.TryAgain"]);
        }

        var client = Check();
        if (!ModelState.IsValid || client is null)
        {
            return Page();
        }

        var outcome = await bookings.BookAsync(
            new BookingRequest(Location.Id, Service.Id, Date, Start, Machines, BookingChannels.Web, client, HoldId: HoldId), ct);
        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                Response.Cookies.Delete(OnlineBooking.HoldCookie);
                TempData["BookingMessage"] = "Booked";
                return Redirect($"/booking/{booked.Appointment.Reference}?token={Uri.EscapeDataString(booked.ManageToken)}");
            case BookingOutcome.LimitReached limit:
                ModelState.AddModelError("", b["Details.Limit", limit.Limit]);
                break;
            case BookingOutcome.NotBookable:
                return NotFound();
            default:
                ModelState.AddModelError("", b["Details.Taken"]);
                break;
        }

        return Page();
    }

    /// <summary>Checks and normalises the client's details; each problem is a message on its field.</summary>
    private ClientDetails? Check()
    {
        var today = RigaTime.Today(clock);
        string? phone = null, email = null, personalCode = null, companyNumber = null;
        if (!string.IsNullOrWhiteSpace(Input.Phone) && (phone = ClientIdentity.Phone(Input.Phone)) is null)
        {
            ModelState.AddModelError("Input.Phone", b["Details.PhoneInvalid"]);
        }

        if (!string.IsNullOrWhiteSpace(Input.Email) && (email = ClientIdentity.Email(Input.Email)) is null)
        {
            ModelState.AddModelError("Input.Email", b["Details.EmailInvalid"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Phone) && string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Phone", b["Details.PhoneOrEmail"]);
        }

        if (!string.IsNullOrWhiteSpace(Input.PersonalCode) && (personalCode = ClientIdentity.PersonalCode(Input.PersonalCode, today)) is null)
        {
            ModelState.AddModelError("Input.PersonalCode", b["Details.PersonalCodeInvalid"]);
        }

        if (!string.IsNullOrWhiteSpace(Input.CompanyNumber) && (companyNumber = ClientIdentity.CompanyNumber(Input.CompanyNumber)) is null)
        {
            ModelState.AddModelError("Input.CompanyNumber", b["Details.CompanyNumberInvalid"]);
        }

        if (Input.Language is not (Localization.Latvian or Localization.English))
        {
            ModelState.AddModelError("Input.Language", t["Validation.Required", b["Details.Language"]]);
        }

        return ModelState.IsValid
            ? new ClientDetails(Input.Name!.Trim(), phone, email, personalCode, companyNumber, Input.Language!, Input.Note)
            : null;
    }

    private async Task<bool> LoadAsync(string? service, string? location, string? machines, string? date, string? time, string? hold, CancellationToken ct)
    {
        if (await booking.ServiceAsync(service, ct) is not { HasDuration: true } found
            || await booking.LocationAsync(found.Id, location, ct) is not { } place
            || !int.TryParse(machines, out var count) || count is < 1 or > OnlineBooking.MaxMachines || (count > 1 && !found.CountsMachines)
            || !OnlineBooking.TryParseDate(date, out var day) || !OnlineBooking.TryParseTime(time, out var start))
        {
            return false;
        }

        (Service, Location, Machines, Date, Start) = (found, place, count, day, start);
        var end = start.Add(TimeSpan.FromMinutes(found.DurationMinutes!.Value * count));
        End = end < start ? TimeOnly.MaxValue : end;
        HoldId = Guid.TryParse(hold, out var holdId) ? holdId : null;
        if (HoldId is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var expires = await db.Seats.AsNoTracking()
                .Where(s => s.HoldId == HoldId && s.LocationId == place.Id && s.Date == day && s.Start == start && s.ExpiresAtUtc > now)
                .Select(s => s.ExpiresAtUtc)
                .FirstOrDefaultAsync(ct);
            HeldUntil = expires is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null;
        }

        var facts = await db.Services.AsNoTracking()
            .Where(s => s.Id == found.Id)
            .Select(s => new
            {
                s.DocumentsLv,
                s.DocumentsEn,
                Fees = s.Fees.OrderBy(f => f.Position).Select(f => new Catalogue.Services.ServiceModel.FeeView(f.NameLv, f.NameEn, f.AmountEur, f.VatPercent, f.NoteLv, f.NoteEn)).ToList(),
            })
            .SingleAsync(ct);
        Documents = Localization.Pick(facts.DocumentsLv, facts.DocumentsEn).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Fees = facts.Fees;
        Ticket = booking.IssueTicket();
        return true;
    }
}

public sealed class DetailsInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Details.Name")]
    public string? Name { get; set; }

    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Details.Phone")]
    public string? Phone { get; set; }

    [StringLength(254, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Details.Email")]
    public string? Email { get; set; }

    [StringLength(20, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Details.PersonalCode")]
    public string? PersonalCode { get; set; }

    [StringLength(20, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Details.CompanyNumber")]
    public string? CompanyNumber { get; set; }

    [Display(Name = "Details.Language")]
    public string? Language { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Details.Note")]
    public string? Note { get; set; }

    /// <summary>Hidden from people; a script that fills every field fills this one too.</summary>
    public string? Website { get; set; }

    public string? Ticket { get; set; }
}
