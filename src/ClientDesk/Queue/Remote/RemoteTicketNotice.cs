using System.Globalization;
using System.Resources;
using ClientDesk.Data;
using ClientDesk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Queue.Remote;

/// <summary>
/// The confirmation of a remote (web or API) ticket: its number, service, place, the people ahead and the follow link,
/// by e-mail and/or SMS in the ticket's language, written to the outbox (ADR 009). The ticket is already saved by
/// <see cref="Tickets.IssueAsync"/>; this saves the messages, pointing at the ticket.
/// </summary>
public sealed class RemoteTicketNotice(ClientDeskDb db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public const string Kind = "queue.issued";

    private static readonly ResourceManager Texts = new(typeof(QueueTexts));

    public string FollowUrl(int ticketId, string token) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/queue/tickets/{ticketId}?token={Uri.EscapeDataString(token)}";

    public async Task SendAsync(Ticket ticket, string token, TicketView view, CancellationToken ct = default)
    {
        var culture = CultureInfo.GetCultureInfo(ticket.Language == "en" ? "en" : "lv");
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var names = await db.Tickets.AsNoTracking().Where(t => t.Id == ticket.Id)
            .Select(t => new { ServiceLv = t.Service.NameLv, ServiceEn = t.Service.NameEn, PlaceLv = t.Location.NameLv, PlaceEn = t.Location.NameEn, t.Location.Address, t.Location.Room })
            .SingleAsync(ct);
        var english = culture.Name == "en";
        var service = english ? names.ServiceEn : names.ServiceLv;
        var placeName = english ? names.PlaceEn : names.PlaceLv;
        var place = string.Join(", ", new[] { placeName, names.Address, names.Room }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var link = FollowUrl(ticket.Id, token);
        var now = clock.GetUtcNow().UtcDateTime;

        if (ticket.Email is { Length: > 0 } email)
        {
            var body = new List<string>
            {
                ticket.ClientName is { Length: > 0 } name ? T("Message.GreetingName", name) : T("Message.Greeting"),
                "",
                T("Message.Lead", ticket.Code),
                T("Message.Service", service),
                T("Message.Location", place),
                T("Message.Ahead", view.Ahead, view.EstimatedMinutes),
            };
            if (ticket.NotifyWhenAhead is { } notify)
            {
                body.Add(T("Message.Notify", notify));
            }

            body.AddRange(["", T("Message.Follow", link), T("Message.Today"), "", T("Message.Signature")]);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = Kind,
                Channel = MessageChannel.Email,
                Recipient = email,
                Language = culture.Name,
                Subject = T("Message.Subject", ticket.Code, placeName),
                Body = string.Join('\n', body),
                TicketId = ticket.Id,
                CreatedAtUtc = now,
                DueAtUtc = now,
            });
        }

        if (BookingNotices.MobileNumber(ticket.Phone) is { } mobile)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = Kind,
                Channel = MessageChannel.Sms,
                Recipient = mobile,
                Language = culture.Name,
                Body = T("Message.Sms", ticket.Code, placeName, view.Ahead, link),
                TicketId = ticket.Id,
                CreatedAtUtc = now,
                DueAtUtc = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
