using System.Globalization;
using System.Resources;
using ClientDesk.Administration;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Feedback.Surveys;

/// <summary>What the client filled in, from the page or the API; checked by <see cref="SurveyAnswers.Validate"/>.</summary>
public sealed record SurveyResponse(
    int? Overall,
    int? Professionalism = null,
    int? Responsibility = null,
    int? Respect = null,
    int? Cooperation = null,
    int? Accessibility = null,
    int? Simplicity = null,
    string? Comment = null,
    bool MayContact = false,
    string? ContactName = null,
    string? ContactEmail = null,
    string? ContactPhone = null)
{
    public IEnumerable<(string Value, int? Score)> ValueScores =>
    [
        (nameof(Professionalism), Professionalism), (nameof(Responsibility), Responsibility), (nameof(Respect), Respect),
        (nameof(Cooperation), Cooperation), (nameof(Accessibility), Accessibility), (nameof(Simplicity), Simplicity),
    ];
}

public abstract record SurveyAnswerOutcome
{
    private SurveyAnswerOutcome()
    {
    }

    /// <summary>Stored; <paramref name="CaseNumber"/> is the case a low score opened, if it did.</summary>
    public sealed record Saved(int AnswerId, string? CaseNumber) : SurveyAnswerOutcome;

    public sealed record UnknownLink : SurveyAnswerOutcome;

    public sealed record AlreadyAnswered : SurveyAnswerOutcome;

    public sealed record Expired : SurveyAnswerOutcome;

    /// <summary>Field → the key of its message in <see cref="SurveyTexts"/>.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SurveyAnswerOutcome;
}

/// <summary>
/// Saves a survey answer, once per link: the invitation is claimed in the same transaction (a second post finds it
/// claimed), and the unique index on the answer's invitation is the last arbiter. A low score from a client who agreed
/// to be contacted opens a complaint case in that same transaction, and the answer points at it (K-4: the loop closes).
/// </summary>
public sealed class SurveyAnswers(ClientDeskDb db, Cases cases, SurveyInvitations invitations, TimeProvider clock, IOptions<FeedbackOptions> options)
{
    public const int CommentMaxLength = 2000;
    public const int NameMaxLength = 200;

    /// <summary>The six values of the standard (VAL-1…VAL-6), in its order.</summary>
    public static readonly string[] Values = ["Professionalism", "Responsibility", "Respect", "Cooperation", "Accessibility", "Simplicity"];

    private static readonly ResourceManager Texts = new(typeof(SurveyTexts));

    /// <summary>What is wrong with the response: field → text key; empty when it may be saved.</summary>
    public static Dictionary<string, string> Validate(SurveyResponse response)
    {
        var errors = new Dictionary<string, string>();
        if (response.Overall is null)
        {
            errors["Overall"] = "Error.OverallMissing";
        }
        else if (!InScale(response.Overall))
        {
            errors["Overall"] = "Error.OutOfScale";
        }

        foreach (var (value, score) in response.ValueScores)
        {
            if (!InScale(score))
            {
                errors[value] = "Error.OutOfScale";
            }
        }

        if (response.Comment is { Length: > CommentMaxLength })
        {
            errors["Comment"] = "Error.CommentTooLong";
        }

        if (response.MayContact)
        {
            if (string.IsNullOrWhiteSpace(response.ContactName))
            {
                errors["ContactName"] = "Error.NameMissing";
            }
            else if (response.ContactName.Trim().Length > NameMaxLength)
            {
                errors["ContactName"] = "Error.NameTooLong";
            }

            var email = Blank(response.ContactEmail);
            var phone = Blank(response.ContactPhone);
            if (email is not null && ClientIdentity.Email(email) is null)
            {
                errors["ContactEmail"] = "Error.EmailInvalid";
            }

            if (phone is not null && ClientIdentity.Phone(phone) is null)
            {
                errors["ContactPhone"] = "Error.PhoneInvalid";
            }

            if (email is null && phone is null)
            {
                errors["ContactEmail"] = "Error.ContactMissing";
            }
        }

        return errors;
    }

    /// <summary>Whether the answer should open a case: a low score and a client who may be contacted.</summary>
    public bool OpensCase(SurveyResponse response) =>
        response.MayContact && new[] { response.Overall }.Concat(response.ValueScores.Select(v => v.Score)).Any(s => s <= options.Value.LowScore);

