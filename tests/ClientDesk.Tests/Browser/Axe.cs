using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ClientDesk.Tests.Browser;

/// <summary>How long a test waits for a script it runs in a page before it fails instead of hanging the whole run.</summary>
internal static class PageScript
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
}

/// <summary>axe-core with the WCAG 2.0 and 2.1 level A and AA rules; each violation as one line naming the page and the elements.</summary>
internal static class Axe
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <param name="where">Names the page in each line, e.g. "/services [lv, phone 390×844]".</param>
    public static async Task<List<string>> ViolationsAsync(IPage page, string where)
    {
        // A page script never returns where JavaScript is off; fail the test rather than hang the run.
        var result = await page.RunAxe(WcagAA).WaitAsync(PageScript.Limit);
        return
        [
            .. result.Violations.Select(v =>
                $"{where}: axe {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString() ?? "?"))}"),
        ];
    }
}
