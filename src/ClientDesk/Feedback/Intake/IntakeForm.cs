using System.Globalization;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClientDesk.Feedback.Intake;

/// <summary>Texts of the feedback form, the status page, staff registration and the submitter's messages: Latvian in IntakeTexts.resx, English in IntakeTexts.en.resx.</summary>
public sealed class IntakeTexts;

/// <summary>What the public form and the staff registration page send; every field is checked by <see cref="IntakeForm"/>.</summary>
public sealed class SubmissionInput
{
    public const int TextMaxLength = 8000;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;
    public const int PostalAddressMaxLength = 300;
    public const int EAddressMaxLength = 100;
    public const int StaffDescriptionMaxLength = 300;

    public string? Kind { get; set; }
    public string? Location { get; set; }
    public string? Service { get; set; }
    public string? StaffDescription { get; set; }
    public string? BookingReference { get; set; }
    public string? Text { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalAddress { get; set; }
    public string? EAddress { get; set; }
    public string? Reply { get; set; }
    public string? Language { get; set; }

    // Staff registration only.
    public string? Channel { get; set; }
    public string? ReceivedAt { get; set; }
    public string? StaffId { get; set; }
    public string? Ticket { get; set; }

    // The public form's bot protection (as the booking form's).
    public string? Website { get; set; }
    public string? FormTicket { get; set; }
}

/// <summary>Which files a submission may bring, and how big (10 MB each).</summary>
public static class CaseFiles
{
    public const int MaxFilesFromStaff = 5;

    /// <summary>What the public may attach: documents and photos.</summary>
    public static readonly IReadOnlyDictionary<string, string> PublicTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".txt"] = "text/plain",
    };

    /// <summary>Staff also attach a trust-line recording, a scanned letter as TIFF, or the e-mail itself.</summary>
    public static readonly IReadOnlyDictionary<string, string> StaffTypes = new Dictionary<string, string>(PublicTypes, StringComparer.OrdinalIgnoreCase)
    {
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".m4a"] = "audio/mp4",
        [".eml"] = "message/rfc822",
        [".msg"] = "application/vnd.ms-outlook",
    };

    public static string Accept(bool byStaff) => string.Join(',', (byStaff ? StaffTypes : PublicTypes).Keys);

    public static string Names(bool byStaff) =>
        string.Join(", ", (byStaff ? StaffTypes : PublicTypes).Keys.Select(k => k.TrimStart('.').ToUpperInvariant()).Where(k => k is not ("JPEG" or "TIFF")));

    /// <summary>The content type we store for a file name (from its extension, not what the browser claimed); null when not allowed.</summary>
    public static string? ContentTypeOf(string fileName, bool byStaff) =>
        (byStaff ? StaffTypes : PublicTypes).TryGetValue(Path.GetExtension(fileName), out var type) ? type : null;
}

/// <summary>
/// Checks a submission from the public form or the staff registration page and turns it into a <see cref="CaseIntake"/>.
/// Each problem is a message on its field in the user's language; null means nothing is to be stored.
/// </summary>
public sealed class IntakeForm(ClientDeskDb db, IStringLocalizer<IntakeTexts> t, TimeProvider clock)
{
    public static readonly CaseKind[] Kinds = Enum.GetValues<CaseKind>();

    public static readonly ReplyChannel[] Replies = [ReplyChannel.Email, ReplyChannel.Post, ReplyChannel.EAddress];

    /// <summary>The channels staff register: all but the web form (the public does it) and surveys (opened by the system).</summary>
    public static readonly CaseChannel[] StaffChannels =
        [CaseChannel.Phone, CaseChannel.Post, CaseChannel.Email, CaseChannel.EAddress, CaseChannel.EServicePortal, CaseChannel.TrustLine, CaseChannel.InPerson];

