using Microsoft.Playwright;

namespace ClientDesk.Tests.Browser;

/// <summary>Whether a page scrolls sideways, and what sticks out when it does.</summary>
internal static class SidewaysScroll
{
    /// <summary>
    /// The document's width against the viewport's, the elements that stick out on the right, and the absolutely
    /// positioned ones among them: such an element escapes an overflow container that is not positioned (a visually
    /// hidden span in a .table-scroll) and widens the page.
    /// </summary>
    private const string Script = """
        () => {
            const viewportWidth = window.innerWidth;
            const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('')
                + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)';
            const beyond = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > viewportWidth + 0.5);
            const wide = beyond
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= viewportWidth + 0.5)
                .slice(0, 5)
                .map(describe);
            const escaping = beyond
                .filter(e => ['absolute', 'fixed'].includes(getComputedStyle(e).position))
                .slice(0, 5)
                .map(e => describe(e) + ' in ' + (e.closest('.table-scroll, table') ? describe(e.closest('.table-scroll, table')) : describe(e.parentElement))
                    + ' "' + e.textContent.trim().slice(0, 40) + '"');
            return { viewportWidth, scrollWidth, wide, escaping };
        }
        """;

    /// <summary>A line saying how the page scrolls sideways, or null when it does not.</summary>
    public static async Task<string?> ProblemAsync(IPage page, string where)
    {
        var scroll = await page.EvaluateAsync<Measure>(Script).WaitAsync(PageScript.Limit);
        return scroll.ScrollWidth > scroll.ViewportWidth
            ? $"{where}: scrolls sideways, document is {scroll.ScrollWidth}px wide in a {scroll.ViewportWidth}px viewport; "
                + $"too wide: {string.Join(" | ", scroll.Wide)}; absolutely positioned beyond the right edge: {string.Join(" | ", scroll.Escaping)}"
            : null;
    }

    private sealed class Measure
    {
        public int ViewportWidth { get; set; }

        public int ScrollWidth { get; set; }

        public string[] Wide { get; set; } = [];

        public string[] Escaping { get; set; } = [];
    }
}
