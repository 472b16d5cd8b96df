using System.Globalization;
using System.Resources;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Live;

/// <summary>
/// "Your turn is near" (issue 5, item 4): when a waiting ticket with a contact has <see cref="Ticket.NotifyWhenAhead"/>
/// or fewer clients ahead, one message goes to the outbox, by e-mail and/or SMS as for bookings, in the ticket's
/// language. The ticket is claimed by a conditional update of <see cref="Ticket.NotifiedAtUtc"/> in the same
/// transaction as the message, so two instances checking at once never both send.
/// </summary>
public sealed class TurnNearNotices(ClientDeskDb db, QueueState state, TimeProvider clock)
{
    public const string Kind = "queue.turn-near";

    private static readonly ResourceManager Texts = new(typeof(LiveTexts));

    /// <summary>Writes the notices now due at the location; returns how many tickets this call notified.</summary>
    public async Task<int> CheckAsync(int locationId, CancellationToken ct = default)
    {
        var today = RigaTime.Today(clock);
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.LocationId == locationId && t.Date == today && t.Status == TicketStatus.Waiting
                && t.NotifyWhenAhead != null && t.NotifiedAtUtc == null && (t.Phone != null || t.Email != null))
            .Select(t => new { t.Id, t.NotifyWhenAhead }).ToListAsync(ct);
        var sent = 0;
        foreach (var candidate in candidates)
        {
            if (await state.TicketAsync(candidate.Id, ct) is { Status: TicketStatus.Waiting } view && view.Ahead <= candidate.NotifyWhenAhead)
            {
                sent += await NotifyAsync(candidate.Id, view, ct) ? 1 : 0;
            }
        }

        return sent;
    }

    private async Task<bool> NotifyAsync(int ticketId, TicketView view, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Tickets
                .Where(t => t.Id == ticketId && t.NotifiedAtUtc == null && t.Status == TicketStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.NotifiedAtUtc, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
                .Select(t => new { t.Language, t.Email, t.Phone, t.ClientName, t.Location.NameLv, t.Location.NameEn, t.Location.Address, t.Location.Room })
                .SingleAsync(ct);
            var culture = CultureInfo.GetCultureInfo(ticket.Language == Localization.English ? Localization.English : Localization.Latvian);
            string Text(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
            var placeName = culture.Name == Localization.English && !string.IsNullOrWhiteSpace(ticket.NameEn) ? ticket.NameEn : ticket.NameLv;
            var place = string.Join(", ", new[] { placeName, ticket.Address, ticket.Room }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var ahead = view.Ahead == 0 ? Text("Notice.NoneAhead") : Text("Notice.Ahead", view.Ahead, view.EstimatedMinutes);

            if (ticket.Email is { Length: > 0 } email)
            {
                var body = string.Join('\n',
                    Text("Notice.Greeting", string.IsNullOrWhiteSpace(ticket.ClientName) ? "" : " " + ticket.ClientName), "",
                    Text("Notice.Lead", view.Code, place), ahead, Text("Notice.Screen"), "", Text("Notice.Signature"));
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = Kind, Channel = MessageChannel.Email, Recipient = email, Language = culture.Name,
                    Subject = Text("Notice.Subject", view.Code), Body = body, TicketId = ticketId, CreatedAtUtc = now, DueAtUtc = now,
                });
            }

            if (Notifications.BookingNotices.MobileNumber(ticket.Phone) is { } mobile)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = Kind, Channel = MessageChannel.Sms, Recipient = mobile, Language = culture.Name,
                    Body = Text("Notice.Sms", view.Code, placeName, ahead), TicketId = ticketId, CreatedAtUtc = now, DueAtUtc = now,
                });
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
    }
}
