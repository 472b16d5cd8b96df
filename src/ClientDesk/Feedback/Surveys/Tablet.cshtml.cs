using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Surveys;

/// <summary>
/// The survey on the desk's tablet (K-4): a staff member who just finished a visit opens its survey for the client to
/// answer there and then. The page names the visit; the button makes (or takes over) its invitation and opens the survey.
/// </summary>
[Authorize(Policy = Policies.QueueDesk)]
public sealed class TabletModel(ClientDeskDb db, SurveyInvitations invitations, StaffScope scope, IStringLocalizer<SurveyTexts> s) : PageModel
{
    public int TicketId { get; private set; }

    public string? Visit { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int ticket, CancellationToken ct)
    {
        TicketId = ticket;
        var visible = await scope.LocationIdsAsync(User, ct);
        var found = await db.Tickets.AsNoTracking().Where(t => t.Id == ticket)
            .Select(t => new { t.LocationId, t.Letter, t.Number, t.Service.NameLv, t.Service.NameEn })
            .SingleOrDefaultAsync(ct);
        if (found is null || !StaffScope.CanSee(visible, found.LocationId))
        {
            Problem = s["Tablet.NotFound"];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Visit = s["Tablet.Lead", $"{found.Letter}{found.Number:000}", Localization.Pick(found.NameLv, found.NameEn)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int ticket, CancellationToken ct)
    {
        TicketId = ticket;
        var outcome = await invitations.ForTabletAsync(ticket, await scope.LocationIdsAsync(User, ct), ct);
        if (outcome is TabletSurvey.Ready ready)
        {
            return Redirect($"/survey/{Uri.EscapeDataString(ready.Token)}");
        }

        Problem = outcome switch
        {
            TabletSurvey.NotCompleted => s["Tablet.NotCompleted"],
            TabletSurvey.AlreadyAnswered => s["Tablet.AlreadyAnswered"],
            _ => s["Tablet.NotFound"],
        };
        Response.StatusCode = outcome is TabletSurvey.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return Page();
    }
}
