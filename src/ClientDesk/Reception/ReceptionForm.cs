using ClientDesk.Booking;
using ClientDesk.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Reception;

/// <summary>What the public form and staff registration send; every field is checked by <see cref="ReceptionForm"/>.</summary>
public sealed class ReceptionInput
{
    public const int TopicMaxLength = 2000;
    public const int NameMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int PreferredMaxLength = 500;
    public const int ReasonMaxLength = 1000;

    public string? Official { get; set; }
    public string? Topic { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
    public string? Slot { get; set; }
    public string? PreferredTimes { get; set; }

    // Staff registration only.
    public string? Channel { get; set; }
    public string? Case { get; set; }

    // The public form's bot protection (as the booking form's).
    public string? Website { get; set; }
    public string? FormTicket { get; set; }
}

/// <summary>
/// Checks a reception request from the public form or from staff and turns it into a <see cref="ReceptionIntake"/>.
/// Each problem is a message on its field in the user's language; null means nothing is to be stored.
/// </summary>
public sealed class ReceptionForm(ClientDeskDb db, Receptions receptions, IStringLocalizer<ReceptionTexts> t)
{
    /// <summary>The channels staff register: all but the web form.</summary>
    public static readonly ReceptionChannel[] StaffChannels = [ReceptionChannel.Phone, ReceptionChannel.Email, ReceptionChannel.Post, ReceptionChannel.InPerson];

    public async Task<ReceptionIntake?> CheckAsync(ReceptionInput input, string? staffId, ModelStateDictionary errors, CancellationToken ct)
    {
        void Error(string field, string message) => errors.AddModelError("Input." + field, message);

        var officialKey = input.Official?.Trim();
        var official = string.IsNullOrEmpty(officialKey) || officialKey.Length > 60
            ? null
            : await db.ReceptionOfficials.AsNoTracking().Where(o => o.Key == officialKey && o.IsActive).Select(o => new { o.Id }).SingleOrDefaultAsync(ct);
        if (official is null)
        {
            Error(nameof(input.Official), t["Error.Official"]);
        }

        var topic = input.Topic?.Trim();
        if (string.IsNullOrEmpty(topic))
        {
            Error(nameof(input.Topic), t["Error.TopicRequired"]);
        }
        else if (topic.Length > ReceptionInput.TopicMaxLength)
        {
            Error(nameof(input.Topic), t["Error.TooLong", t["Form.Topic"], ReceptionInput.TopicMaxLength, topic.Length]);
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Error(nameof(input.Name), t["Error.NameRequired"]);
        }
        else if (name.Length > ReceptionInput.NameMaxLength)
        {
            Error(nameof(input.Name), t["Error.TooLong", t["Form.Name"], ReceptionInput.NameMaxLength, name.Length]);
        }

        string? email = null, phone = null;
        if (!string.IsNullOrWhiteSpace(input.Email) && (input.Email.Length > ReceptionInput.EmailMaxLength || (email = ClientIdentity.Email(input.Email)) is null))
        {
            Error(nameof(input.Email), t["Error.Email"]);
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && (input.Phone.Length > ReceptionInput.PhoneMaxLength || (phone = ClientIdentity.Phone(input.Phone)) is null))
        {
            Error(nameof(input.Phone), t["Error.Phone"]);
        }

        if (string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Phone))
        {
            Error(nameof(input.Email), t["Error.Contact"]);
        }

        var language = input.Language is "lv" or "en" ? input.Language : null;
        if (language is null)
        {
            Error(nameof(input.Language), t["Error.Language"]);
        }

        ReceptionSlot? wished = null;
        if (!string.IsNullOrWhiteSpace(input.Slot))
        {
            if (!ReceptionSlot.TryParse(input.Slot, out var slot) || official is null
                || !(await receptions.FreeSlotsAsync(official.Id, ct)).Contains(slot))
            {
                Error(nameof(input.Slot), t["Error.Slot"]);
            }
            else
            {
                wished = slot;
            }
        }

        var preferred = input.PreferredTimes?.Trim();
        if (preferred is { Length: > ReceptionInput.PreferredMaxLength })
        {
            Error(nameof(input.PreferredTimes), t["Error.TooLong", t["Form.Preferred"], ReceptionInput.PreferredMaxLength, preferred.Length]);
        }
        else if (string.IsNullOrWhiteSpace(input.Slot) && string.IsNullOrEmpty(preferred))
        {
            Error(nameof(input.PreferredTimes), t["Error.PreferredRequired"]);
        }

        var channel = ReceptionChannel.Web;
        int? caseId = null;
        if (staffId is not null)
        {
            if (Enum.TryParse<ReceptionChannel>(input.Channel, out var given) && StaffChannels.Contains(given) && input.Channel == given.ToString())
            {
                channel = given;
            }
            else
            {
                Error(nameof(input.Channel), t["Error.Channel"]);
            }

            if (!string.IsNullOrWhiteSpace(input.Case))
            {
                caseId = await FindCaseAsync(input.Case, ct);
                if (caseId is null)
                {
                    Error(nameof(input.Case), t["Error.Case"]);
                }
            }
        }

        if (!errors.IsValid || official is null || topic is null || name is null || language is null)
        {
            return null;
        }

        return new ReceptionIntake(official.Id, topic, name, phone, email, language, channel)
        {
            Wished = wished,
            PreferredTimes = string.IsNullOrEmpty(preferred) ? null : preferred,
            RegisteredByStaffId = staffId,
            CaseId = caseId,
        };
    }

    /// <summary>The id of the feedback case with this number (<c>2026-00042</c>), or null.</summary>
    public async Task<int?> FindCaseAsync(string? number, CancellationToken ct) =>
        Feedback.Cases.TryParseNumber(number, out var year, out var sequence)
            ? await db.Cases.Where(c => c.Year == year && c.Sequence == sequence).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            : null;
}
