using ClientDesk.Platform;
using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Notifications;
using Microsoft.Extensions.Options;

namespace ClientDesk.OnSite.Planning;

/// <summary>
/// What the clients of a round are told (C-3), by e-mail or, when only a phone was given, by SMS, in the client's
/// language, written to the outbox in the same save as the plan (ADR 009): the date, the arrival window, the
/// inspector's name, surname and position, the address, and the status link to confirm or ask for another day.
/// The status token is stored only as a hash, so each notice issues a fresh token (the request's hash is replaced):
/// the link in the newest message is the one that works, and the page says so.
/// </summary>
public sealed class RoundNotices(ClientDeskDb db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public const string PlannedKind = "onsite.planned";
    public const string ChangedKind = "onsite.changed";
    public const string RemovedKind = "onsite.removed";

    private static readonly ResourceManager Texts = new(typeof(PlanningTexts));

    public string StatusUrl(string number, string token) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/onsite/status?number={Uri.EscapeDataString(number)}&token={Uri.EscapeDataString(token)}";

    /// <summary>Writes the planned (or changed) notice and a fresh status token; false when the client has no e-mail or mobile.</summary>
    public bool Planned(InspectionRound round, RoundStop stop, StaffMember inspector)
    {
        var request = stop.Request;
        var mobile = BookingNotices.MobileNumber(request.Phone);
        if (string.IsNullOrWhiteSpace(request.Email) && mobile is null)
        {
            return false;
        }

        var culture = Culture(request.Language);
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var english = culture.Name == "en";
        var changed = request.Status is OnSiteStatus.Planned or OnSiteStatus.Confirmed;
        var token = SecretLinks.NewToken();
        request.StatusTokenHash = SecretLinks.Hash(token);
        var link = StatusUrl(request.Number, token);
        var date = round.Date.ToString(T("Format.Date"), culture);
        var window = $"{stop.ArriveFrom:H\\:mm}–{stop.ArriveTo:H\\:mm}";
        var who = $"{inspector.FirstName} {inspector.LastName}, {(english && inspector.PositionEn.Length > 0 ? inspector.PositionEn : inspector.PositionLv)}";
        var office = english ? round.Location.NameEn : round.Location.NameLv;
        var contact = string.Join(", ", new[] { office, round.Location.Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var kind = changed ? ChangedKind : PlannedKind;

        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            string[] body =
            [
                T("Notice.Greeting", request.ClientName),
                "",
                T(changed ? "Notice.ChangedLead" : "Notice.PlannedLead", request.Number),
                T("Notice.Date", date),
                T("Notice.Window", window),
                T("Notice.Inspector", who),
                T("Notice.Address", request.Address),
                T("Notice.Machines", request.Machines, request.MachinesDescription),
                "",
                T("Notice.Confirm", link),
                T("Notice.NewLink"),
                T("Notice.Contact", contact),
                "",
                T("Notice.Signature"),
            ];
            Add(kind, MessageChannel.Email, request.Email.Trim(), culture, T(changed ? "Notice.ChangedSubject" : "Notice.PlannedSubject", request.Number, date), string.Join('\n', body));
        }
        else
        {
            Add(kind, MessageChannel.Sms, mobile!, culture, "", T("Notice.Sms", request.Number, date, window, who, link));
        }

        return true;
    }

    /// <summary>Tells a client already told that the planned visit is off; the request waits to be planned again.</summary>
    public void Removed(InspectionRound round, RoundStop stop)
    {
        var request = stop.Request;
        var culture = Culture(request.Language);
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var date = round.Date.ToString(T("Format.Date"), culture);
        var office = culture.Name == "en" ? round.Location.NameEn : round.Location.NameLv;
        var contact = string.Join(", ", new[] { office, round.Location.Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            var body = string.Join('\n', T("Notice.Greeting", request.ClientName), "", T("Notice.RemovedLead", request.Number, date), T("Notice.RemovedNext"),
                T("Notice.Contact", contact), "", T("Notice.Signature"));
            Add(RemovedKind, MessageChannel.Email, request.Email.Trim(), culture, T("Notice.RemovedSubject", request.Number), body);
        }
        else if (BookingNotices.MobileNumber(request.Phone) is { } mobile)
        {
            Add(RemovedKind, MessageChannel.Sms, mobile, culture, "", T("Notice.RemovedSms", request.Number, date));
        }
    }

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "lv");

    private void Add(string kind, MessageChannel channel, string recipient, CultureInfo culture, string subject, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Channel = channel,
            Recipient = recipient,
            Language = culture.Name,
            Subject = subject.Length > 300 ? subject[..300] : subject,
            Body = body.Length > 8000 ? body[..8000] : body,
            CreatedAtUtc = now,
            DueAtUtc = now,
        });
    }
}
