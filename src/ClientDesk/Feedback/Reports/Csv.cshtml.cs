using System.Globalization;
using System.Text;
using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Reports;

/// <summary>
/// The report's figures as CSV for Excel: UTF-8 with a byte order mark (without it Excel reads the file in the
/// Windows code page and breaks ā, č, ē…), fields separated by semicolons (Latvian Excel's list separator, because the
/// comma is its decimal sign), numbers written as the user's language writes them. Counts and averages only: no
/// names, contacts or texts.
/// </summary>
public sealed class CsvModel(ClientDeskDb db, StaffScope scope, TimeProvider clock, IStringLocalizer<ReportTexts> r) : FeedbackReportPage(db, scope, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var f = Figures;
        var csv = new StringBuilder();
        void Row(params string?[] fields) => csv.Append(string.Join(';', fields.Select(Field))).Append("\r\n");
        string Count(int n) => n.ToString(CultureInfo.CurrentCulture);

        Row(r["Csv.Section"], r["Csv.Item"], r["Csv.Value"], r["Csv.Count"]);
        Row(r["Csv.Choice"], r["Report.Month"], FeedbackReport.IsoMonth(f.Month), null);
        Row(r["Csv.Choice"], r["Report.Location"], Chosen?.Name ?? r["Report.AllLocations"], null);
        Row(r["Satisfaction.Title"], r["Value.Overall"], Number(f.Overall.Average, 2), Count(f.Overall.Answers));
        foreach (var value in f.Values)
        {
            Row(r["Satisfaction.Title"], r["Value." + value.Key], Number(value.Average, 2), Count(value.Answers));
        }

        foreach (var kind in f.ByKind)
        {
            Row(r["Cases.ByKind"], r["Kind." + kind.Key], Count(kind.Count), null);
        }

        foreach (var channel in f.ByChannel)
        {
            Row(r["Cases.ByChannel"], r["Channel." + channel.Key], Count(channel.Count), null);
        }

        Row(r["Deadlines.Title"], r["Deadlines.OnTimeShare"], Number(f.OnTimeShare), Count(f.Decided));
        Row(r["Deadlines.Title"], r["Deadlines.OnTime"], Count(f.OnTime), null);
        Row(r["Deadlines.Title"], r["Deadlines.AverageDays"], Number(f.AverageWorkingDays), Count(f.Answered));
        Row(r["Deadlines.Title"], r["Deadlines.OpenNow"], Count(f.OpenNow), null);
        Row(r["Deadlines.Title"], r["Deadlines.OverdueNow"], Count(f.OverdueNow), null);
        foreach (var month in f.Trend)
        {
            Row(r["Trend.Satisfaction"], FeedbackReport.IsoMonth(month.Month), Number(month.Satisfaction, 2), Count(month.Answers));
        }

        foreach (var month in f.Trend)
        {
            Row(r["Trend.OnTime"], FeedbackReport.IsoMonth(month.Month), Number(month.OnTimeShare), Count(month.Decided));
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var name = $"atsauksmes-{FeedbackReport.IsoMonth(f.Month)}-{Chosen?.Slug ?? "visas"}.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    /// <summary>A field as Excel reads it: quoted when it holds the separator, a quote or a line break; no number format in plain text.</summary>
    private static string Field(string? value)
    {
        var text = (value ?? "").Replace("\u00A0", " ", StringComparison.Ordinal);
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
