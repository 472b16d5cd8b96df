using System.ComponentModel.DataAnnotations;
using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Desks;

/// <summary>What the new-desk and edit-desk pages share: the form, its checks and the save.</summary>
public abstract class DeskFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public DeskInput Input { get; set; } = new();

    public IReadOnlyList<Choice> LocationChoices { get; private set; } = [];

    protected ClientDeskDb Db => db;

    protected IStringLocalizer<AdministrationTexts> A => a;

    protected async Task LoadChoicesAsync(CancellationToken ct) => LocationChoices = await AdminSupport.LocationChoicesAsync(db, ct);

    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (Input.LocationId is { } location && !await db.Locations.AnyAsync(l => l.Id == location, ct))
        {
            ModelState.AddModelError("Input.LocationId", a["Desk.ChooseLocation"]);
        }

        if (Input.LocationId is { } here && Input.Number is { } number
            && await db.Desks.AnyAsync(d => d.LocationId == here && d.Number == number && d.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.Number", a["Desk.NumberTaken", number]);
        }
    }

    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "Input.Number", a["Desk.NumberTaken", Input.Number ?? 0], ct);

    protected IActionResult Saved(int number) => this.Saved(a["Desk.Saved", number], "/admin/desks");
}

public sealed class DeskInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Desk.Location")]
    public int? LocationId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, 99, ErrorMessage = "Desk.NumberRange")]
    [Display(Name = "Desk.Number")]
    public int? Number { get; set; }

    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Desk.NoteLv")]
    public string? NoteLv { get; set; }

    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Desk.NoteEn")]
    public string? NoteEn { get; set; }

    [Display(Name = "Desk.Active")]
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }

    public static DeskInput From(Desk d) => new()
    {
        LocationId = d.LocationId,
        Number = d.Number,
        NoteLv = d.NoteLv,
        NoteEn = d.NoteEn,
        IsActive = d.IsActive,
        Version = d.Version,
    };

    public void ApplyTo(Desk d)
    {
        d.LocationId = LocationId!.Value;
        d.Number = Number!.Value;
        d.NoteLv = NoteLv?.Trim() ?? "";
        d.NoteEn = NoteEn?.Trim() ?? "";
        d.IsActive = IsActive;
    }
}
