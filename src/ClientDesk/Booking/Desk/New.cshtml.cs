using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClientDesk.Booking.Desk;

/// <summary>The client's details as typed by the member.</summary>
public sealed class ClientInput
{
    public const int NameLength = 200;
    public const int NoteLength = 1000;

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PersonalCode { get; set; }
    public string? CompanyNumber { get; set; }
    public string Language { get; set; } = "lv";
    public string? Note { get; set; }
}

/// <summary>What the member reads out or sends after booking: the reference and the client's manage link.</summary>
public sealed record BookingConfirmation(AppointmentSummary Appointment, string? ManageUrl);

/// <summary>
/// Staff book for a client who phones, comes in, writes by e-mail or post, or comes through the e-service portal,
/// latvija.lv or the e-address (S-6). Two steps that work without JavaScript: choose the location, service, machines,
/// channel and day (GET), then a time and the client's details (POST). Staff see every seat, including those kept
/// for them, and may give a full time only with an over-capacity reason, which is stored and audited.
/// </summary>
public sealed class NewModel(
    ClientDeskDb db, StaffScope scope, Bookings bookings, CalendarStore calendars, TimeProvider clock, IOptions<BookingOptions> options, IStringLocalizer<DeskTexts> d)
    : PageModel
{
    private const string TokenKey = "Desk.Token";
    private const string ReferenceKey = "Desk.Reference";

    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Machines { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty]
    public string? Start { get; set; }

    [BindProperty]
    public bool OverCapacity { get; set; }

    [BindProperty]
    public string? OverCapacityReason { get; set; }

    [BindProperty]
    public ClientInput Client { get; set; } = new();

    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Services { get; private set; } = [];

    /// <summary>Set when the first step is complete and valid: the day's times to choose from.</summary>
    public TimeChoice? Choice { get; private set; }

    public BookingConfirmation? Confirmation { get; private set; }

    private DeskLocation? chosenLocation;
    private int serviceId;
    private int machines = 1;
    private BookingChannels channel;
    private DateOnly day;

    public async Task<IActionResult> OnGetAsync(string? booked, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (booked is not null)
        {
            return await ConfirmationAsync(booked, ct);
        }

        Date ??= Desk.Iso(RigaTime.Today(clock));
        Machines ??= "1";
        Location ??= Locations.Count == 1 ? Locations[0].Slug : null;
        var asked = Request.Query.ContainsKey("service");
        if (await CheckStepOneAsync(ct) && asked)
        {
            Choice = new TimeChoice(day, await TimesAsync(ct), null, false, null, null, null);
        }
        else if (!asked)
        {
            ModelState.Clear();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!await CheckStepOneAsync(ct))
        {
            return Page();
        }

        var times = await TimesAsync(ct);
        var (overReason, timeError, overError) = TimeChecks.Check(d, times, Start, OverCapacity, OverCapacityReason);
        var details = CheckClient();
        if (timeError is not null || overError is not null || details is null)
        {
            ModelState.AddModelError("", d["Common.Fix"]);
            Choice = new TimeChoice(day, times, Desk.TryParseTime(Start, out var picked) ? picked : null, OverCapacity, OverCapacityReason, timeError, overError);
            return Page();
        }

        Desk.TryParseTime(Start, out var start);
        var outcome = await bookings.BookAsync(
            new BookingRequest(chosenLocation!.Id, serviceId, day, start, machines, channel, details, StaffId: Desk.StaffId(User), OverCapacityReason: overReason), ct);
        if (outcome is BookingOutcome.Booked done)
        {
            TempData[TokenKey] = done.ManageToken;
            TempData[ReferenceKey] = done.Appointment.Reference;
            return Redirect("/staff/bookings/new?booked=" + Uri.EscapeDataString(done.Appointment.Reference));
        }

        ModelState.AddModelError("", d.Refusal(outcome));
        Choice = new TimeChoice(day, await TimesAsync(ct), null, OverCapacity, OverCapacityReason, null, null);
        return Page();
    }

    public string StepOneUrl() =>
        $"/staff/bookings/new?location={Uri.EscapeDataString(Location ?? "")}&service={Uri.EscapeDataString(Service ?? "")}"
        + $"&machines={Uri.EscapeDataString(Machines ?? "1")}&channel={Uri.EscapeDataString(Channel ?? "")}&date={Uri.EscapeDataString(Date ?? "")}";

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Locations = await Desk.LocationsAsync(db, scope, User, ct);
        var ids = Locations.Select(l => l.Id).ToArray();
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive && s.DurationMinutes != null && s.Locations.Any(l => ids.Contains(l.Id)))
            .Select(s => new { s.Code, s.NameLv, s.NameEn })
            .ToListAsync(ct);
        Services = [.. services.Select(s => (s.Code, Localization.Pick(s.NameLv, s.NameEn))).OrderBy(s => s.Item2, StringComparer.CurrentCulture)];
    }

    /// <summary>The first step: a location in scope, a bookable service offered there, 1–20 machines, a staff channel, a day.</summary>
    private async Task<bool> CheckStepOneAsync(CancellationToken ct)
    {
        chosenLocation = Locations.FirstOrDefault(l => l.Slug == Location);
        if (chosenLocation is null)
        {
            ModelState.AddModelError(nameof(Location), d["New.LocationRequired"]);
        }

        var service = await db.Services.AsNoTracking().Where(s => s.Code == Service && s.IsActive)
            .Select(s => new { s.Id, s.DurationMinutes, Offered = chosenLocation != null && s.Locations.Any(l => l.Id == chosenLocation.Id) })
            .FirstOrDefaultAsync(ct);
        if (service is null)
        {
            ModelState.AddModelError(nameof(Service), d["New.ServiceRequired"]);
        }
        else if (chosenLocation is not null && (!service.Offered || service.DurationMinutes is null))
        {
            ModelState.AddModelError(nameof(Service), d["New.ServiceNotHere", chosenLocation.Name]);
        }
        else
        {
            serviceId = service.Id;
        }

        if (!int.TryParse(Machines, NumberStyles.None, CultureInfo.InvariantCulture, out machines) || machines is < 1 or > 20)
        {
            ModelState.AddModelError(nameof(Machines), d["New.MachinesRange"]);
        }

        if (!Enum.TryParse(Channel, out channel) || !Desk.StaffChannels.Contains(channel))
        {
            ModelState.AddModelError(nameof(Channel), d["New.ChannelRequired"]);
        }

        if (!Desk.TryParseDate(Date, out day))
        {
            ModelState.AddModelError(nameof(Date), d["Common.DateInvalid"]);
        }
        else if (day < RigaTime.Today(clock))
        {
            ModelState.AddModelError(nameof(Date), d["New.DatePast"]);
        }

        return ModelState.IsValid;
    }

    private async Task<IReadOnlyList<DeskTime>> TimesAsync(CancellationToken ct) =>
        await Desk.TimesAsync(db, calendars, clock, options.Value, chosenLocation!.Id, serviceId, machines, day, channel, null, ct) ?? [];

    /// <summary>
    /// The client's details, checked and in their stored form, or null with the messages on the form. A phone or an
    /// e-mail is needed to tell the client of changes; a letter by post may give neither when the note holds the
    /// postal address.
    /// </summary>
    private ClientDetails? CheckClient()
    {
        var c = Client;
        var name = c.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError("Client.Name", d["Client.NameRequired"]);
        }
        else if (name.Length > ClientInput.NameLength)
        {
            ModelState.AddModelError("Client.Name", d["Common.TooLong", d["Client.Name"], ClientInput.NameLength]);
        }

        var phone = ClientIdentity.Phone(c.Phone);
        if (!string.IsNullOrWhiteSpace(c.Phone) && (phone is null || c.Phone.Length > 40))
        {
            ModelState.AddModelError("Client.Phone", d["Client.PhoneInvalid"]);
        }

        var email = ClientIdentity.Email(c.Email);
        if (!string.IsNullOrWhiteSpace(c.Email) && email is null)
        {
            ModelState.AddModelError("Client.Email", d["Client.EmailInvalid"]);
        }

        var note = c.Note?.Trim();
        if (note is { Length: > ClientInput.NoteLength })
        {
            ModelState.AddModelError("Client.Note", d["Common.TooLong", d["Client.Note"], ClientInput.NoteLength]);
        }

        if (string.IsNullOrWhiteSpace(c.Phone) && string.IsNullOrWhiteSpace(c.Email))
        {
            if (channel != BookingChannels.Post)
            {
                ModelState.AddModelError("Client.Phone", d["Client.ContactRequired"]);
            }
            else if (string.IsNullOrEmpty(note))
            {
                ModelState.AddModelError("Client.Note", d["Client.PostalAddressRequired"]);
            }
        }

        var code = ClientIdentity.PersonalCode(c.PersonalCode, RigaTime.Today(clock));
        if (!string.IsNullOrWhiteSpace(c.PersonalCode) && (code is null || c.PersonalCode.Length > 20))
        {
            ModelState.AddModelError("Client.PersonalCode", d["Client.PersonalCodeInvalid"]);
        }

        var company = ClientIdentity.CompanyNumber(c.CompanyNumber);
        if (!string.IsNullOrWhiteSpace(c.CompanyNumber) && (company is null || c.CompanyNumber.Length > 20))
        {
            ModelState.AddModelError("Client.CompanyNumber", d["Client.CompanyNumberInvalid"]);
        }

        if (c.Language is not ("lv" or "en"))
        {
            ModelState.AddModelError("Client.Language", d["Client.LanguageRequired"]);
        }

        return ModelState.IsValid ? new ClientDetails(name!, phone, email, code, company, c.Language, note) : null;
    }

    private async Task<IActionResult> ConfirmationAsync(string reference, CancellationToken ct)
    {
        var normalised = reference.Trim().ToUpperInvariant();
        var id = await db.Appointments.AsNoTracking().Where(a => a.Reference == normalised).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var page = new ConfirmationLoader(db, scope) { PageContext = PageContext };
        if (id is null || !await page.LoadAsync(id.Value, ct))
        {
            return NotFound();
        }

        var token = TempData[ReferenceKey] as string == normalised ? TempData[TokenKey] as string : null;
        var url = token is null ? null : $"{Request.Scheme}://{Request.Host}/booking/{normalised}?token={Uri.EscapeDataString(token)}";
        Confirmation = new BookingConfirmation(page.Appointment, url);
        return Page();
    }

    /// <summary>Reads the booked appointment with the same scope check as the move and cancel pages.</summary>
    private sealed class ConfirmationLoader(ClientDeskDb db, StaffScope scope) : AppointmentPage(db, scope)
    {
        public new Task<bool> LoadAsync(int id, CancellationToken ct) => base.LoadAsync(id, ct);
    }
}
