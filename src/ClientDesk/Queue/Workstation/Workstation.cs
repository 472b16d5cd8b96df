using System.Globalization;
using System.Security.Claims;
using ClientDesk.Platform;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Workstation;

/// <summary>What the staff queue pages share: who is signed in, the problems of a desk action in words, times.</summary>
internal static class Workstation
{
    public static string StaffId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in member has an id.");

    /// <summary>A desk action's problem as one sentence for the staff member.</summary>
    public static string Problem(this IStringLocalizer<WorkstationTexts> w, DeskProblem problem) => w["Problem." + problem];

    /// <summary>"9:05" in Riga.</summary>
    public static string Time(DateTime utc) => RigaTime.ToLocal(utc).ToString("H:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The decision number on a refusal notice: VTUA-2026-000042.</summary>
    public static string DecisionNumber(int outcomeId, DateTime recordedAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"VTUA-{RigaTime.ToLocal(recordedAtUtc).Year}-{outcomeId:000000}");

    public static string Outcome(this IStringLocalizer<WorkstationTexts> w, OutcomeKind kind) => w["Outcome." + kind];

    public static string Source(this IStringLocalizer<WorkstationTexts> w, TicketSource source) => w["Source." + source];
}
