using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Feedback.Intake;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.Feedback;

/// <summary>
/// Submissions from machines (issue 6, point 7): the e-service portal and the e-address gateway register a case with
/// their <c>X-Api-Key</c>; the submitter (or the portal for them) follows it with the number and the status token.
/// </summary>
internal static class CaseApi
{
    public const int MaxAttachments = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", Register).WithName("RegisterCase").WithTags("Feedback")
            .WithSummary("Registers a submission that came through the e-service portal or the e-address.")
            .WithDescription(RegisterDescription)
            .Accepts<CaseInput>("application/json")
            .Produces<RegisteredResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/cases/{number}", GetStatus).WithName("GetCaseStatus").WithTags("Feedback")
            .WithSummary("The status of a case, for its submitter.")
            .WithDescription("`number` is the case number (such as `2026-00042`) and `token` the status token from the registration. "
                + "A wrong number or token is 404, the same for both. The answer carries the status and the dates, never the internal notes.")
            .Produces<CaseStatusResource>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private const string RegisterDescription =
        "Needs a valid `X-Api-Key` (issued to the portal or the e-address gateway by an administrator). Body: `{ kind, channel, text, name, email, "
        + "phone, postalAddress, eAddress, preferredReply, language, location, service, bookingReference, receivedAt, attachments }`. `kind` is one of "
        + "`complaint`, `praise`, `suggestion`, `question`, `improperConduct`, `itProblem`; `channel` is `eServicePortal` or `eAddress`; `text` is "
        + "required (at most 8000 characters); `preferredReply` is `email`, `post` or `eAddress` and needs that address; `language` `lv` (default) or "
        + "`en`; `location` a location's slug and `service` a service's code (both optional); `receivedAt` the instant it reached the sender "
        + "(ISO 8601, not in the future; default now); `attachments` at most 5 of `{ fileName, contentBase64 }`, each at most 10 MB, of the types "
        + "pdf, jpg, png, doc, docx, txt. A submission without a name or without an address to reply to is accepted as information only: no answer "
        + "is owed and it has no deadline (`informationOnly: true`, `answerBy` null). The deadline is counted by the Law on Submissions in force on "
        + "the Riga date received, on working days. 201 carries `number`, `answerBy`, `forwardBy`, `statusToken` (shown only here) and `statusUrl`. "
        + "An IT problem is also sent to IT support. Send an optional `Idempotency-Key` (1–200 characters, a UUID will do) and the same key when "
        + "retrying: the retry gets the first answer and no second case; the same key with another body is 422.";

    // ---- Resources ----

    public sealed record AttachmentInput(string? FileName, string? ContentBase64);

    public sealed record CaseInput(
        string? Kind, string? Channel, string? Text, string? Name, string? Email, string? Phone, string? PostalAddress, string? EAddress,
        string? PreferredReply, string? Language, string? Location, string? Service, string? BookingReference, DateTimeOffset? ReceivedAt,
        IReadOnlyList<AttachmentInput>? Attachments);

    public sealed record RegisteredResource(
        string Number, DateOnly ReceivedOn, bool InformationOnly, DateOnly? AnswerBy, DateOnly? ForwardBy, string? DeadlineRule, string StatusToken, string StatusUrl);

    public sealed record CaseStatusResource(
        string Number, string Kind, string Status, DateOnly ReceivedOn, bool InformationOnly, DateOnly? AnswerBy, DateOnly? ExtendedAnswerBy,
        DateOnly? AnsweredOn, DateOnly? ForwardedOn, string? EscalatedTo);

    // ---- Handlers ----

    private static async Task<IResult> Register(
        HttpContext http, [FromHeader(Name = ApiKeys.Header)] string? apiKey, [FromHeader(Name = IdempotentPosts.Header)] string? idempotencyKey,
        ClientDeskDb db, SubmitterMessages messages, IdempotentPosts idempotent, TimeProvider clock, CancellationToken ct)
    {
        if (apiKey is null || await ApiKeys.CallerAsync(apiKey, db, ct) is not { IsClient: true } caller)
        {
            return Problem(StatusCodes.Status401Unauthorized, "API key needed",
                $"Registering a case needs a valid '{ApiKeys.Header}' key, issued to the e-service portal or the e-address gateway.", "apiKeyInvalid");
        }

        if (idempotencyKey is not null && !IdempotentPosts.IsWellFormed(idempotencyKey))
        {
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key not valid",
                $"An '{IdempotentPosts.Header}' header must have 1–{IdempotentPosts.KeyMaxLength} characters.", "idempotencyKeyInvalid");
        }

        CaseInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<CaseInput>(http.Request.Body, Json, ct);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" at '{path.TrimStart('$', '.')}'" : "";
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON of the expected shape{where} (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).", "malformedJson");
        }

        if (input is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body must be a JSON object.", "malformedJson");
        }

        var errors = new Dictionary<string, string[]>();
        var intake = await ValidateAsync(input, db, clock, errors, ct);
        if (intake is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The submission has errors", type: ProblemType("invalid"));
        }

        if (idempotencyKey is null)
        {
            var registered = await messages.RegisterAsync(intake, ct);
            return TypedResults.Created($"/api/v1/cases/{registered.Case.Number}", Registered(registered, messages));
        }

        // A retried call with the same key gets the first answer instead of registering the submission twice.
        return await idempotent.OnceAsync("case", IdempotentPosts.CallerId(caller, http), idempotencyKey, input, Json, async cancel =>
        {
            var registered = await messages.RegisterAsync(intake, cancel);
            return (StatusCodes.Status201Created, JsonSerializer.Serialize(Registered(registered, messages), Json));
        }, json => $"/api/v1/cases/{json.GetProperty("number").GetString()}", ct);
    }

    private static RegisteredResource Registered(RegisteredCase registered, SubmitterMessages messages)
    {
        var c = registered.Case;
        return new RegisteredResource(c.Number, c.ReceivedOn, c.IsInformationOnly, c.AnswerBy, c.ForwardBy, c.DeadlineRule, registered.StatusToken,
            messages.StatusUrl(c.Number, registered.StatusToken));
    }

    private static async Task<Results<Ok<CaseStatusResource>, ProblemHttpResult>> GetStatus(string number, string? token, Cases cases, CancellationToken ct)
    {
        if (await cases.FindForSubmitterAsync(number, token, ct) is not { } c)
        {
            return TypedResults.Problem(ProblemBody(StatusCodes.Status404NotFound, "Not found", "There is no case with this number and token.", "notFound"));
        }

        DateOnly? Local(DateTime? utc) => utc is { } at ? DateOnly.FromDateTime(RigaTime.ToLocal(at)) : null;
        return TypedResults.Ok(new CaseStatusResource(
            c.Number, Camel(c.Kind.ToString()), Camel(c.Status.ToString()), c.ReceivedOn, c.IsInformationOnly, c.AnswerBy, c.ExtendedAnswerBy,
            Local(c.AnsweredAtUtc), Local(c.ForwardedAtUtc), c.EscalatedTo == EscalationLevel.None ? null : Camel(c.EscalatedTo.ToString())));
    }

    private static async Task<CaseIntake?> ValidateAsync(CaseInput input, ClientDeskDb db, TimeProvider clock, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        void Error(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var kind = IntakeForm.ParseEnum<CaseKind>(input.Kind);
        if (kind is null)
        {
            Error("kind", "'kind' must be one of: complaint, praise, suggestion, question, improperConduct, itProblem.");
        }

        var channel = IntakeForm.ParseEnum<CaseChannel>(input.Channel);
        if (channel is not (CaseChannel.EServicePortal or CaseChannel.EAddress))
        {
            Error("channel", "'channel' must be 'eServicePortal' or 'eAddress'.");
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Error("text", "'text' is required: the submission itself.");
        }
        else if (text.Length > SubmissionInput.TextMaxLength)
        {
            Error("text", $"'text' can be at most {SubmissionInput.TextMaxLength} characters long; it is {text.Length}.");
        }

        MaxLength(input.Name, SubmissionInput.NameMaxLength, "name");
        MaxLength(input.PostalAddress, SubmissionInput.PostalAddressMaxLength, "postalAddress");
        MaxLength(input.EAddress, SubmissionInput.EAddressMaxLength, "eAddress");

        string? email = null, phone = null;
        if (!string.IsNullOrWhiteSpace(input.Email) && (email = ClientIdentity.Email(input.Email)) is null)
        {
            Error("email", "'email' is not a valid e-mail address.");
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && (input.Phone.Length > SubmissionInput.PhoneMaxLength || (phone = ClientIdentity.Phone(input.Phone)) is null))
        {
            Error("phone", "'phone' is not valid: give a Latvian number of 8 digits or an international one starting with +.");
        }

        var reply = ReplyChannel.None;
        if (!string.IsNullOrWhiteSpace(input.PreferredReply))
        {
            if (IntakeForm.ParseEnum<ReplyChannel>(input.PreferredReply) is { } chosen and not ReplyChannel.None)
            {
                reply = chosen;
                var missing = chosen switch
                {
                    ReplyChannel.Email => string.IsNullOrWhiteSpace(input.Email) ? "email" : null,
                    ReplyChannel.Post => string.IsNullOrWhiteSpace(input.PostalAddress) ? "postalAddress" : null,
                    _ => string.IsNullOrWhiteSpace(input.EAddress) ? "eAddress" : null,
                };
                if (missing is not null)
                {
                    Error(missing, $"'preferredReply' is '{input.PreferredReply}', so '{missing}' is needed.");
                }
            }
            else
            {
                Error("preferredReply", "'preferredReply' must be 'email', 'post' or 'eAddress'.");
            }
        }

        var language = string.IsNullOrWhiteSpace(input.Language) ? "lv" : input.Language.Trim().ToLowerInvariant();
        if (language is not ("lv" or "en"))
        {
            Error("language", "'language' must be 'lv' or 'en'.");
        }

        int? locationId = null, serviceId = null, appointmentId = null;
        if (!string.IsNullOrWhiteSpace(input.Location)
            && (locationId = input.Location.Length > 60 ? null : await db.Locations.AsNoTracking().Where(l => l.Slug == input.Location).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct)) is null)
        {
            Error("location", "'location' is not a known location slug (see GET /api/v1/locations).");
        }

        if (!string.IsNullOrWhiteSpace(input.Service)
            && (serviceId = input.Service.Length > 60 ? null : await db.Services.AsNoTracking().Where(s => s.Code == input.Service).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)) is null)
        {
            Error("service", "'service' is not a known service code (see GET /api/v1/services).");
        }

        if (!string.IsNullOrWhiteSpace(input.BookingReference))
        {
            var reference = input.BookingReference.Trim().ToUpperInvariant();
            appointmentId = reference.Length != 8 ? null
                : await db.Appointments.AsNoTracking().Where(a => a.Reference == reference).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (appointmentId is null)
            {
                Error("bookingReference", "'bookingReference' is not a known booking reference.");
            }
        }

        DateTime? receivedAtUtc = null;
        if (input.ReceivedAt is { } receivedAt)
        {
            var now = clock.GetUtcNow();
            if (receivedAt > now)
            {
                Error("receivedAt", "'receivedAt' must not be in the future.");
            }
            else if (receivedAt < now.AddYears(-1))
            {
                Error("receivedAt", "'receivedAt' must be within the last year.");
            }
            else
            {
                receivedAtUtc = receivedAt.UtcDateTime;
            }
        }

        var attachments = new List<NewAttachment>();
        if (input.Attachments is { Count: > MaxAttachments })
        {
            Error("attachments", $"At most {MaxAttachments} attachments.");
        }
        else
        {
            foreach (var (file, index) in (input.Attachments ?? []).Select((f, i) => (f, i)))
            {
                var field = $"attachments[{index}]";
                var name = Path.GetFileName(file?.FileName ?? "");
                if (name.Length is 0 or > 200 || CaseFiles.ContentTypeOf(name, byStaff: false) is not { } type)
                {
                    Error(field + ".fileName", $"'fileName' must be a name of at most 200 characters ending in one of: {CaseFiles.Names(false)}.");
                    continue;
                }

                var content = new byte[((file!.ContentBase64?.Length ?? 0) * 3 / 4) + 3];
                if (!Convert.TryFromBase64String(file.ContentBase64 ?? "", content, out var length) || length == 0)
                {
                    Error(field + ".contentBase64", "'contentBase64' must be the file's bytes in Base64, and not empty.");
                    continue;
                }

                if (length > CaseAttachment.MaxBytes)
                {
                    Error(field + ".contentBase64", $"The file is {length} bytes; at most {CaseAttachment.MaxBytes} (10 MB) are accepted.");
                    continue;
                }

                attachments.Add(new NewAttachment(name, type, content[..length]));
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new CaseIntake(kind!.Value, channel!.Value, text!)
        {
            Name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim(),
            Email = email,
            Phone = phone,
            PostalAddress = string.IsNullOrWhiteSpace(input.PostalAddress) ? null : input.PostalAddress.Trim(),
            EAddress = string.IsNullOrWhiteSpace(input.EAddress) ? null : input.EAddress.Trim(),
            PreferredReply = reply,
            Language = language,
            LocationId = locationId,
            ServiceId = serviceId,
            AppointmentId = appointmentId,
            ReceivedAtUtc = receivedAtUtc,
            Attachments = attachments,
        };

        void MaxLength(string? value, int max, string field)
        {
            if (value is not null && value.Trim().Length > max)
            {
                Error(field, $"'{field}' can be at most {max} characters long.");
            }
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
