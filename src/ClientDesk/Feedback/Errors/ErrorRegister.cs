using System.Globalization;
using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Booking.Desk;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Errors;

/// <summary>An active staff member who can be made responsible for a corrective action.</summary>
public sealed record StaffChoice(string Id, string Name);

/// <summary>What the error register's pages share: the member's scope, the people to choose from, dates.</summary>
internal static class ErrorRegister
{
    /// <summary>The records the member may see: those of their locations; a director (or administrator) sees all, also those without a location.</summary>
    public static async Task<IQueryable<ErrorRecord>> VisibleAsync(ClientDeskDb db, StaffScope scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var visible = await scope.LocationIdsAsync(user, ct);
        if (visible is null)
        {
            return db.ErrorRecords;
        }

        var ids = visible.ToArray();
        return db.ErrorRecords.Where(r => r.LocationId != null && ids.Contains(r.LocationId.Value));
    }

    public static async Task<IReadOnlyList<StaffChoice>> ActiveStaffAsync(ClientDeskDb db, CancellationToken ct) =>
        [.. (await db.Users.AsNoTracking().Where(u => u.IsActive)
                .Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct))
            .Select(u => new StaffChoice(u.Id, u.FirstName + " " + u.LastName))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture)];

    /// <summary>"17.03.2026." / "17 Mar 2026".</summary>
    public static string Date(this IStringLocalizer<ErrorTexts> e, DateOnly date) => date.ToString(e["Format.Date"], CultureInfo.CurrentCulture);

    public static string Date(this IStringLocalizer<ErrorTexts> e, DateTime utc) => e.Date(DateOnly.FromDateTime(RigaTime.ToLocal(utc)));

    public static string StaffId(ClaimsPrincipal user) => Desk.StaffId(user);
}

/// <summary>What the error form shows: the input, and the locations and people to choose from.</summary>
public sealed record ErrorFormView(ErrorInput Input, IReadOnlyList<DeskLocation> Locations, IReadOnlyList<StaffChoice> Staff, DateOnly Today);
