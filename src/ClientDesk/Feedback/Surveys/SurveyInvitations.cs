using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using ClientDesk.Administration;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Platform;
using ClientDesk.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Feedback.Surveys;

/// <summary>A completed visit that may be asked for its survey: a finished ticket (with its appointment, if checked in) or an appointment marked arrived.</summary>
internal sealed record CompletedVisit(
    int? TicketId, int? AppointmentId, int LocationId, int ServiceId, DateOnly VisitOn, DateTime EndedAtUtc, string Language, string? Email, string? Phone);

/// <summary>
/// Survey invitations (K-4): after every completed visit, one one-time link by e-mail (or SMS when only a phone was
/// given) to a client who did not opt out; and the same survey on the desk's tablet. The unique indexes on the
/// invitation's ticket and appointment keep one per visit, also when two instances look at the same moment.
/// </summary>
public sealed class SurveyInvitations(
    ClientDeskDb db, TimeProvider clock, IOptions<FeedbackOptions> options, IOptions<NotificationOptions> notifications)
{
    public const string MessageKind = "survey.invitation";

    /// <summary>A visit older than this is not asked any more: the client would hardly remember it.</summary>
    public static readonly TimeSpan AskWithin = TimeSpan.FromDays(3);

    /// <summary>A tablet link lives only while the client holds the tablet.</summary>
    public static readonly TimeSpan TabletLinkValidFor = TimeSpan.FromHours(1);

    private static readonly ResourceManager Texts = new(typeof(SurveyTexts));

    /// <summary>One pass on the app's clock: invites every completed visit that ended at least the survey delay ago; returns how many were invited.</summary>
    public async Task<int> InviteDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now - options.Value.SurveyDelay;
        var endedAfter = now - AskWithin;
        var invited = 0;
        foreach (var visit in await DueVisitsAsync(endedAfter, endedBefore, ct))
        {
            if (await InviteAsync(visit, now, ct))
            {
                invited++;
            }
        }

        return invited;
    }

    /// <summary>The survey of a finished, completed ticket on the desk's tablet: a new token for its invitation (made now if there is none).</summary>
    public async Task<TabletSurvey> ForTabletAsync(int ticketId, IReadOnlySet<int>? visibleLocations, CancellationToken ct = default)
    {
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Outcome).Include(t => t.Appointment)
            .SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !Access.StaffScope.CanSee(visibleLocations, ticket.LocationId))
        {
            return new TabletSurvey.NotFound();
        }

        if (ticket.Status != TicketStatus.Finished || ticket.Outcome?.Kind != OutcomeKind.Completed)
        {
            return new TabletSurvey.NotCompleted();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(
                i => i.TicketId == ticket.Id || (ticket.AppointmentId != null && i.AppointmentId == ticket.AppointmentId), ct);
            if (invitation?.AnsweredAtUtc is not null)
            {
                return new TabletSurvey.AlreadyAnswered();
            }

            var token = SecretLinks.NewToken();
            if (invitation is null)
            {
                invitation = NewInvitation(VisitOf(ticket), token, SurveyChannel.Tablet, now);
                db.SurveyInvitations.Add(invitation);
            }

            // A link already sent stops working: the client answers here and now instead.
            invitation.TokenHash = SecretLinks.Hash(token);
            invitation.Channel = SurveyChannel.Tablet;
            invitation.ExpiresAtUtc = now + TabletLinkValidFor;
            try
            {
                await db.SaveChangesAsync(ct);
                return new TabletSurvey.Ready(token);
            }
            catch (DbUpdateException e) when (AdminSupport.IsUniqueViolation(e))
            {
                // The worker invited this visit in the same instant: take its invitation over.
                db.ChangeTracker.Clear();
            }
        }

        throw new InvalidOperationException($"Could not open the tablet survey of ticket {ticketId}.");
    }

    /// <summary>The invitation of a link, or null for a token nobody was given.</summary>
    public Task<SurveyInvitation?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (!SecretLinks.TryHash(token, out var hash))
        {
            return Task.FromResult<SurveyInvitation?>(null);
        }

        return db.SurveyInvitations.AsNoTracking().Include(i => i.Location).Include(i => i.Service)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>Stops surveys to the visit's e-mail and phone: only their hashes are kept. True when the link is known.</summary>
    public async Task<bool> OptOutAsync(string? token, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } invitation)
        {
            return false;
        }

        var contacts = await db.SurveyInvitations.AsNoTracking().Where(i => i.Id == invitation.Id)
            .Select(i => new
            {
                TicketEmail = i.Ticket == null ? null : i.Ticket.Email,
                TicketPhone = i.Ticket == null ? null : i.Ticket.Phone,
                AppointmentEmail = i.Appointment == null ? null : i.Appointment.Email,
                AppointmentPhone = i.Appointment == null ? null : i.Appointment.Phone,
            })
            .SingleAsync(ct);
        var hashes = new[] { EmailHash(contacts.TicketEmail), PhoneHash(contacts.TicketPhone), EmailHash(contacts.AppointmentEmail), PhoneHash(contacts.AppointmentPhone) }
            .OfType<string>().Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var hash in hashes)
        {
            if (await db.SurveyOptOuts.AnyAsync(o => o.ContactHash == hash, ct))
            {
                continue;
            }

            db.SurveyOptOuts.Add(new SurveyOptOut { ContactHash = hash, AtUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (AdminSupport.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }

        return true;
    }

    /// <summary>The SHA-256 of a normalised e-mail address, as opt-outs keep it; null when it is not one.</summary>
    public static string? EmailHash(string? email) => ClientIdentity.Email(email) is { } normal ? SecretLinks.Hash("email:" + normal) : null;

    /// <summary>The SHA-256 of a normalised phone number, as opt-outs keep it; null when it is not one.</summary>
    public static string? PhoneHash(string? phone) => ClientIdentity.Phone(phone) is { } normal ? SecretLinks.Hash("phone:" + normal) : null;

    public string SurveyUrl(string token, string language) =>
        $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/survey/{Uri.EscapeDataString(token)}" + (language == Localization.English ? "?culture=en" : "");

    public string OptOutUrl(string token, string language) =>
        $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/survey/{Uri.EscapeDataString(token)}/opt-out" + (language == Localization.English ? "?culture=en" : "");

    private async Task<List<CompletedVisit>> DueVisitsAsync(DateTime endedAfter, DateTime endedBefore, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Appointment)
            .Where(t => t.Status == TicketStatus.Finished && t.Outcome != null && t.Outcome.Kind == OutcomeKind.Completed
                && t.FinishedAtUtc != null && t.FinishedAtUtc > endedAfter && t.FinishedAtUtc <= endedBefore
                && !db.SurveyInvitations.Any(i => i.TicketId == t.Id || (t.AppointmentId != null && i.AppointmentId == t.AppointmentId)))
            .ToListAsync(ct);

        // An appointment marked arrived at the desk's day view, never checked in to the queue: it ends at its end time.
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Arrived && a.StartsAtUtc > endedAfter.AddDays(-1) && a.StartsAtUtc <= endedBefore
                && !db.Tickets.Any(t => t.AppointmentId == a.Id)
                && !db.SurveyInvitations.Any(i => i.AppointmentId == a.Id))
            .ToListAsync(ct);

        return
        [
            .. tickets.Select(VisitOf),
            .. appointments.Select(VisitOf).Where(v => v.EndedAtUtc > endedAfter && v.EndedAtUtc <= endedBefore),
        ];
    }

    private static CompletedVisit VisitOf(Ticket ticket) => new(
        ticket.Id, ticket.AppointmentId, ticket.LocationId, ticket.ServiceId, ticket.Date, ticket.FinishedAtUtc ?? ticket.IssuedAtUtc,
        ticket.Appointment?.Language ?? ticket.Language,
        ClientIdentity.Email(ticket.Email) ?? ClientIdentity.Email(ticket.Appointment?.Email),
        ticket.Phone is { Length: > 0 } ? ticket.Phone : ticket.Appointment?.Phone);

    private static CompletedVisit VisitOf(Appointment appointment)
    {
        var end = RigaTime.ToInstant(appointment.Date, appointment.End).UtcDateTime;
        var ended = appointment.MarkedAtUtc is { } marked && marked > end ? marked : end;
        return new(null, appointment.Id, appointment.LocationId, appointment.ServiceId, appointment.Date, ended, appointment.Language,
            ClientIdentity.Email(appointment.Email), appointment.Phone);
    }

    private async Task<bool> InviteAsync(CompletedVisit visit, DateTime now, CancellationToken ct)
    {
        var mobile = BookingNotices.MobileNumber(visit.Phone);
        if (visit.Email is null && mobile is null)
        {
            return false;
        }

        var hashes = new[] { EmailHash(visit.Email), PhoneHash(visit.Phone) }.OfType<string>().ToList();
        if (await db.SurveyOptOuts.AnyAsync(o => hashes.Contains(o.ContactHash), ct))
        {
            return false;
        }

        var token = SecretLinks.NewToken();
        var channel = visit.Email is not null ? SurveyChannel.Email : SurveyChannel.Sms;
        var invitation = NewInvitation(visit, token, channel, now);
        db.SurveyInvitations.Add(invitation);
        db.OutboxMessages.Add(await MessageAsync(invitation, visit, token, channel == SurveyChannel.Email ? visit.Email! : mobile!, now, ct));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (AdminSupport.IsUniqueViolation(e))
        {
            // Another instance invited this visit a moment ago; its message is the one that goes.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private SurveyInvitation NewInvitation(CompletedVisit visit, string token, SurveyChannel channel, DateTime now) => new()
    {
        TokenHash = SecretLinks.Hash(token),
        TicketId = visit.TicketId,
        AppointmentId = visit.AppointmentId,
        LocationId = visit.LocationId,
        ServiceId = visit.ServiceId,
        VisitOn = visit.VisitOn,
        Language = visit.Language == Localization.English ? Localization.English : Localization.Latvian,
        Channel = channel,
        CreatedAtUtc = now,
        ExpiresAtUtc = now + options.Value.SurveyLinkValidFor,
    };

    private async Task<OutboxMessage> MessageAsync(SurveyInvitation invitation, CompletedVisit visit, string token, string recipient, DateTime now, CancellationToken ct)
    {
        var culture = CultureInfo.GetCultureInfo(invitation.Language);
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var english = invitation.Language == Localization.English;
        var names = await db.Locations.AsNoTracking().Where(l => l.Id == visit.LocationId).Select(l => new { l.NameLv, l.NameEn }).SingleAsync(ct);
        var place = english && !string.IsNullOrWhiteSpace(names.NameEn) ? names.NameEn : names.NameLv;
        var date = visit.VisitOn.ToString(english ? "d MMMM yyyy" : "d.MM.yyyy.", culture);
        var link = SurveyUrl(token, invitation.Language);
        var until = RigaTime.ToLocal(invitation.ExpiresAtUtc).ToString(english ? "d MMMM yyyy" : "d.MM.yyyy.", culture);
        var email = invitation.Channel == SurveyChannel.Email;
        return new OutboxMessage
        {
            Kind = MessageKind,
            Channel = email ? MessageChannel.Email : MessageChannel.Sms,
            Recipient = recipient,
            Language = invitation.Language,
            Subject = email ? T("Message.Subject") : "",
            Body = email
                ? string.Join('\n', T("Message.Greeting"), "", T("Message.Lead", place, date), T("Message.Time"), "", link, "", T("Message.Until", until),
                    "", T("Message.OptOut", OptOutUrl(token, invitation.Language)), "", T("Message.Signature"))
                : T("Message.Sms", place, link, OptOutUrl(token, invitation.Language)),
            TicketId = visit.TicketId,
            AppointmentId = visit.AppointmentId,
            CreatedAtUtc = now,
            DueAtUtc = now,
        };
    }

}

/// <summary>What the desk's tablet gets for a ticket.</summary>
public abstract record TabletSurvey
{
    private TabletSurvey()
    {
    }

    public sealed record Ready(string Token) : TabletSurvey;

    public sealed record NotFound : TabletSurvey;

    public sealed record NotCompleted : TabletSurvey;

    public sealed record AlreadyAnswered : TabletSurvey;
}

/// <summary>Runs <see cref="SurveyInvitations.InviteDueAsync"/> every few minutes on the app's clock (off in tests, which call it themselves).</summary>
public sealed class SurveyInvitationService(IServiceScopeFactory scopes, IOptions<NotificationOptions> notifications, ILogger<SurveyInvitationService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The outbox worker's switch: where messages are not sent (tests), invitations are not written behind the test's back.
        if (!notifications.Value.WorkerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var invited = await scope.ServiceProvider.GetRequiredService<SurveyInvitations>().InviteDueAsync(stoppingToken);
                if (invited > 0)
                {
                    log.LogInformation("Invited {Count} completed visits to the survey.", invited);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Inviting completed visits to the survey failed; trying again in five minutes.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
