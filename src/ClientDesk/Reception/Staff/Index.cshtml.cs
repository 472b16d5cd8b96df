using ClientDesk.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Reception.Staff;

/// <summary>One line of the requests list.</summary>
public sealed record RequestLine(
    string Number, string OfficialLv, string OfficialEn, string ClientName, string Topic, ReceptionStatus Status, ReceptionChannel Channel,
    DateOnly? WishedDate, TimeOnly? WishedStart, DateOnly? ProposedDate, TimeOnly? ProposedStart, DateOnly? ConfirmedDate, TimeOnly? ConfirmedStart,
    string? PreferredTimes, string? ClientNote, DateTime CreatedAtUtc);

/// <summary>
/// The reception requests the signed-in official or assistant may work (<see cref="ReceptionAccess"/>), by status:
/// new and re-asked first, then those waiting for the client, the confirmed meetings by time, and the closed ones.
/// </summary>
[Authorize(Policy = ReceptionAccess.Policy)]
public sealed class IndexModel(ClientDeskDb db, ReceptionAccess access) : PageModel
{
    public const int ClosedShown = 50;

    public IReadOnlyList<RequestLine> Lines { get; private set; } = [];

    public string? Show { get; private set; }

    public async Task OnGetAsync(string? show, CancellationToken ct)
    {
        Show = show == "closed" ? "closed" : null;
        var ids = await access.OfficialIdsAsync(User, ct);
        var query = db.ReceptionRequests.AsNoTracking().Where(r => ids == null || ids.Contains(r.OfficialId));
        query = Show == "closed"
            ? query.Where(r => r.Status == ReceptionStatus.Held || r.Status == ReceptionStatus.Cancelled).OrderByDescending(r => r.Id).Take(ClosedShown)
            : query.Where(r => r.Status == ReceptionStatus.Requested || r.Status == ReceptionStatus.TimeProposed || r.Status == ReceptionStatus.Confirmed);
        var rows = await query.Select(r => new
        {
            r.Year, r.Sequence, r.Official.TitleLv, r.Official.TitleEn, r.ClientName, r.Topic, r.Status, r.Channel, r.WishedDate, r.WishedStart,
            r.ProposedDate, r.ProposedStart, r.ConfirmedDate, r.ConfirmedStart, r.PreferredTimes, r.ClientNote, r.CreatedAtUtc,
        }).ToListAsync(ct);
        Lines = rows
            .Select(r => new RequestLine(ReceptionRequest.FormatNumber(r.Year, r.Sequence), r.TitleLv, r.TitleEn, r.ClientName, r.Topic, r.Status, r.Channel,
                r.WishedDate, r.WishedStart, r.ProposedDate, r.ProposedStart, r.ConfirmedDate, r.ConfirmedStart, r.PreferredTimes, r.ClientNote, r.CreatedAtUtc))
            .OrderBy(l => l.Status).ThenBy(l => l.ConfirmedDate).ThenBy(l => l.ConfirmedStart).ThenBy(l => l.CreatedAtUtc)
            .ToList();
    }
}
