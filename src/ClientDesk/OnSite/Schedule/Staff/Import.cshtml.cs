using System.Text;
using ClientDesk.Access;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.OnSite.Schedule.Staff;

/// <summary>
/// Imports stops from a CSV file: every line is checked and every problem listed with its line; nothing is stored
/// unless the whole file is good.
/// </summary>
[Authorize(Policy = Policies.InspectionSchedule)]
public sealed class ImportModel(InspectionSchedule schedule, IStringLocalizer<ScheduleTexts> s) : PageModel
{
    public const long MaxBytes = 1024 * 1024;

    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? FileProblem { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The template: the header in the user's language and one example line, UTF-8 with a BOM so that spreadsheets read the letters.</summary>
    public IActionResult OnGetTemplate()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(StopCsv.Template(Localization.IsEnglish))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", Localization.IsEnglish ? "inspection-stops.csv" : "izbraukuma-grafiks.csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            FileProblem = s["Import.NoFile"];
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            FileProblem = s["Import.TooBig", MaxBytes / 1024];
            return Page();
        }

        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            FileProblem = s["Import.NotUtf8"];
            return Page();
        }

        var (imported, problems) = await schedule.ImportAsync(text, User, ct);
        if (problems.Count > 0)
        {
            Problems = [.. problems.Select(s.Problem)];
            return Page();
        }

        TempData[IndexModel.SuccessKey] = s["Import.Done", imported].Value;
        return Redirect("/staff/inspection-stops");
    }
}
