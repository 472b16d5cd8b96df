using System.Globalization;
using System.Resources;
using ClientDesk.Data;
using ClientDesk.Notifications;
using Microsoft.Extensions.Options;

namespace ClientDesk.Feedback.Officer;

/// <summary>A letter to the submitter in their language: printed for post and the e-address, or the body of an e-mail.</summary>
public sealed record CaseLetter(string Language, string Subject, string Greeting, IReadOnlyList<string> Paragraphs, string Closing)
{
    public string Agency { get; init; } = "";
    public string AgencyAddress { get; init; } = "";

    public string PlainText => string.Join("\n\n", [Greeting, .. Paragraphs, Closing]);
}

public enum LetterKind
{
    Answer = 0,
    Extension = 1,
    Forwarding = 2,
}

/// <summary>
/// The messages about a case, in the submitter's language (the case's), written to the outbox in the same
/// SaveChanges as the step they tell of (ADR 009): the extension and forwarding notices, the answer by e-mail, and the
/// officer's deadline reminder. The same texts make the printed letter for post and the e-address.
/// </summary>
public sealed class CaseNotices(ClientDeskDb db, IOptions<NotificationOptions> options)
{
    public const string ExtendedKind = "case.extended";
    public const string ForwardedKind = "case.forwarded";
    public const string AnswerKind = "case.answer";
    public const string ReminderKind = "case.reminder";

    private static readonly ResourceManager Texts = new(typeof(OfficerTexts));

    /// <summary>
    /// Whether a notice other than the answer goes by e-mail: when the submitter gave an e-mail address and did not
    /// choose the e-address (an answer to an e-address goes only there, L-8). Otherwise the officer prints the letter.
    /// </summary>
    public static bool NoticeByEmail(Case @case) =>
        @case.PreferredReply != ReplyChannel.EAddress && Booking.ClientIdentity.Email(@case.Email) is not null;

    public static CaseLetter Letter(Case @case, LetterKind kind, string officerName, string officerPosition, string? institution, string? institutionContact)
    {
        var language = @case.Language == "en" ? "en" : "lv";
        var culture = CultureInfo.GetCultureInfo(language);
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var dates = new NoticeTexts(language);
        var received = dates.Date(@case.ReceivedOn);
        var greeting = @case.SubmitterName is { Length: > 0 } name ? T("Letter.GreetingName", name) : T("Letter.Greeting");
        var closing = T("Letter.Closing", officerName, officerPosition);
        var letter = kind switch
        {
            LetterKind.Extension => new CaseLetter(language, T("Letter.Extension.Subject", @case.Number), greeting,
                [T("Letter.Extension.Body", @case.Number, received, dates.Date(@case.ExtendedAnswerBy ?? @case.AnswerBy!.Value)), T("Letter.Extension.Reason", @case.ExtensionReason)], closing),
            LetterKind.Forwarding => new CaseLetter(language, T("Letter.Forwarding.Subject", @case.Number), greeting,
                [T("Letter.Forwarding.Body", @case.Number, received, institution), .. institutionContact is { Length: > 0 } contact ? [T("Letter.Forwarding.Contact", contact)] : Array.Empty<string>()],
                closing),
            _ => new CaseLetter(language, T("Letter.Answer.Subject", @case.Number), greeting,
                [T("Letter.Answer.Lead", @case.Number, received), @case.AnswerText ?? ""], closing),
        };
        return letter with { Agency = T("Letter.Agency"), AgencyAddress = T("Letter.AgencyAddress") };
    }

    /// <summary>Writes the letter as an e-mail to the submitter (not saved: the caller saves it with the step).</summary>
    public void Email(Case @case, string kind, CaseLetter letter, DateTime nowUtc)
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Channel = MessageChannel.Email,
            Recipient = @case.Email!,
            Language = letter.Language,
            Subject = Limit(letter.Subject, 300),
            Body = Limit(letter.PlainText, 8000),
            CaseId = @case.Id,
            CreatedAtUtc = nowUtc,
            DueAtUtc = nowUtc,
        });
    }

    /// <summary>Reminds the assigned officer of the coming deadline (in Latvian, the staff's language), with a link to the case.</summary>
    public void Reminder(Case @case, string officerEmail, DateOnly dueOn, int workingDaysLeft, DateTime nowUtc)
    {
        var culture = CultureInfo.GetCultureInfo("lv");
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var due = new NoticeTexts("lv").Date(dueOn);
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/staff/cases/{@case.Number}";
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = ReminderKind,
            Channel = MessageChannel.Email,
            Recipient = officerEmail,
            Language = "lv",
            Subject = Limit(workingDaysLeft == 0 ? T("Reminder.SubjectToday", @case.Number) : T("Reminder.Subject", @case.Number, due), 300),
            Body = Limit(T("Reminder.Body", @case.Number, due, workingDaysLeft, link), 8000),
            CaseId = @case.Id,
            CreatedAtUtc = nowUtc,
            DueAtUtc = nowUtc,
        });
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
