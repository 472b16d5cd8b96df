using System.ComponentModel.DataAnnotations;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Referrals;

/// <summary>What the new-referral and edit-referral pages share: the form, its checks and the save.</summary>
public abstract class ReferralFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public ReferralInput Input { get; set; } = new();

    protected ClientDeskDb Db => db;

    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Input.Website)
            && !(Uri.TryCreate(Input.Website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Input.Website", t["Validation.Url", a["Referral.Website"]]);
        }

        var name = Input.NameLv?.Trim() ?? "";
        if (await db.ReferralInstitutions.AnyAsync(r => r.NameLv == name && r.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.NameLv", a["Referral.NameTaken", name]);
        }
    }

    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "Input.NameLv", a["Referral.NameTaken", Input.NameLv.Trim()], ct);

    protected IActionResult Saved(string name) => this.Saved(a["Referral.Saved", name], "/admin/referrals");
}

public sealed class ReferralInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.NameLv")]
    public string NameLv { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.NameEn")]
    public string NameEn { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.TopicsLv")]
    public string? TopicsLv { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.TopicsEn")]
    public string? TopicsEn { get; set; }

    [StringLength(30, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.PhonePattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Referral.Phone")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Referral.Email")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.Website")]
    public string? Website { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.Address")]
    public string? Address { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Referral.Source")]
    public string? Source { get; set; }

    [Display(Name = "Referral.Active")]
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }

    public static ReferralInput From(ReferralInstitution r) => new()
    {
        NameLv = r.NameLv,
        NameEn = r.NameEn,
        TopicsLv = r.TopicsLv,
        TopicsEn = r.TopicsEn,
        Phone = r.Phone,
        Email = r.Email,
        Website = r.Website,
        Address = r.Address,
        Source = r.Source,
        IsActive = r.IsActive,
        Version = r.Version,
    };

    public void ApplyTo(ReferralInstitution r)
    {
        r.NameLv = NameLv.Trim();
        r.NameEn = NameEn.Trim();
        r.TopicsLv = TopicsLv?.Trim() ?? "";
        r.TopicsEn = TopicsEn?.Trim() ?? "";
        r.Phone = AdminSupport.Blank(Phone);
        r.Email = AdminSupport.Blank(Email);
        r.Website = AdminSupport.Blank(Website);
        r.Address = AdminSupport.Blank(Address);
        r.Source = Source?.Trim() ?? "";
        r.IsActive = IsActive;
    }
}
