using System.ComponentModel.DataAnnotations;
using ClientDesk.Catalogue;
using ClientDesk.Data;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Administration.Services;

/// <summary>What the new-service and edit-service pages share: the form, its choices, its checks and the save.</summary>
public abstract class ServiceFormPage(ClientDeskDb db, IStringLocalizer<AdministrationTexts> a, IStringLocalizer<SharedTexts> t) : PageModel
{
    /// <summary>Empty fee rows offered under the existing ones; a row left without a name is dropped.</summary>
    public const int EmptyFeeRows = 3;

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public IReadOnlyList<Choice> LocationChoices { get; private set; } = [];

    protected ClientDeskDb Db => db;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        LocationChoices = await AdminSupport.LocationChoicesAsync(db, ct);
        while (Input.Fees.Count(f => string.IsNullOrWhiteSpace(f.NameLv)) < EmptyFeeRows)
        {
            Input.Fees.Add(new FeeInput());
        }
    }

    /// <summary>The checks the attributes cannot make: channels, fee numbers, existing locations, a free code.</summary>
    protected async Task ValidateAsync(int? currentId, CancellationToken ct)
    {
        if (Input.RequestChannels.Count == 0)
        {
            ModelState.AddModelError("Input.RequestChannels", a["Service.ChooseRequestChannel"]);
        }

        if (Input.ReceiveChannels.Count == 0)
        {
            ModelState.AddModelError("Input.ReceiveChannels", a["Service.ChooseReceiveChannel"]);
        }

        if (Input.RequestChannels.Concat(Input.ReceiveChannels).Any(c => !ChannelList.All.Contains(c)))
        {
            ModelState.AddModelError("", t["Binding.UnknownValueIsInvalid"]);
        }

        var known = await db.Locations.Where(l => Input.LocationIds.Contains(l.Id)).CountAsync(ct);
        if (known != Input.LocationIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.LocationIds", t["Binding.UnknownValueIsInvalid"]);
        }

        for (var i = 0; i < Input.Fees.Count; i++)
        {
            var fee = Input.Fees[i];
            if (string.IsNullOrWhiteSpace(fee.NameLv))
            {
                continue;
            }

            CheckFeeNumber(fee.Amount, $"Input.Fees[{i}].Amount", a["Fee.AmountRow", i + 1], 99_999_999m);
            CheckFeeNumber(fee.VatPercent, $"Input.Fees[{i}].VatPercent", a["Fee.VatRow", i + 1], 100m);
        }

        var code = Input.Code?.Trim() ?? "";
        if (await db.Services.AnyAsync(s => s.Code == code && s.Id != currentId, ct))
        {
            ModelState.AddModelError("Input.Code", a["Service.CodeTaken", code]);
        }
    }

    private void CheckFeeNumber(string? text, string key, string name, decimal max)
    {
        if (!AdminSupport.TryParseNumber(text, out var value))
        {
            ModelState.AddModelError(key, t["Binding.MustBeNumberFor", name]);
        }
        else if (value is { } v && (v < 0 || v > max))
        {
            ModelState.AddModelError(key, t["Validation.Range", name, 0, AdminSupport.FormatNumber(max)]);
        }
        else if (value is { } w && !AdminSupport.HasAtMostTwoDecimals(w))
        {
            ModelState.AddModelError(key, a["Fee.TwoDecimals", name]);
        }
    }

    /// <summary>Copies the checked input onto a service whose fees and locations are loaded.</summary>
    protected async Task ApplyAsync(Service service, CancellationToken ct)
    {
        service.Code = Input.Code.Trim();
        service.NameLv = Input.NameLv.Trim();
        service.NameEn = Input.NameEn.Trim();
        service.DescriptionLv = Input.DescriptionLv?.Trim() ?? "";
        service.DescriptionEn = Input.DescriptionEn?.Trim() ?? "";
        service.DurationMinutes = Input.DurationMinutes;
        service.RequestChannels = Input.RequestChannels.Aggregate(Channels.None, (all, c) => all | c);
        service.ReceiveChannels = Input.ReceiveChannels.Aggregate(Channels.None, (all, c) => all | c);
        service.OnSite = Input.OnSite;
        service.IsActive = Input.IsActive;
        service.DocumentsLv = AdminSupport.Lines(Input.DocumentsLv);
        service.DocumentsEn = AdminSupport.Lines(Input.DocumentsEn);
        service.TermLv = Input.TermLv?.Trim() ?? "";
        service.TermEn = Input.TermEn?.Trim() ?? "";
        service.Source = Input.Source?.Trim() ?? "";

        await db.SetChosenAsync(service.Locations, Input.LocationIds, l => l.Id, ct);

        // Kept rows are updated in place (the audit trail then shows old → new); rows left without a name go.
        var rows = Input.Fees.Where(f => !string.IsNullOrWhiteSpace(f.NameLv)).ToList();
        var kept = rows.Where(r => r.Id != 0).Select(r => r.Id).ToHashSet();
        foreach (var gone in service.Fees.Where(f => !kept.Contains(f.Id)).ToList())
        {
            service.Fees.Remove(gone);
            db.FeeLines.Remove(gone);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var fee = service.Fees.FirstOrDefault(f => row.Id != 0 && f.Id == row.Id);
            if (fee is null)
            {
                fee = new FeeLine { NameLv = "", NameEn = "" };
                service.Fees.Add(fee);
            }

            fee.Position = i + 1;
            fee.NameLv = row.NameLv!.Trim();
            fee.NameEn = row.NameEn?.Trim() ?? "";
            fee.AmountEur = AdminSupport.TryParseNumber(row.Amount, out var amount) ? amount : null;
            fee.VatPercent = AdminSupport.TryParseNumber(row.VatPercent, out var vat) ? vat : null;
            fee.NoteLv = row.NoteLv?.Trim() ?? "";
            fee.NoteEn = row.NoteEn?.Trim() ?? "";
        }
    }

    protected Task<bool> TrySaveAsync(CancellationToken ct) =>
        this.TrySaveAsync(db, t, "Input.Code", a["Service.CodeTaken", Input.Code.Trim()], ct);

    protected IActionResult Saved(string name) => this.Saved(a["Service.Saved", name], "/admin/services");
}