    public async Task<CaseIntake?> CheckAsync(
        SubmissionInput input, IReadOnlyList<IFormFile> files, string? staffId, ModelStateDictionary errors, CancellationToken ct)
    {
        var byStaff = staffId is not null;
        void Error(string field, string message) => errors.AddModelError("Input." + field, message);

        var kind = ParseEnum<CaseKind>(input.Kind);
        if (kind is null)
        {
            Error(nameof(input.Kind), t["Error.Kind"]);
        }

        var channel = CaseChannel.WebForm;
        DateTime? receivedAtUtc = null;
        if (byStaff)
        {
            if (ParseEnum<CaseChannel>(input.Channel) is { } given && StaffChannels.Contains(given))
            {
                channel = given;
            }
            else
            {
                Error(nameof(input.Channel), t["Error.Channel"]);
            }

            receivedAtUtc = CheckReceivedAt(input.ReceivedAt, Error);
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Error(nameof(input.Text), t["Error.TextRequired"]);
        }
        else if (text.Length > SubmissionInput.TextMaxLength)
        {
            Error(nameof(input.Text), t["Error.TooLong", t["Form.Text"], SubmissionInput.TextMaxLength, text.Length]);
        }

        Length(input.Name, SubmissionInput.NameMaxLength, nameof(input.Name), "Form.Name");
        Length(input.PostalAddress, SubmissionInput.PostalAddressMaxLength, nameof(input.PostalAddress), "Form.PostalAddress");
        Length(input.EAddress, SubmissionInput.EAddressMaxLength, nameof(input.EAddress), "Form.EAddress");
        Length(input.StaffDescription, SubmissionInput.StaffDescriptionMaxLength, nameof(input.StaffDescription), "Form.StaffDescription");

        string? email = null, phone = null;
        if (!string.IsNullOrWhiteSpace(input.Email) && (email = ClientIdentity.Email(input.Email)) is null)
        {
            Error(nameof(input.Email), t["Error.Email"]);
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && (input.Phone.Length > SubmissionInput.PhoneMaxLength || (phone = ClientIdentity.Phone(input.Phone)) is null))
        {
            Error(nameof(input.Phone), t["Error.Phone"]);
        }

        var reply = ReplyChannel.None;
        if (!string.IsNullOrWhiteSpace(input.Reply))
        {
            if (ParseEnum<ReplyChannel>(input.Reply) is { } chosen && Replies.Contains(chosen))
            {
                reply = chosen;
                var (field, missing) = chosen switch
                {
                    ReplyChannel.Email => (nameof(input.Email), string.IsNullOrWhiteSpace(input.Email)),
                    ReplyChannel.Post => (nameof(input.PostalAddress), string.IsNullOrWhiteSpace(input.PostalAddress)),
                    _ => (nameof(input.EAddress), string.IsNullOrWhiteSpace(input.EAddress)),
                };
                if (missing)
                {
                    Error(field, t["Error.ReplyAddressMissing." + chosen]);
                }
            }
            else
            {
                Error(nameof(input.Reply), t["Error.Reply"]);
            }
        }

        var language = input.Language is "lv" or "en" ? input.Language : null;
        if (language is null)
        {
            Error(nameof(input.Language), t["Error.Language"]);
        }

        int? locationId = null, serviceId = null, appointmentId = null, ticketId = null;
        string? concernsStaffId = null;
        if (!string.IsNullOrWhiteSpace(input.Location))
        {
            locationId = input.Location.Length > 60 ? null
                : await db.Locations.AsNoTracking().Where(l => l.Slug == input.Location).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
            if (locationId is null)
            {
                Error(nameof(input.Location), t["Error.Location"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(input.Service))
        {
            serviceId = input.Service.Length > 60 ? null
                : await db.Services.AsNoTracking().Where(s => s.Code == input.Service).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
            if (serviceId is null)
            {
                Error(nameof(input.Service), t["Error.Service"]);
            }
        }

        if (!string.IsNullOrWhiteSpace(input.BookingReference))
        {
            var reference = input.BookingReference.Trim().ToUpperInvariant();
            appointmentId = reference.Length != 8 ? null
                : await db.Appointments.AsNoTracking().Where(a => a.Reference == reference).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (appointmentId is null)
            {
                Error(nameof(input.BookingReference), t["Error.BookingReference"]);
            }
        }

        if (byStaff && !string.IsNullOrWhiteSpace(input.StaffId))
        {
            concernsStaffId = input.StaffId.Length > 450 ? null
                : await db.Users.AsNoTracking().Where(u => u.Id == input.StaffId).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (concernsStaffId is null)
            {
                Error(nameof(input.StaffId), t["Error.StaffMember"]);
            }
        }

        if (byStaff && !string.IsNullOrWhiteSpace(input.Ticket))
        {
            ticketId = await TicketAsync(input.Ticket, locationId, receivedAtUtc, ct);
            if (ticketId is null)
            {
                Error(nameof(input.Ticket), t["Error.Ticket"]);
            }
        }

        var attachments = await ReadFilesAsync(files, byStaff, message => Error("Files", message), ct);
        if (!errors.IsValid || kind is null || text is null || language is null)
        {
            return null;
        }

        return new CaseIntake(kind.Value, channel, text)
        {
            Name = Blank(input.Name),
            Email = email,
            Phone = phone,
            PostalAddress = Blank(input.PostalAddress),
            EAddress = Blank(input.EAddress),
            PreferredReply = reply,
            Language = language,
            LocationId = locationId,
            ServiceId = serviceId,
            ConcernsStaffId = concernsStaffId,
            ConcernsStaffDescription = Blank(input.StaffDescription),
            AppointmentId = appointmentId,
            TicketId = ticketId,
            ReceivedAtUtc = receivedAtUtc,
            RegisteredByStaffId = staffId,
            Attachments = attachments,
        };

        void Length(string? value, int max, string field, string label)
        {
            if (value is not null && value.Trim().Length > max)
            {
                Error(field, t["Error.TooLong", t[label], max, value.Trim().Length]);
            }
        }
    }

    /// <summary>The local date and time staff give (datetime-local); empty is now; never in the future.</summary>
    private DateTime? CheckReceivedAt(string? text, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error(nameof(SubmissionInput.ReceivedAt), t["Error.ReceivedAt"]);
            return null;
        }

        var instant = RigaTime.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)).UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        if (instant > now)
        {
            error(nameof(SubmissionInput.ReceivedAt), t["Error.ReceivedAtFuture"]);
            return null;
        }

        if (instant < now.AddYears(-1))
        {
            error(nameof(SubmissionInput.ReceivedAt), t["Error.ReceivedAtTooOld"]);
            return null;
        }

        return instant;
    }

