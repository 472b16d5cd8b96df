using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Feedback.Surveys;

/// <summary>The link at the foot of every survey message: no more surveys to this visit's e-mail and phone (only their hashes are kept).</summary>
public sealed class OptOutModel(SurveyInvitations invitations) : PageModel
{
    public string Token { get; private set; } = "";

    public bool Known { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (SurveyPage.RememberLanguage(HttpContext) is { } clean)
        {
            return Redirect(clean);
        }

        Done = Request.Query.ContainsKey("done");
        return await ShowAsync(token, ct);
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!await invitations.OptOutAsync(token, ct))
        {
            return await ShowAsync(token, ct);
        }

        return Redirect($"/survey/{Uri.EscapeDataString(token)}/opt-out?done=1");
    }

    private async Task<IActionResult> ShowAsync(string token, CancellationToken ct)
    {
        SurveyPage.KeepLinkPrivate(Response);
        Token = token;
        Known = await invitations.FindAsync(token, ct) is not null;
        if (!Known)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
