using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Reports;

/// <summary>
/// What the report page and its CSV share: the member's visible locations, the chosen one (or all of them) and the
/// month (this month in Riga by default), and the figures for that choice.
/// </summary>
[Authorize(Policy = Policies.FeedbackReports)]
public abstract class FeedbackReportPage(ClientDeskDb db, StaffScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<DeskLocation> Locations { get; private set; } = [];
    public DeskLocation? Chosen { get; private set; }
    public FeedbackFigures Figures { get; private set; } = null!;

    /// <summary>The query string of this choice, for the CSV link.</summary>
    public string Query => $"?location={Uri.EscapeDataString(Chosen?.Slug ?? "")}&month={FeedbackReport.IsoMonth(Figures.Month)}";

    /// <summary>False when the location asked for is not one the member may see.</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        Locations = await Desk.LocationsAsync(db, scope, User, ct);
        var month = FeedbackReport.TryParseMonth(Month, out var asked) ? asked : new DateOnly(today.Year, today.Month, 1);
        Month = FeedbackReport.IsoMonth(month);
        IReadOnlySet<int>? ids = await scope.LocationIdsAsync(User, ct);
        if (!string.IsNullOrEmpty(Location))
        {
            Chosen = Locations.FirstOrDefault(l => l.Slug == Location);
            if (Chosen is null)
            {
                return false;
            }

            ids = new HashSet<int> { Chosen.Id };
        }

        Figures = await FeedbackReport.ComputeAsync(db, ids, month, today, ct);
        return true;
    }

    public static string Number(double? value, int decimals = 1) =>
        value is { } v ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture) : "—";

    public static string MonthLabel(IStringLocalizer<ReportTexts> r, DateOnly month) => month.ToString(r["Format.Month"], CultureInfo.CurrentCulture);
}

public sealed class ReportModel(ClientDeskDb db, StaffScope scope, TimeProvider clock) : FeedbackReportPage(db, scope, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();
}