    /// <summary>A queue ticket by its code (A012) at the chosen location on the day received.</summary>
    private async Task<int?> TicketAsync(string code, int? locationId, DateTime? receivedAtUtc, CancellationToken ct)
    {
        var trimmed = code.Trim().ToUpperInvariant();
        if (locationId is null || trimmed.Length is < 2 or > 6 || !char.IsAsciiLetter(trimmed[0]) || !int.TryParse(trimmed[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var day = DateOnly.FromDateTime(RigaTime.ToLocal(receivedAtUtc ?? clock.GetUtcNow().UtcDateTime));
        var letter = trimmed[..1];
        return await db.Tickets.AsNoTracking()
            .Where(x => x.LocationId == locationId && x.Date == day && x.Letter == letter && x.Number == number)
            .Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<IReadOnlyList<NewAttachment>> ReadFilesAsync(IReadOnlyList<IFormFile> files, bool byStaff, Action<string> error, CancellationToken ct)
    {
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var allowed = byStaff ? CaseFiles.MaxFilesFromStaff : 1;
        if (chosen.Count > allowed)
        {
            error(t["Error.TooManyFiles", allowed]);
            return [];
        }

        var read = new List<NewAttachment>();
        foreach (var file in chosen)
        {
            var name = Path.GetFileName(file.FileName);
            if (name.Length > 200)
            {
                name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
            }

            if (CaseFiles.ContentTypeOf(name, byStaff) is not { } type)
            {
                error(t["Error.FileType", name, CaseFiles.Names(byStaff)]);
                continue;
            }

            if (file.Length == 0)
            {
                error(t["Error.FileEmpty", name]);
                continue;
            }

            if (file.Length > CaseAttachment.MaxBytes)
            {
                error(t["Error.FileTooLarge", name, CaseAttachment.MaxBytes / 1024 / 1024, Math.Ceiling(file.Length / 1024.0 / 1024.0)]);
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            read.Add(new NewAttachment(name, type, buffer.ToArray()));
        }

        return read;
    }

    /// <summary>An enum value by its name only (a number is not a name).</summary>
    public static T? ParseEnum<T>(string? text)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0]) && !text.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
