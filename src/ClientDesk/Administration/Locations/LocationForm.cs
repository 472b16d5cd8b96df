using System.ComponentModel.DataAnnotations;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Locations;

/// <summary>What the new-location and edit-location pages share: the form, its choices, its checks and the save.</summary>
public abstract class LocationFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> PremisesChoices { get; private set; } = [];

    protected ClientDeskDb Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Regions = (await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.NameLv, r.NameEn }).ToListAsync(ct))
            .Select(r => new SelectListItem(Platform.Localization.Pick(r.NameLv, r.NameEn), r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        PremisesChoices = Enum.GetValues<Premises>()
            .Select(p => new SelectListItem(a.PremisesText(p), p.ToString()))
            .ToList();
    }

    /// <summary>Start intervals a location's booking grid may use, in minutes.</summary>
    public static readonly int[] BookingIntervals = [5, 10, 15, 20, 30, 60];

    /// <summary>The checks the attributes cannot make: numbers, an existing region, a free slug. Adds model errors.</summary>
    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Id == Input.RegionId, ct))
        {
            ModelState.AddModelError("Input.RegionId", t["Validation.Required", a["Location.Region"]]);
        }

        CheckCoordinate(Input.Latitude, "Input.Latitude", a["Location.Latitude"], 90);
        CheckCoordinate(Input.Longitude, "Input.Longitude", a["Location.Longitude"], 180);

        if (Input.SeatsKeptForStaff > Input.BookingSeats)
        {
            ModelState.AddModelError("Input.SeatsKeptForStaff", a["Location.SeatsKeptTooMany", Input.BookingSeats]);
        }

        if (!BookingIntervals.Contains(Input.BookingIntervalMinutes))
        {
            ModelState.AddModelError("Input.BookingIntervalMinutes", t["Validation.Required", a["Location.BookingInterval"]]);
        }

        var slug = Input.Slug?.Trim() ?? "";
        if (await db.Locations.AnyAsync(l => l.Slug == slug && l.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.Slug", a["Location.SlugTaken", slug]);
        }
    }

    private void CheckCoordinate(string? text, string key, string name, int limit)
    {
        if (!AdminSupport.TryParseNumber(text, out var value))
        {
            ModelState.AddModelError(key, t["Binding.MustBeNumberFor", name]);
        }
        else if (value is { } v && (v < -limit || v > limit))
        {
            ModelState.AddModelError(key, t["Validation.Range", name, -limit, limit]);
        }
    }

    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "Input.Slug", a["Location.SlugTaken", Input.Slug.Trim()], ct);

    protected IActionResult Saved(string name) => this.Saved(a["Location.Saved", name], "/admin/locations");
}

public sealed class LocationInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.IdentifierPattern, ErrorMessage = "Location.SlugFormat")]
    [Display(Name = "Location.Slug")]
    public string Slug { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.NameLv")]
    public string NameLv { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.NameEn")]
    public string NameEn { get; set; } = "";

    [Display(Name = "Location.Region")]
    public int RegionId { get; set; }

    [Display(Name = "Location.Premises")]
    public Premises Premises { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.Address")]
    public string? Address { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.Room")]
    public string? Room { get; set; }

    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.PhonePattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Location.Phone")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Location.Email")]
    public string? Email { get; set; }

    /// <summary>Text, so that both 56,95 and 56.95 are understood; checked in <see cref="LocationFormPage"/>.</summary>
    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.Latitude")]
    public string? Latitude { get; set; }

    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.Longitude")]
    public string? Longitude { get; set; }

    [Display(Name = "Location.BookingInterval")]
    public int BookingIntervalMinutes { get; set; } = 15;

    [Range(1, 50, ErrorMessage = "Validation.Range")]
    [Display(Name = "Location.BookingSeats")]
    public int BookingSeats { get; set; } = 1;

    [Range(0, 50, ErrorMessage = "Validation.Range")]
    [Display(Name = "Location.SeatsKeptForStaff")]
    public int SeatsKeptForStaff { get; set; }

    [Display(Name = "Location.HeadOffice")]
    public bool IsHeadOffice { get; set; }

    [Display(Name = "Location.Active")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Location.NeedsReview")]
    public bool NeedsReview { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.ReviewNote")]
    public string? ReviewNote { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Location.Source")]
    public string? Source { get; set; }

    public Guid Version { get; set; }

    public static LocationInput From(Location l) => new()
    {
        Slug = l.Slug,
        NameLv = l.NameLv,
        NameEn = l.NameEn,
        RegionId = l.RegionId,
        Premises = l.Premises,
        Address = l.Address,
        Room = l.Room,
        Phone = l.Phone,
        Email = l.Email,
        Latitude = AdminSupport.FormatNumber(l.Latitude),
        Longitude = AdminSupport.FormatNumber(l.Longitude),
        BookingIntervalMinutes = l.BookingIntervalMinutes,
        BookingSeats = l.BookingSeats,
        SeatsKeptForStaff = l.SeatsKeptForStaff,
        IsHeadOffice = l.IsHeadOffice,
        IsActive = l.IsActive,
        NeedsReview = l.NeedsReview,
        ReviewNote = l.ReviewNote,
        Source = l.Source,
        Version = l.Version,
    };

    /// <summary>Copies the checked input onto the entity; call only when the model state is valid.</summary>
    public void ApplyTo(Location l)
    {
        l.Slug = Slug.Trim();
        l.NameLv = NameLv.Trim();
        l.NameEn = NameEn.Trim();
        l.RegionId = RegionId;
        l.Premises = Premises;
        l.Address = AdminSupport.Blank(Address);
        l.Room = AdminSupport.Blank(Room);
        l.Phone = AdminSupport.Blank(Phone);
        l.Email = AdminSupport.Blank(Email);
        l.Latitude = AdminSupport.TryParseNumber(Latitude, out var lat) && lat is { } la ? (double)la : null;
        l.Longitude = AdminSupport.TryParseNumber(Longitude, out var lon) && lon is { } lo ? (double)lo : null;
        l.BookingIntervalMinutes = BookingIntervalMinutes;
        l.BookingSeats = BookingSeats;
        l.SeatsKeptForStaff = SeatsKeptForStaff;
        l.IsHeadOffice = IsHeadOffice;
        l.IsActive = IsActive;
        l.NeedsReview = NeedsReview;
        l.ReviewNote = AdminSupport.Blank(ReviewNote);
        l.Source = Source?.Trim() ?? "";
    }
}
