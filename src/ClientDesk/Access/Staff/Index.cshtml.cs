using ClientDesk.Booking.Desk;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Access.Staff;

/// <summary>The staff home: who is signed in, where they work, and the pages their roles open.</summary>
public sealed class IndexModel(
    ClientDeskDb db, UserManager<StaffMember> users, StaffScope scope, CalendarStore calendars, TimeProvider clock, IStringLocalizer<DeskTexts> d)
    : PageModel
{
    [TempData]
    public string? Success { get; set; }

    public string FullName { get; private set; } = "";
    public string Position { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public bool SeesAllLocations { get; private set; }
    public bool IsAdministrator { get; private set; }
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<string> Locations { get; private set; } = [];

    /// <summary>Whether the member books for clients (client service, heads, administrators), and how many bookings a calendar change hit.</summary>
    public bool BooksForClients { get; private set; }
    public int AffectedBookings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.FirstName, u.LastName, u.PositionLv, u.PositionEn, u.TwoFactorEnabled })
            .SingleOrDefaultAsync(ct);
        if (me is null)
        {
            return Challenge();
        }

        FullName = $"{me.FirstName} {me.LastName}";
        Position = Localization.Pick(me.PositionLv, me.PositionEn);
        TwoFactorEnabled = me.TwoFactorEnabled;
        IsAdministrator = User.IsInRole(Roles.Administrator);
        RoleNames = [.. Roles.All.Where(User.IsInRole)];

        var visible = await scope.LocationIdsAsync(User, ct);
        SeesAllLocations = visible is null;
        var ids = visible?.ToArray() ?? [];

        // Everyone sees the locations they may work with; those who see all locations see their own workplaces listed.
        var locations = visible is null
            ? db.Users.AsNoTracking().Where(u => u.Id == userId).SelectMany(u => u.Locations)
            : db.Locations.AsNoTracking().Where(l => ids.Contains(l.Id));
        var names = await locations.Select(l => new { l.NameLv, l.NameEn }).ToListAsync(ct);
        Locations = [.. names.Select(n => Localization.Pick(n.NameLv, n.NameEn)).Order(StringComparer.CurrentCulture)];

        BooksForClients = new[] { Roles.ClientServiceSpecialist, Roles.Administrator, Roles.RegionalHead, Roles.Director }.Any(User.IsInRole);
        if (BooksForClients)
        {
            AffectedBookings = (await Booking.Desk.AffectedBookings.FindAsync(db, calendars, clock, d, visible, ct)).Count;
        }

        return Page();
    }
}
