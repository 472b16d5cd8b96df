using Microsoft.AspNetCore.Localization;

namespace ClientDesk.Feedback.Surveys;

/// <summary>What the survey's public pages share: the secret link stays out of Referer headers and caches, and the language of a link is remembered.</summary>
internal static class SurveyPage
{
    public static void KeepLinkPrivate(HttpResponse response)
    {
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>
    /// A link with <c>?culture=</c> (an English client's e-mail) sets the language cookie and comes back without it, so
    /// that the page's own language switch works afterwards. Returns the address to go to, or null to stay.
    /// </summary>
    public static string? RememberLanguage(HttpContext http)
    {
        if (http.Request.Query["culture"].ToString() is not { Length: > 0 } culture)
        {
            return null;
        }

        var chosen = culture == Platform.Localization.English ? Platform.Localization.English : Platform.Localization.Latvian;
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return http.Request.Path.Value;
    }
}
