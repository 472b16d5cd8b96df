using System.Globalization;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Platform;
using ClientDesk.Queue.Workstation;
using ClientDesk.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Queue.Outcomes;

/// <summary>Where a referred client goes: a colleague or an institution, with how to reach them.</summary>
public sealed record ReferralContact(string Name, string? Position, string? Topics, string? Phone, string? Email, string? Website, string? Address);

/// <summary>A legal basis as the notice cites it.</summary>
public sealed record CitedBasis(string Act, string Section, string Summary, string? Url);

/// <summary>Everything a refusal notice or a referral slip says, already in the client's language.</summary>
public sealed record NoticeContent(
    int OutcomeId, OutcomeKind Kind, string Language, string DecisionNumber, DateOnly Date, string LocationName, string? LocationAddress,
    string TicketCode, string Service, string? ClientName, CitedBasis? Basis, string? Explanation, ReferralContact? Referral,
    string StaffName, string StaffPosition, bool DecidedByDirector, string? ClientEmail, DateTime? EmailedAtUtc, bool OnSite = false);

/// <summary>
/// The notice a client takes home (C-4, C-6, L-4): after a refusal, the decision with its legal basis, the explanation
/// and how to contest it (APL; VTUA's route from the domain reference §4.2); after a referral, the slip with where to
/// go. Printed on A4 or sent by e-mail through the outbox, always in the client's language (the ticket's).
/// </summary>
[Authorize(Policy = Policies.QueueDesk)]
public sealed class NoticeModel(ClientDeskDb db, StaffScope scope, TimeProvider clock, IStringLocalizer<WorkstationTexts> w, IStringLocalizer<SharedTexts> t)
    : PageModel
{
    public const string RefusalKind = "queue.refusal-notice";
    public const string ReferralKind = "queue.referral-slip";

    [TempData(Key = "Notice.Success")]
    public string? Success { get; set; }

    [TempData(Key = "Notice.Failure")]
    public string? Failure { get; set; }

    public NoticeContent Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var notice = await ReadAsync(id, ct);
        if (notice is null)
        {
            return NotFound();
        }

        // The notice's own facts in the client's language (the ticket's); the view switches its texts the same way.
        UseLanguage(notice.Language);
        Notice = await ReadAsync(id, ct) ?? notice;
        return Page();
    }

    /// <summary>Queues the notice as a plain-text e-mail to the address the client gave (ticket or appointment).</summary>
    public async Task<IActionResult> OnPostEmailAsync(int id, CancellationToken ct)
    {
        var staffCulture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var notice = await ReadAsync(id, ct);
        if (notice is null)
        {
            return NotFound();
        }

        if (notice.ClientEmail is null)
        {
            Failure = w["Notice.NoEmail"];
            return Redirect($"/staff/queue/outcomes/{id}/notice");
        }

        UseLanguage(notice.Language);
        notice = (await ReadAsync(id, ct))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await db.VisitOutcomes.SingleAsync(o => o.Id == id, ct);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = notice.Kind == OutcomeKind.Refused ? RefusalKind : ReferralKind,
            Channel = MessageChannel.Email,
            Recipient = notice.ClientEmail!,
            Language = notice.Language,
            Subject = Limit(notice.Kind == OutcomeKind.Refused ? w["Notice.RefusalSubject", notice.DecisionNumber] : w["Notice.ReferralSubject", notice.Service], 300),
            Body = Limit(PlainText(notice), 8000),
            TicketId = outcome.TicketId,
            CreatedAtUtc = now,
            DueAtUtc = now,
        });
        outcome.NoticeEmailedAtUtc = now;
        await db.SaveChangesAsync(ct);

        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = staffCulture;
        Success = w["Notice.Emailed", notice.ClientEmail!];
        return Redirect($"/staff/queue/outcomes/{id}/notice");
    }

    public string Date(DateOnly date) => date.ToString(w["Format.Date"], CultureInfo.CurrentCulture);

    /// <summary>How to contest, paragraph by paragraph (the page and the e-mail say the same).</summary>
    public IReadOnlyList<string> Contest(NoticeContent n) =>
    [
        n.DecidedByDirector ? w["Contest.ToMinistry"] : w["Contest.ToDirector"],
        w["Contest.InPerson"],
        w["Contest.Electronically"],
        w["Contest.ByPost", t["Footer.Address"]],
        w["Contest.Content", n.DecisionNumber, Date(n.Date)],
    ];

    /// <summary>The notice as a plain-text e-mail.</summary>
    public string PlainText(NoticeContent n)
    {
        var lines = new List<string> { t["Agency.Name"], n.LocationName + (n.LocationAddress is null ? "" : ", " + n.LocationAddress), "" };
        if (n.Kind == OutcomeKind.Refused)
        {
            lines.Add(w["Notice.RefusalTitle"]);
            lines.Add(w["Notice.DecisionNumber"] + ": " + n.DecisionNumber);
            lines.Add(w["Notice.Date"] + ": " + Date(n.Date));
            lines.Add(w["Notice.Service"] + ": " + n.Service);
            lines.Add(w["Notice.Decision"] + ": " + w["Notice.DecisionRefused"]);
            lines.Add("");
            lines.Add(w["Notice.LegalBasis"] + ": " + n.Basis!.Act + ", " + n.Basis.Section);
            if (n.Basis.Summary.Length > 0)
            {
                lines.Add(n.Basis.Summary);
            }

            if (n.Basis.Url is not null)
            {
                lines.Add(n.Basis.Url);
            }

            lines.Add("");
            lines.Add(w["Notice.Explanation"] + ":");
            lines.Add(n.Explanation ?? "");
            lines.Add("");
            lines.Add(w["Contest.Heading"]);
            lines.AddRange(Contest(n));
        }
        else
        {
            lines.Add(w["Notice.ReferralTitle"]);
            lines.Add(w["Notice.Date"] + ": " + Date(n.Date));
            lines.Add(w["Notice.Service"] + ": " + n.Service);
            lines.Add("");
            lines.Add(w["Notice.ReferredTo"]);
            var r = n.Referral!;
            lines.Add(r.Name + (r.Position is null ? "" : ", " + r.Position));
            AddIf(lines, w["Notice.Topics"], r.Topics);
            AddIf(lines, w["Notice.Phone"], r.Phone);
            AddIf(lines, w["Notice.Email"], r.Email);
            AddIf(lines, w["Notice.Website"], r.Website);
            AddIf(lines, w["Notice.Address"], r.Address);
        }

        lines.Add("");
        lines.Add(w["Notice.ServedBy"] + ": " + n.StaffName + ", " + n.StaffPosition);
        return string.Join('\n', lines);
    }

    private static void AddIf(List<string> lines, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(label + ": " + value);
        }
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];

    internal static void UseLanguage(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "lv");
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
    }

    /// <summary>A refusal or referral of a visit at one of my locations, in the current language; null otherwise.</summary>
    private async Task<NoticeContent?> ReadAsync(int id, CancellationToken ct)
    {
        var onSite = await db.VisitOutcomes.AsNoTracking().Where(o => o.Id == id).Select(o => o.RoundStopId != null).SingleOrDefaultAsync(ct);
        return onSite ? await ReadOnSiteAsync(id, ct) : await ReadDeskAsync(id, ct);
    }

    /// <summary>
    /// An on-site visit's notice (ADR 012): the same document, naming the request number instead of a ticket and the
    /// inspector who decided; seen by staff of the round's office or the request's office.
    /// </summary>
    private async Task<NoticeContent?> ReadOnSiteAsync(int id, CancellationToken ct)
    {
        var row = await db.VisitOutcomes.AsNoTracking().Where(o => o.Id == id && (o.Kind == OutcomeKind.Refused || o.Kind == OutcomeKind.Referred))
            .Join(db.RoundStops, o => o.RoundStopId, s => s.Id, (o, s) => new
            {
                o.Id, o.Kind, o.RecordedAtUtc, o.Explanation, o.NoticeEmailedAtUtc, o.RecordedByStaffId,
                Basis = o.LegalBasis,
                Colleague = o.ReferredToStaff == null ? null : new { o.ReferredToStaff.FirstName, o.ReferredToStaff.LastName, o.ReferredToStaff.PositionLv, o.ReferredToStaff.PositionEn, o.ReferredToStaff.PhoneNumber, o.ReferredToStaff.Email },
                Institution = o.ReferralInstitution,
                Staff = new { o.RecordedBy.FirstName, o.RecordedBy.LastName, o.RecordedBy.PositionLv, o.RecordedBy.PositionEn },
                RoundLocationId = s.Round.LocationId, s.Request.LocationId, s.Request.Location.NameLv, s.Request.Location.NameEn, s.Request.Location.Address,
                s.Request.Year, s.Request.Sequence, s.Request.Language, ServiceLv = s.Request.Service.NameLv, ServiceEn = s.Request.Service.NameEn,
                s.Request.ClientName, s.Request.Email,
            })
            .SingleOrDefaultAsync(ct);
        if (row is null || !(await scope.CanSeeAsync(User, row.LocationId, ct) || await scope.CanSeeAsync(User, row.RoundLocationId, ct)))
        {
            return null;
        }

        var director = await db.UserRoles.AnyAsync(ur => ur.UserId == row.RecordedByStaffId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Director), ct);
        return new NoticeContent(
            row.Id, row.Kind, row.Language == "en" ? "en" : "lv", ClientDesk.Queue.Workstation.Workstation.DecisionNumber(row.Id, row.RecordedAtUtc),
            DateOnly.FromDateTime(RigaTime.ToLocal(row.RecordedAtUtc)), Localization.Pick(row.NameLv, row.NameEn), row.Address,
            OnSite.OnSiteRequest.FormatNumber(row.Year, row.Sequence), Localization.Pick(row.ServiceLv, row.ServiceEn), row.ClientName,
            Basis(row.Basis), row.Explanation, Referral(row.Colleague?.FirstName + " " + row.Colleague?.LastName, row.Colleague?.PositionLv, row.Colleague?.PositionEn,
                row.Colleague?.PhoneNumber, row.Colleague?.Email, row.Colleague is not null, row.Institution),
            row.Staff.FirstName + " " + row.Staff.LastName, Localization.Pick(row.Staff.PositionLv, row.Staff.PositionEn), director,
            row.Email, row.NoticeEmailedAtUtc, OnSite: true);
    }

    private static CitedBasis? Basis(LegalBasis? basis) => basis is { } b
        ? new CitedBasis(Localization.Pick(b.ActLv, b.ActEn), Localization.Pick(b.SectionLv, b.SectionEn), Localization.Pick(b.SummaryLv, b.SummaryEn), b.Url)
        : null;

    private static ReferralContact? Referral(string colleagueName, string? positionLv, string? positionEn, string? phone, string? email, bool colleague, Catalogue.ReferralInstitution? institution) =>
        colleague
            ? new ReferralContact(colleagueName, Localization.Pick(positionLv ?? "", positionEn), null, phone, email, null, null)
            : institution is { } i
                ? new ReferralContact(Localization.Pick(i.NameLv, i.NameEn), null, Localization.Pick(i.TopicsLv, i.TopicsEn), i.Phone, i.Email, i.Website, i.Address)
                : null;

    private async Task<NoticeContent?> ReadDeskAsync(int id, CancellationToken ct)
    {
        var row = await db.VisitOutcomes.AsNoTracking().Where(o => o.Id == id && (o.Kind == OutcomeKind.Refused || o.Kind == OutcomeKind.Referred))
            .Join(db.Tickets, o => o.TicketId, t => t.Id, (o, t) => new
            {
                o.Id, o.Kind, o.RecordedAtUtc, o.Explanation, o.NoticeEmailedAtUtc, o.RecordedByStaffId,
                Basis = o.LegalBasis,
                Colleague = o.ReferredToStaff == null ? null : new { o.ReferredToStaff.FirstName, o.ReferredToStaff.LastName, o.ReferredToStaff.PositionLv, o.ReferredToStaff.PositionEn, o.ReferredToStaff.PhoneNumber, o.ReferredToStaff.Email },
                Institution = o.ReferralInstitution,
                Staff = new { o.RecordedBy.FirstName, o.RecordedBy.LastName, o.RecordedBy.PositionLv, o.RecordedBy.PositionEn },
                t.LocationId, t.Location.NameLv, t.Location.NameEn, t.Location.Address, t.Letter, t.Number, t.Language,
                ServiceLv = t.Service.NameLv, ServiceEn = t.Service.NameEn, t.ClientName,
                Email = t.Email ?? (t.Appointment == null ? null : t.Appointment.Email),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null || !await scope.CanSeeAsync(User, row.LocationId, ct))
        {
            return null;
        }

        var director = await db.UserRoles.AnyAsync(ur => ur.UserId == row.RecordedByStaffId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Director), ct);
        var basis = row.Basis is { } b
            ? new CitedBasis(Localization.Pick(b.ActLv, b.ActEn), Localization.Pick(b.SectionLv, b.SectionEn), Localization.Pick(b.SummaryLv, b.SummaryEn), b.Url)
            : null;
        var referral = row.Colleague is { } c
            ? new ReferralContact(c.FirstName + " " + c.LastName, Localization.Pick(c.PositionLv, c.PositionEn), null, c.PhoneNumber, c.Email, null, null)
            : row.Institution is { } i
                ? new ReferralContact(Localization.Pick(i.NameLv, i.NameEn), null, Localization.Pick(i.TopicsLv, i.TopicsEn), i.Phone, i.Email, i.Website, i.Address)
                : null;
        return new NoticeContent(
            row.Id, row.Kind, row.Language == "en" ? "en" : "lv", ClientDesk.Queue.Workstation.Workstation.DecisionNumber(row.Id, row.RecordedAtUtc),
            DateOnly.FromDateTime(RigaTime.ToLocal(row.RecordedAtUtc)), Localization.Pick(row.NameLv, row.NameEn), row.Address,
            $"{row.Letter}{row.Number:000}", Localization.Pick(row.ServiceLv, row.ServiceEn), row.ClientName, basis, row.Explanation, referral,
            row.Staff.FirstName + " " + row.Staff.LastName, Localization.Pick(row.Staff.PositionLv, row.Staff.PositionEn), director,
            row.Email, row.NoticeEmailedAtUtc);
    }
}
