using System.Globalization;
using System.Resources;
using ClientDesk.Data;
using ClientDesk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Reception;

/// <summary>
/// Writes the client's messages about a reception request into the outbox, saved with the change by the caller:
/// by e-mail when an address was given, else by SMS to a mobile number. Confirmations and proposals name the official,
/// the date and time, the address and the room, and carry the status link, in the client's language.
/// </summary>
public sealed class ReceptionNotices(ClientDeskDb db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public const string ReceivedKind = "reception.received";
    public const string ProposedKind = "reception.proposed";
    public const string ConfirmedKind = "reception.confirmed";
    public const string CancelledKind = "reception.cancelled";

    /// <summary>To the official when the client accepts a proposed time, asks for another or cancels.</summary>
    public const string OfficialToldKind = "reception.official-told";

    private static readonly ResourceManager Resources = new(typeof(ReceptionTexts));

    /// <summary>
    /// Tells the official by e-mail, in Latvian (staff have no language setting), what the client did on the status page:
    /// "Accepted", "Another" or "Cancelled", with the reason. Nothing when the official has no account or no address.
    /// </summary>
    public void TellOfficial(ReceptionRequest request, string clientStep)
    {
        if (request.Official?.StaffMember is not { Email: { Length: > 0 } email })
        {
            return;
        }

        var lv = CultureInfo.GetCultureInfo("lv");
        string T(string key, params object?[] args) =>
            string.Format(lv, Resources.GetString(key, lv) ?? throw new InvalidOperationException($"No reception text '{key}'."), args);
        var what = T("Official.Step." + clientStep);
        var body = new List<string> { T("Official.Lead", request.Number, request.ClientName, what), T("Official.Topic", request.Topic) };
        if (request.ClientNote is { Length: > 0 } reason && clientStep != "Accepted")
        {
            body.Add(T("Official.Reason", reason));
        }

        body.AddRange([T("Official.Link", $"{options.Value.PublicBaseUrl.TrimEnd('/')}/staff/reception/{request.Number}"), "", T("Notice.Signature")]);
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = OfficialToldKind,
            Channel = MessageChannel.Email,
            Recipient = email,
            Language = "lv",
            Subject = Limit(T("Official.Subject", request.Number, what), 300),
            Body = Limit(string.Join('\n', body), 8000),
            CreatedAtUtc = now,
            DueAtUtc = now,
        });
    }

    public string StatusLink(ReceptionRequest request, string token) =>
        $"{options.Value.PublicBaseUrl}/reception/status?number={request.Number}&token={Uri.EscapeDataString(token)}";

    public async Task QueueAsync(ReceptionRequest request, string kind, string token, CancellationToken ct = default)
    {
        var official = await db.ReceptionOfficials.AsNoTracking().Where(o => o.Id == request.OfficialId)
            .Select(o => new { o.TitleLv, o.TitleEn, o.Room, Name = o.StaffMember == null ? null : o.StaffMember.FirstName + " " + o.StaffMember.LastName,
                Address = o.Location == null ? null : o.Location.Address, PlaceLv = o.Location == null ? null : o.Location.NameLv, PlaceEn = o.Location == null ? null : o.Location.NameEn })
            .SingleAsync(ct);
        var english = request.Language == Platform.Localization.English;
        var culture = CultureInfo.GetCultureInfo(english ? "en" : "lv");
        string T(string key, params object?[] args) =>
            string.Format(culture, Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No reception text '{key}'."), args);
        var dates = new NoticeTexts(request.Language);

        var who = english ? official.TitleEn : official.TitleLv;
        if (!string.IsNullOrWhiteSpace(official.Name))
        {
            who += " " + official.Name;
        }

        var address = official.Address ?? (english ? official.PlaceEn : official.PlaceLv) ?? T("Notice.AddressLater");
        var room = string.IsNullOrWhiteSpace(official.Room) ? null : T("Notice.Room", official.Room);
        var place = room is null ? address : $"{address}, {room}";
        var (date, start) = kind switch
        {
            ConfirmedKind => (request.ConfirmedDate, request.ConfirmedStart),
            ProposedKind => (request.ProposedDate, request.ProposedStart),
            _ => (request.WishedDate, request.WishedStart),
        };
        var when = date is { } d && start is { } s ? T("Notice.When", dates.Date(d), NoticeTexts.Time(s)) : null;
        var link = StatusLink(request, token);
        var suffix = kind[(kind.IndexOf('.') + 1)..];
        var now = clock.GetUtcNow().UtcDateTime;

        if (request.Email is { Length: > 0 } email)
        {
            var body = new List<string> { T("Notice.Greeting", request.ClientName), "", T("Notice.Lead." + suffix), "" };
            body.Add(T("Notice.Official", who));
            if (when is not null)
            {
                body.Add(T("Notice.Time", when));
            }

            body.Add(T("Notice.Place", address));
            if (room is not null)
            {
                body.Add(room);
            }

            body.Add(T("Notice.Topic", request.Topic));
            body.Add(T("Notice.Reference", request.Number));
            if (kind == CancelledKind && request.StatusNote is { Length: > 0 } reason)
            {
                body.Add(T("Notice.Reason", reason));
            }

            body.AddRange(["", T("Notice.Link." + suffix, link), "", T("Notice.Contact", Catalogue.AgencyContacts.Phone, Catalogue.AgencyContacts.Email), T("Notice.Signature")]);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = kind,
                Channel = MessageChannel.Email,
                Recipient = email,
                Language = english ? "en" : "lv",
                Subject = Limit(T("Notice.Subject." + suffix, request.Number, when ?? ""), 300),
                Body = Limit(string.Join('\n', body), 8000),
                CreatedAtUtc = now,
                DueAtUtc = now,
            });
        }
        else if (BookingNotices.MobileNumber(request.Phone) is { } mobile)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = kind,
                Channel = MessageChannel.Sms,
                Recipient = mobile,
                Language = english ? "en" : "lv",
                Body = Limit(T("Notice.Sms." + suffix, request.Number, who, when ?? "", place, link), 8000),
                CreatedAtUtc = now,
                DueAtUtc = now,
            });
        }
    }

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