    /// <param name="language">The language the client answered in ("lv" or "en"; null: the invitation's): a case is registered in it.</param>
    public async Task<SurveyAnswerOutcome> AnswerAsync(string? token, SurveyResponse response, string? language, CancellationToken ct = default)
    {
        if (await invitations.FindAsync(token, ct) is not { } invitation)
        {
            return new SurveyAnswerOutcome.UnknownLink();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.AnsweredAtUtc is not null)
        {
            return new SurveyAnswerOutcome.AlreadyAnswered();
        }

        if (invitation.ExpiresAtUtc <= now)
        {
            return new SurveyAnswerOutcome.Expired();
        }

        if (Validate(response) is { Count: > 0 } errors)
        {
            return new SurveyAnswerOutcome.Invalid(errors);
        }

        var answer = NewAnswer(invitation, response, now);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The claim: of two posts at the same instant, one sets the time and the other finds it set.
            var claimed = await db.SurveyInvitations.Where(i => i.Id == invitation.Id && i.AnsweredAtUtc == null && i.ExpiresAtUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAtUtc, now), ct);
            if (claimed == 0)
            {
                return new SurveyAnswerOutcome.AlreadyAnswered();
            }

            string? caseNumber = null;
            if (OpensCase(response))
            {
                var registered = await cases.RegisterAsync(CaseFor(invitation, response, language ?? invitation.Language), (@case, _) =>
                {
                    answer.Case = @case;
                    db.SurveyAnswers.Add(answer);
                    return Task.CompletedTask;
                }, ct);
                caseNumber = registered.Case.Number;
            }
            else
            {
                db.SurveyAnswers.Add(answer);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new SurveyAnswerOutcome.Saved(answer.Id, caseNumber);
        }
        catch (DbUpdateException e) when (AdminSupport.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return new SurveyAnswerOutcome.AlreadyAnswered();
        }
    }

    private static SurveyAnswer NewAnswer(SurveyInvitation invitation, SurveyResponse response, DateTime now)
    {
        var email = response.MayContact ? ClientIdentity.Email(Blank(response.ContactEmail)) : null;
        var phone = response.MayContact ? ClientIdentity.Phone(Blank(response.ContactPhone)) : null;
        return new SurveyAnswer
        {
            InvitationId = invitation.Id,
            LocationId = invitation.LocationId,
            ServiceId = invitation.ServiceId,
            VisitOn = invitation.VisitOn,
            Channel = invitation.Channel,
            AnsweredAtUtc = now,
            Overall = response.Overall!.Value,
            Professionalism = response.Professionalism,
            Responsibility = response.Responsibility,
            Respect = response.Respect,
            Cooperation = response.Cooperation,
            Accessibility = response.Accessibility,
            Simplicity = response.Simplicity,
            Comment = Blank(response.Comment),
            MayContact = response.MayContact,
            ContactName = response.MayContact ? Blank(response.ContactName) : null,
            ContactEmail = email,
            ContactPhone = phone,
        };
    }

    /// <summary>The complaint a low score opens: the scores and the comment as the text, the visit as what it concerns.</summary>
    private static CaseIntake CaseFor(SurveyInvitation invitation, SurveyResponse response, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language == Localization.English ? Localization.English : Localization.Latvian);
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var lines = new List<string>
        {
            T("Case.Lead", invitation.VisitOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)),
            "",
            T("Case.Score", T("Overall.Short"), response.Overall),
        };
        foreach (var (value, score) in response.ValueScores)
        {
            lines.Add(T("Case.Score", T($"Value.{value}.Name"), score?.ToString(CultureInfo.InvariantCulture) is { } given ? given : T("Case.NotScored")));
        }

        if (Blank(response.Comment) is { } comment)
        {
            lines.AddRange(["", T("Case.Comment"), comment]);
        }

        return new CaseIntake(CaseKind.Complaint, CaseChannel.Survey, string.Join('\n', lines))
        {
            Subject = T("Case.Subject"),
            Name = Blank(response.ContactName),
            Email = ClientIdentity.Email(Blank(response.ContactEmail)),
            Phone = ClientIdentity.Phone(Blank(response.ContactPhone)),
            PreferredReply = ClientIdentity.Email(Blank(response.ContactEmail)) is null ? ReplyChannel.None : ReplyChannel.Email,
            Language = culture.Name,
            LocationId = invitation.LocationId,
            ServiceId = invitation.ServiceId,
            TicketId = invitation.TicketId,
            AppointmentId = invitation.AppointmentId,
        };
    }

    private static bool InScale(int? score) => score is null or (>= SurveyAnswer.LowestScore and <= SurveyAnswer.HighestScore);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
