using System.Globalization;
using System.Resources;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Feedback.Intake;
using ClientDesk.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Feedback;

/// <summary>
/// Registers a submission with the messages it brings, written to the outbox in the same transaction (ADR 009): the
/// receipt to the submitter's e-mail, in their language, with the number, the deadline and the status link; and, for an
/// IT problem, the text to IT support (CH-4).
/// </summary>
public sealed class SubmitterMessages(
    ClientDeskDb db, Cases cases, TimeProvider clock, IOptions<NotificationOptions> notifications, IOptions<FeedbackOptions> feedback)
{
    public const string ReceiptKind = "case.received";
    public const string ItSupportKind = "case.it-support";

    private static readonly ResourceManager Texts = new(typeof(IntakeTexts));

    public string StatusUrl(string number, string token) =>
        $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/feedback/status?number={Uri.EscapeDataString(number)}&token={Uri.EscapeDataString(token)}";

    /// <summary>Registers and saves the case with its messages; the messages then point at the saved case.</summary>
    public async Task<RegisteredCase> RegisterAsync(CaseIntake intake, CancellationToken ct = default)
    {
        var written = new List<OutboxMessage>();
        var logged = new List<CaseEntry>();
        var registered = await cases.RegisterAsync(intake, (@case, token) =>
        {
            // Called again when the number was taken meanwhile: what the first call added goes first.
            foreach (var entry in logged)
            {
                @case.Entries.Remove(entry);
                db.Entry(entry).State = EntityState.Detached;
            }

            var before = @case.Entries.Count;
            written.Clear();
            written.AddRange(Write(@case, token));
            logged.Clear();
            logged.AddRange(@case.Entries.Skip(before));
            return Task.CompletedTask;
        }, ct);

        // The case's id is known only after the save (OutboxMessage.CaseId is a plain column, not a relationship).
        if (written.Count > 0)
        {
            foreach (var message in written)
            {
                message.CaseId = registered.Case.Id;
            }

            await db.SaveChangesAsync(ct);
        }

        return registered;
    }

    private List<OutboxMessage> Write(Case @case, string token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = new List<OutboxMessage>();
        if (@case.Email is { } email && ClientIdentity.Email(email) is not null)
        {
            var culture = CultureInfo.GetCultureInfo(@case.Language == "en" ? "en" : "lv");
            string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
            var body = new List<string>
            {
                @case.SubmitterName is { } name ? T("Receipt.GreetingName", name) : T("Receipt.Greeting"),
                "",
                T("Receipt.Lead", T("KindObject." + @case.Kind), FormatDate(@case.ReceivedOn, culture), @case.Number),
            };
            body.Add(@case.AnswerBy is { } answerBy
                ? T("Receipt.Deadline", FormatDate(answerBy, culture), T("Rule." + @case.DeadlineRule))
                : T("Receipt.InformationOnly"));
            if (@case.Kind == CaseKind.ItProblem)
            {
                body.Add(T("Receipt.ItSupport"));
            }

            body.AddRange(["", T("Receipt.Status", StatusUrl(@case.Number, token)), "", T("Receipt.Signature")]);
            messages.Add(new OutboxMessage
            {
                Kind = ReceiptKind,
                Channel = MessageChannel.Email,
                Recipient = email,
                Language = culture.Name,
                Subject = T("Receipt.Subject", @case.Number),
                Body = string.Join('\n', body),
                CreatedAtUtc = now,
                DueAtUtc = now,
            });
            @case.Log(CaseEntryKind.SubmitterTold, null, now, "Receipt e-mailed");
        }

        if (@case.Kind == CaseKind.ItProblem && !string.IsNullOrWhiteSpace(feedback.Value.ItSupportEmail))
        {
            // IT support works in Latvian; the submitter's own words go as they wrote them.
            var lv = CultureInfo.GetCultureInfo("lv");
            string T(string key, params object?[] args) => string.Format(lv, Texts.GetString(key, lv)!, args);
            var contact = string.Join(", ", new[] { @case.SubmitterName, @case.Email, @case.Phone }.Where(v => !string.IsNullOrWhiteSpace(v)));
            var text = @case.Text.Length > 6000 ? @case.Text[..6000] + " …" : @case.Text;
            messages.Add(new OutboxMessage
            {
                Kind = ItSupportKind,
                Channel = MessageChannel.Email,
                Recipient = feedback.Value.ItSupportEmail,
                Language = "lv",
                Subject = T("ItSupport.Subject", @case.Number),
                Body = string.Join('\n',
                    T("ItSupport.Lead", @case.Number, T("Channel." + @case.Channel), FormatDate(@case.ReceivedOn, lv)),
                    T("ItSupport.Contact", contact.Length > 0 ? contact : T("ItSupport.NoContact")),
                    @case.Attachments.Count > 0 ? T("ItSupport.Attachments", @case.Attachments.Count) : "",
                    "",
                    text),
                CreatedAtUtc = now,
                DueAtUtc = now,
            });
            @case.Log(CaseEntryKind.Note, null, now, $"Nosūtīts IT atbalstam ({feedback.Value.ItSupportEmail}).");
        }

        db.OutboxMessages.AddRange(messages);
        return messages;
    }

    /// <summary>A date as the submitter reads it: 31.03.2026. in Latvian, 31 March 2026 in English.</summary>
    public static string FormatDate(DateOnly date, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en"
            ? date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : date.ToString("dd.MM.yyyy.", CultureInfo.InvariantCulture);
}
