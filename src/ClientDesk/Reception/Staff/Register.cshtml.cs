using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception.Staff;

/// <summary>
/// Staff register a request that came by phone, e-mail, post or in person, for an official they work for; the client
/// gets the status link by e-mail (or SMS when only a phone was given).
/// </summary>
[Authorize(Policy = ReceptionAccess.Policy)]
public sealed class RegisterModel(
    ClientDeskDb db, Receptions receptions, ReceptionForm form, ReceptionAccess access, UserManager<Access.StaffMember> users, TimeProvider clock,
    IStringLocalizer<ReceptionTexts> t) : PageModel
{
    [BindProperty]
    public ReceptionInput Input { get; set; } = new();

    public IReadOnlyList<OfficialView> Officials { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Language = Localization.Latvian;
        Input.Channel = nameof(ReceptionChannel.Phone);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!string.IsNullOrWhiteSpace(Input.Official) && Officials.All(o => o.Key != Input.Official))
        {
            ModelState.AddModelError("Input.Official", t["Error.Official"]);
        }

        var intake = await form.CheckAsync(Input, users.GetUserId(User), ModelState, ct);
        if (intake is null || !ModelState.IsValid)
        {
            return Page();
        }

        var (request, _) = await receptions.RegisterAsync(intake, ct);
        TempData[Administration.AdminSupport.SuccessKey] = t["Register.Done", request.Number].Value;
        return Redirect($"/staff/reception/{request.Number}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = await access.OfficialIdsAsync(User, ct);
        Officials = [.. (await OfficialView.ListAsync(db, RigaTime.Today(clock), t, ct: ct)).Where(o => ids is null || ids.Contains(o.Id))];
    }
}
