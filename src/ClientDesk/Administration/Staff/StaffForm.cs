using System.ComponentModel.DataAnnotations;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Staff;

/// <summary>What the new-member and edit-member pages share: the form, its choices, its checks.</summary>
public abstract class StaffFormPage(ClientDeskDb db, UserManager<StaffMember> users, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t)
    : PageModel
{
    /// <summary>Read once by the edit page right after the password was made; TempData is encrypted, never stored or logged.</summary>
    public const string OneTimePasswordKey = "Administration.OneTimePassword";

    /// <summary>Far enough to mean "never" on both databases (DateTimeOffset.MaxValue is not portable).</summary>
    public static readonly DateTimeOffset Deactivated = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public IReadOnlyList<Choice> LocationChoices { get; private set; } = [];

    public IReadOnlyList<Choice> ServiceChoices { get; private set; } = [];

    protected ClientDeskDb Db => db;

    protected UserManager<StaffMember> Users => users;

    protected IStringLocalizer<AdministrationTexts> Texts => a;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        LocationChoices = await AdminSupport.LocationChoicesAsync(db, ct);
        ServiceChoices = (await db.Services.AsNoTracking().OrderBy(s => s.NameLv)
                .Select(s => new { s.Id, s.NameLv, s.NameEn, s.IsActive }).ToListAsync(ct))
            .Select(s => new Choice(s.Id, Platform.Localization.Pick(s.NameLv, s.NameEn), s.IsActive))
            .ToList();
    }

    /// <summary>The checks the attributes cannot make: known roles, locations and services.</summary>
    protected async Task ValidateAsync(CancellationToken ct)
    {
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", a["Staff.ChooseRole"]);
        }
        else if (Input.Roles.Any(r => !Roles.All.Contains(r)))
        {
            ModelState.AddModelError("Input.Roles", t["Binding.UnknownValueIsInvalid"]);
        }

        var locations = Input.LocationIds.Distinct().ToList();
        if (await db.Locations.CountAsync(l => locations.Contains(l.Id), ct) != locations.Count)
        {
            ModelState.AddModelError("Input.LocationIds", t["Binding.UnknownValueIsInvalid"]);
        }

        var services = Input.ServiceIds.Distinct().ToList();
        if (await db.Services.CountAsync(s => services.Contains(s.Id), ct) != services.Count)
        {
            ModelState.AddModelError("Input.ServiceIds", t["Binding.UnknownValueIsInvalid"]);
        }
    }

    /// <summary>Copies the checked input onto a member whose locations and competences are loaded.</summary>
    protected async Task ApplyAsync(StaffMember member, CancellationToken ct)
    {
        member.FirstName = Input.FirstName.Trim();
        member.LastName = Input.LastName.Trim();
        member.PositionLv = Input.PositionLv.Trim();
        member.PositionEn = Input.PositionEn?.Trim() ?? "";
        member.UserName = Input.UserName.Trim();
        member.Email = AdminSupport.Blank(Input.Email);
        member.PhoneNumber = AdminSupport.Blank(Input.Phone);
        member.ShowInDirectory = Input.ShowInDirectory;

        await db.SetChosenAsync(member.Locations, Input.LocationIds, l => l.Id, ct);
        await db.SetChosenAsync(member.Competences, Input.ServiceIds, s => s.Id, ct);
    }

    /// <summary>Identity's refusals (a taken user name, a concurrent change) as messages on the form.</summary>
    protected void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName)
                ? "Input.UserName"
                : "";
            ModelState.AddModelError(key, error.Description);
        }
    }
}

public sealed class StaffInput
{
    public const string UserNamePattern = "^[a-zA-Z0-9._@-]+$";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Staff.FirstName")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Staff.LastName")]
    public string LastName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Staff.PositionLv")]
    public string PositionLv { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Staff.PositionEn")]
    public string? PositionEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(UserNamePattern, ErrorMessage = "Staff.UserNameFormat")]
    [Display(Name = "Staff.UserName")]
    public string UserName { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Staff.Email")]
    public string? Email { get; set; }

    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.PhonePattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Staff.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Staff.Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Staff.Locations")]
    public List<int> LocationIds { get; set; } = [];

    [Display(Name = "Staff.Competences")]
    public List<int> ServiceIds { get; set; } = [];

    [Display(Name = "Staff.ShowInDirectory")]
    public bool ShowInDirectory { get; set; } = true;

    [Display(Name = "Staff.Active")]
    public bool IsActive { get; set; } = true;

    [StringLength(100)]
    public string? ConcurrencyStamp { get; set; }
}
