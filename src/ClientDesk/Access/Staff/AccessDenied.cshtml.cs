using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClientDesk.Access.Staff;

/// <summary>Where the cookie sends a signed-in member who lacks the role a page needs; answers 403.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class AccessDeniedModel : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