public sealed class ServiceInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(AdminSupport.IdentifierPattern, ErrorMessage = "Service.CodeFormat")]
    [Display(Name = "Service.Code")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.NameLv")]
    public string NameLv { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.NameEn")]
    public string NameEn { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.DescriptionLv")]
    public string? DescriptionLv { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Range(1, 1440, ErrorMessage = "Validation.Range")]
    [Display(Name = "Service.Duration")]
    public int? DurationMinutes { get; set; }

    [Display(Name = "Service.RequestChannels")]
    public List<Channels> RequestChannels { get; set; } = [];

    [Display(Name = "Service.ReceiveChannels")]
    public List<Channels> ReceiveChannels { get; set; } = [];

    [Display(Name = "Service.OnSite")]
    public bool OnSite { get; set; }

    [Display(Name = "Service.Active")]
    public bool IsActive { get; set; } = true;

    [StringLength(4000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.DocumentsLv")]
    public string? DocumentsLv { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.DocumentsEn")]
    public string? DocumentsEn { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.TermLv")]
    public string? TermLv { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.TermEn")]
    public string? TermEn { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Service.Source")]
    public string? Source { get; set; }

    [Display(Name = "Service.Locations")]
    public List<int> LocationIds { get; set; } = [];

    public List<FeeInput> Fees { get; set; } = [];

    public Guid Version { get; set; }

    public static ServiceInput From(Service s) => new()
    {
        Code = s.Code,
        NameLv = s.NameLv,
        NameEn = s.NameEn,
        DescriptionLv = s.DescriptionLv,
        DescriptionEn = s.DescriptionEn,
        DurationMinutes = s.DurationMinutes,
        RequestChannels = s.RequestChannels.Each().ToList(),
        ReceiveChannels = s.ReceiveChannels.Each().ToList(),
        OnSite = s.OnSite,
        IsActive = s.IsActive,
        DocumentsLv = s.DocumentsLv,
        DocumentsEn = s.DocumentsEn,
        TermLv = s.TermLv,
        TermEn = s.TermEn,
        Source = s.Source,
        LocationIds = s.Locations.Select(l => l.Id).ToList(),
        Fees = s.Fees.OrderBy(f => f.Position).Select(f => new FeeInput
        {
            Id = f.Id,
            NameLv = f.NameLv,
            NameEn = f.NameEn,
            Amount = AdminSupport.FormatNumber(f.AmountEur),
            VatPercent = AdminSupport.FormatNumber(f.VatPercent),
            NoteLv = f.NoteLv,
            NoteEn = f.NoteEn,
        }).ToList(),
        Version = s.Version,
    };
}

/// <summary>One row of the fee table. Numbers are text so that both 12,50 and 12.50 are understood.</summary>
public sealed class FeeInput
{
    public int Id { get; set; }

    [StringLength(300, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Fee.NameLv")]
    public string? NameLv { get; set; }

    [StringLength(300, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Fee.NameEn")]
    public string? NameEn { get; set; }

    [StringLength(20, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Fee.Amount")]
    public string? Amount { get; set; }

    [StringLength(10, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Fee.Vat")]
    public string? VatPercent { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Fee.NoteLv")]
    public string? NoteLv { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Fee.NoteEn")]
    public string? NoteEn { get; set; }
}
