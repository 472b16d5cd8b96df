using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ClientDesk.Feedback.Reports;

/// <summary>One bar: its label, its value (null: no data, no bar) and the value as the reader sees it.</summary>
public sealed record ChartBar(string Label, double? Value, string Shown);

/// <summary>
/// Charts drawn on the server as inline SVG: no script, readable by a screen reader as one image with a title
/// (<c>role="img"</c>); the page puts the same numbers in a table beside each chart.
/// </summary>
public static class SvgChart
{
    private const string Bar = "#0b4f6c";
    private const string Ink = "#1b1f23";
    private const string Grid = "#c9d1d9";

    /// <summary>Horizontal bars, one row each, from 0 to <paramref name="max"/>.</summary>
    public static IHtmlContent Horizontal(string id, string title, IReadOnlyList<ChartBar> bars, double max)
    {
        const int width = 460, labelWidth = 180, valueWidth = 50, row = 32;
        var plot = width - labelWidth - valueWidth;
        var height = bars.Count * row + 8;
        var svg = Start(id, title, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 4 + i * row;
            var bar = bars[i];
            svg.Append(Text(labelWidth - 8, y + 19, "end", bar.Label));
            svg.Append(Line(labelWidth, y, labelWidth, y + row));
            if (bar.Value is { } value && max > 0)
            {
                var length = Math.Max(1, plot * Math.Clamp(value / max, 0, 1));
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{length:0.#}\" height=\"{row - 10}\" fill=\"{Bar}\"/>");
                svg.Append(Text(labelWidth + length + 6, y + 19, "start", bar.Shown));
            }
            else
            {
                svg.Append(Text(labelWidth + 6, y + 19, "start", bar.Shown));
            }
        }

        return End(svg);
    }

    /// <summary>Vertical columns in time order from 0 to <paramref name="max"/>, the value above each column.</summary>
    public static IHtmlContent Columns(string id, string title, IReadOnlyList<ChartBar> bars, double max)
    {
        const int width = 420, height = 200, top = 24, bottom = 30, left = 4;
        var plotHeight = height - top - bottom;
        var slot = (width - 2 * left) / (double)Math.Max(1, bars.Count);
        var svg = Start(id, title, width, height);
        svg.Append(Line(left, height - bottom, width - left, height - bottom));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = left + i * slot;
            var middle = x + slot / 2;
            if (bar.Value is { } value && max > 0)
            {
                var size = Math.Max(1, plotHeight * Math.Clamp(value / max, 0, 1));
                var y = height - bottom - size;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + slot * 0.2:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.6:0.#}\" height=\"{size:0.#}\" fill=\"{Bar}\"/>");
                svg.Append(Text(middle, y - 6, "middle", bar.Shown));
            }
            else
            {
                svg.Append(Text(middle, height - bottom - 6, "middle", bar.Shown));
            }

            svg.Append(Text(middle, height - 10, "middle", bar.Label));
        }

        return End(svg);
    }

    private static StringBuilder Start(string id, string title, int width, int height)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{HtmlEncoder.Default.Encode(title)}</title>");
        return svg;
    }

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Text(double x, double y, string anchor, string text) => string.Create(CultureInfo.InvariantCulture,
        $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"15\" fill=\"{Ink}\">{HtmlEncoder.Default.Encode(text)}</text>");

    private static string Line(double x1, double y1, double x2, double y2) => string.Create(CultureInfo.InvariantCulture,
        $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{Grid}\"/>");
}
