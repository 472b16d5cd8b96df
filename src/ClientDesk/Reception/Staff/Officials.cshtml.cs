using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception.Staff;

/// <summary>The officials who receive visitors, with their place, room and hours, for administrators to edit.</summary>
[Authorize(Policy = Access.Policies.Administration)]
public sealed class OfficialsModel(ClientDeskDb db, TimeProvider clock, IStringLocalizer<ReceptionTexts> t) : PageModel
{
    public IReadOnlyList<OfficialView> Officials { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Officials = await OfficialView.ListAsync(db, RigaTime.Today(clock), t, activeOnly: false, ct);
}
