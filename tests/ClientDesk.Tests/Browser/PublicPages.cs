using System.Net;
using System.Text.RegularExpressions;

namespace ClientDesk.Tests.Browser;

/// <summary>A public page found by the crawl: its address, a file-name slug and the status it answers with.</summary>
internal sealed record PublicPage(string PathAndQuery, string Slug, HttpStatusCode ExpectedStatus);

/// <summary>
/// Finds every public page by crawling from "/" over real HTTP: same-origin links only, leaving out staff and
/// administration pages (except the public /staff/sign-in), the API and its documents, the language switch, the health
/// check, tel:/mailto: links and files. A page reached by several queries is visited once (the first address found).
/// </summary>
internal static partial class PublicPages
{
    /// <summary>Where a page is never crawled: first path segments (so /staff-directory is still public).</summary>
    private static readonly string[] ExcludedSegments = ["staff", "admin", "administration", "api", "openapi", "language", "health", "error"];

    /// <summary>Public pages that no link needs to lead to.</summary>
    private static readonly PublicPage[] Seeds =
    [
        new("/", "home", HttpStatusCode.OK),
        new("/staff/sign-in", "staff-sign-in", HttpStatusCode.OK),
        new("/no-such-page-here", "not-found", HttpStatusCode.NotFound),
        new("/queue/valmiera/kiosk", "queue-kiosk", HttpStatusCode.OK),
        new("/queue/valmiera/kiosk/check-in", "queue-kiosk-check-in", HttpStatusCode.OK),
    ];

    public static async Task<Crawl> CrawlAsync(Uri root, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = root };
        var pages = new List<PublicPage>();
        var broken = new List<string>();
        var seenPaths = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        foreach (var seed in Seeds)
        {
            seenPaths.Add(seed.PathAndQuery);
            pages.Add(seed);
            queue.Enqueue((seed.PathAndQuery, "(start)"));
        }

        while (queue.TryDequeue(out var next))
        {
            using var response = await http.GetAsync(next.Url, cancellationToken);
            var isSeed = Seeds.Any(s => s.PathAndQuery == next.Url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (!isSeed)
                {
                    broken.Add($"{next.Url} (linked from {next.From}) answers {(int)response.StatusCode} {response.StatusCode}");
                    pages.RemoveAll(p => p.PathAndQuery == next.Url);
                }

                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                pages.RemoveAll(p => p.PathAndQuery == next.Url);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            foreach (Match link in Href().Matches(html))
            {
                if (ToPublicPage(root, new Uri(root, next.Url), WebUtility.HtmlDecode(link.Groups[1].Value)) is { } found
                    && seenPaths.Add(found.Path))
                {
                    pages.Add(new PublicPage(found.PathAndQuery, Slug(found.Path), HttpStatusCode.OK));
                    queue.Enqueue((found.PathAndQuery, next.Url));
                }
            }
        }

        return new Crawl([.. pages.OrderBy(p => p.PathAndQuery, StringComparer.Ordinal)], broken);
    }

    private static (string Path, string PathAndQuery)? ToPublicPage(Uri root, Uri page, string href)
    {
        if (!Uri.TryCreate(page, href, out var url) || url.Scheme is not ("http" or "https") || url.Authority != root.Authority)
        {
            return null;
        }

        var path = url.AbsolutePath;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path != "/staff/sign-in" && segments.Length > 0 && ExcludedSegments.Contains(segments[0], StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (segments.Length > 0 && Path.HasExtension(segments[^1]))
        {
            return null; // a file: /css/site.css, /files/form.pdf
        }

        var query = QueryWithoutCulture(url.Query);
        return (path, path + query);
    }

    private static string QueryWithoutCulture(string query)
    {
        var parts = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("culture=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("ui-culture=", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return parts.Length == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>"/" → home, "/services/tractor-registration" → services-tractor-registration.</summary>
    public static string Slug(string path)
    {
        var slug = NotSlug().Replace(Uri.UnescapeDataString(path).Trim('/').ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "home" : slug;
    }

    [GeneratedRegex("""<a\s[^>]*?href\s*=\s*["']([^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

/// <summary>The crawl's result: the pages to check, and links that lead nowhere.</summary>
internal sealed record Crawl(IReadOnlyList<PublicPage> Pages, IReadOnlyList<string> BrokenLinks);
