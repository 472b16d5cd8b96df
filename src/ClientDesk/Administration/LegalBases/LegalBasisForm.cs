using System.ComponentModel.DataAnnotations;
using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.LegalBases;

/// <summary>What the new and edit pages of a legal basis share: the form, its checks and the save.</summary>
public abstract class LegalBasisFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    [BindProperty]
    public LegalBasisInput Input { get; set; } = new();

    protected ClientDeskDb Db => db;

    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Input.Url)
            && !(Uri.TryCreate(Input.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Input.Url", t["Validation.Url", a["LegalBasis.Url"]]);
        }

        var (act, section) = (Input.ActLv?.Trim() ?? "", Input.SectionLv?.Trim() ?? "");
        if (await db.LegalBases.AnyAsync(b => b.ActLv == act && b.SectionLv == section && b.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.SectionLv", a["LegalBasis.Taken", act, section]);
        }
    }

    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "Input.SectionLv", a["LegalBasis.Taken", Input.ActLv.Trim(), Input.SectionLv.Trim()], ct);

    protected IActionResult Saved(LegalBasis basis) => this.Saved(a["LegalBasis.Saved", basis.ActLv, basis.SectionLv], "/admin/legal-bases");
}

public sealed class LegalBasisInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.ActLv")]
    public string ActLv { get; set; } = "";

    [StringLength(500, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.ActEn")]
    public string? ActEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.SectionLv")]
    public string SectionLv { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.SectionEn")]
    public string? SectionEn { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.SummaryLv")]
    public string? SummaryLv { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.SummaryEn")]
    public string? SummaryEn { get; set; }

    [StringLength(500, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "LegalBasis.Url")]
    public string? Url { get; set; }

    [Display(Name = "LegalBasis.Active")]
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }

    public static LegalBasisInput From(LegalBasis b) => new()
    {
        ActLv = b.ActLv,
        ActEn = b.ActEn,
        SectionLv = b.SectionLv,
        SectionEn = b.SectionEn,
        SummaryLv = b.SummaryLv,
        SummaryEn = b.SummaryEn,
        Url = b.Url,
        IsActive = b.IsActive,
        Version = b.Version,
    };

    public void ApplyTo(LegalBasis b)
    {
        b.ActLv = ActLv.Trim();
        b.ActEn = ActEn?.Trim() ?? "";
        b.SectionLv = SectionLv.Trim();
        b.SectionEn = SectionEn?.Trim() ?? "";
        b.SummaryLv = SummaryLv?.Trim() ?? "";
        b.SummaryEn = SummaryEn?.Trim() ?? "";
        b.Url = AdminSupport.Blank(Url);
        b.IsActive = IsActive;
    }
}
