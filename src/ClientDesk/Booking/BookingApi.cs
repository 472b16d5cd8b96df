using System.Globalization;
using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.Booking;

/// <summary>
/// Booking for machines (issue 4, point 6): free times, booking with an <c>Idempotency-Key</c>, and the client's
/// view, move and cancel through the manage token. A caller with a valid <c>X-Api-Key</c> books as the e-service
/// portal channel; a caller without a key books with the public web's rules (its share of seats, notice, per-IP limit).
/// </summary>
internal static class BookingApi
{
    public const int MaxDays = 60;
    public const int MaxMachines = 20;
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 1000;
    public const int IdempotencyKeyMaxLength = IdempotentPosts.KeyMaxLength;
    public const string IdempotencyHeader = IdempotentPosts.Header;
    public const string ManageTokenHeader = "X-Manage-Token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapBookingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/locations/{slug}/services/{code}/availability", GetAvailability).WithName("GetAvailability").WithTags("Booking")
            .WithSummary("The free times of a service at a location, day by day.")
            .WithDescription(AvailabilityDescription)
            .Produces<AvailabilityResource>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/availability", GetAvailabilityByQuery).WithName("GetAvailabilityByQuery").WithTags("Booking")
            .WithSummary("The same free times, with the location and the service as query parameters.")
            .WithDescription("`location` is the location's slug and `service` the service's code; otherwise as GET /api/v1/locations/{slug}/services/{code}/availability.")
            .Produces<AvailabilityResource>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/bookings", Book).WithName("Book").WithTags("Booking")
            .WithSummary("Books a free time for a client.")
            .WithDescription(BookDescription)
            .Accepts<BookingInput>("application/json")
            .Produces<BookedResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/bookings/{reference}", GetBooking).WithName("GetBooking").WithTags("Booking")
            .WithSummary("A booking, seen through its manage token.")
            .WithDescription("The token comes in the `X-Manage-Token` header or as `?token=`. Without it, or with a wrong one, the answer is 404, as for a reference that does not exist.")
            .Produces<AppointmentResource>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/bookings/{reference}/reschedule", Reschedule).WithName("Reschedule").WithTags("Booking")
            .WithSummary("Moves a booking to another free time (manage token required).")
            .WithDescription("Body: `{ \"date\": \"YYYY-MM-DD\", \"time\": \"HH:mm\", \"machines\": 1 }` (`machines` optional). A client may move a booking "
                + "until `changeUntil` and only a few times; then 409 with `code` `tooLate` or `tooManyMoves`. A time no longer free is 409 `timeNotFree`.")
            .Accepts<RescheduleInput>("application/json")
            .Produces<AppointmentResource>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/bookings/{reference}/cancel", Cancel).WithName("Cancel").WithTags("Booking")
            .WithSummary("Cancels a booking (manage token required); its place is free again at once.")
            .WithDescription("Until `changeUntil`; later 409 `tooLate` (the client calls the location). A booking already cancelled is 409 `notActive`.")
            .Produces<AppointmentResource>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private const string AvailabilityDescription =
        "`from` and `to` are dates (YYYY-MM-DD, inclusive; default: today and 13 days later), at most 60 days apart; `machines` (1–20, default 1) "
        + "is how many machines the client brings: the visit lasts the service's duration times that. Each day lists its free times: `time` and `end` "
        + "(HH:mm, Europe/Riga), `start` (local date-time YYYY-MM-DDTHH:mm), `startsAt` (the instant) and `placesLeft`. A day whose appointments "
        + "are booked only through other channels (such as by phone) gives `otherChannelsOnly` with the channels, the phone and the booking cut-off "
        + "instead of times. Without `X-Api-Key` the times are those of the public web (its share of places, at least the minimum notice ahead); "
        + "with a valid key those of the e-service portal channel. A service without a duration yet cannot be booked online: 422.";

    private const string BookDescription =
        "Send a unique `Idempotency-Key` (1–200 characters) with every new booking and the same key when retrying: the same key with the same body "
        + "replays the first answer (same status and body) and books nothing more; the same key with another body is 422. Body: `{ location (slug), "
        + "service (code), date (YYYY-MM-DD), time (HH:mm, one of the free times), machines (1–20, default 1), client: { name, phone, email, "
        + "personalCode, companyNumber, language (lv or en, default lv) }, note }` — the client needs a phone or an e-mail address; the personal "
        + "code (either form of L-7) and the company registration number are optional and checked. The answer 201 carries the reference and the "
        + "manage token (shown only here; keep it), and `manageUrl`. A time no longer free is 409 with `code` `timeNotFree`; a person with as many "
        + "coming bookings of the service as allowed is 409 `limitReached`. Anonymous callers book as the public web and share its per-address "
        + "limit of POSTs (429); callers with `X-Api-Key` book as the e-service portal and have a larger limit of their own.";

    // ---- Resources ----

    public sealed record TimeResource(string Time, string End, string Start, DateTimeOffset StartsAt, int PlacesLeft);

    public sealed record OtherChannelsResource(IReadOnlyList<string> Channels, string? Phone, DateTimeOffset? BookingCutoff);

    public sealed record DayResource(DateOnly Date, IReadOnlyList<TimeResource> Times, OtherChannelsResource? OtherChannelsOnly);

    public sealed record AvailabilityResource(
        string Location, string Service, DateOnly From, DateOnly To, int Machines, string Channel, int DurationMinutes, string TimeZone, IReadOnlyList<DayResource> Days);

    public sealed record ClientInput(string? Name, string? Phone, string? Email, string? PersonalCode, string? CompanyNumber, string? Language);

    public sealed record BookingInput(string? Location, string? Service, string? Date, string? Time, int? Machines, ClientInput? Client, string? Note);

    public sealed record RescheduleInput(string? Date, string? Time, int? Machines);

    public sealed record BookedResource(
        string Reference, string ManageToken, string Location, string Service, DateOnly Date, string Start, string End, DateTimeOffset StartsAt,
        string Status, string ManageUrl);

    public sealed record AppointmentResource(
        string Reference, string Status, string Location, string Service, DateOnly Date, string Start, string End, DateTimeOffset StartsAt,
        int Machines, int MoveCount, bool CanChange, DateTimeOffset ChangeUntil);

    // ---- Availability ----

    private static Task<IResult> GetAvailabilityByQuery(
        string? location, string? service, string? from, string? to, string? machines, [FromHeader(Name = ApiKeys.Header)] string? apiKey,
        ClientDeskDb db, Bookings bookings, AvailabilityCache cache, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(location) || string.IsNullOrWhiteSpace(service)
            ? Task.FromResult<IResult>(Problem(StatusCodes.Status400BadRequest, "Bad request", "Give both 'location' (a slug such as 'valmiera') and 'service' (a code such as 'theory-exam-traffic').", "badRequest"))
            : GetAvailability(location, service, from, to, machines, apiKey, db, bookings, cache, json, clock, ct);

    private static async Task<IResult> GetAvailability(
        string slug, string code, string? from, string? to, string? machines, [FromHeader(Name = ApiKeys.Header)] string? apiKey,
        ClientDeskDb db, Bookings bookings, AvailabilityCache cache, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        if (!TryDate(from, today, out var first))
        {
            return BadRequest($"'from' must be a date written as YYYY-MM-DD, such as {today:yyyy-MM-dd}.");
        }

        if (!TryDate(to, first.AddDays(13), out var last))
        {
            return BadRequest($"'to' must be a date written as YYYY-MM-DD, such as {first.AddDays(13):yyyy-MM-dd}.");
        }

        if (last < first)
        {
            return BadRequest("'to' must not be earlier than 'from'.");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return BadRequest($"Ask for at most {MaxDays} days at a time; 'from' {first:yyyy-MM-dd} to 'to' {last:yyyy-MM-dd} is {last.DayNumber - first.DayNumber + 1} days.");
        }

        var count = 1;
        if (!string.IsNullOrEmpty(machines) && (!int.TryParse(machines, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxMachines))
        {
            return BadRequest($"'machines' must be a whole number from 1 to {MaxMachines}.");
        }

        if (await ApiKeys.CallerAsync(apiKey, db, ct) is not { } caller)
        {
            return Unauthorized();
        }

        if (await cache.LocationIdAsync(db, slug, ct) is not { } locationId)
        {
            return NotFound($"There is no location '{Shorten(slug)}'.");
        }

        if (await cache.ServiceIdAsync(db, code, ct) is not { } serviceId)
        {
            return NotFound($"There is no service '{Shorten(code)}'.");
        }

        var channel = ChannelOf(caller);
        var answer = await cache.FreeTimesAsync(locationId, (serviceId, count, first, last, channel), async () =>
        {
            var target = await FindAsync(db, locationId, serviceId, slug, code, ct);
            if (target.Problem is { } problem)
            {
                return new AvailabilityAnswer(null, problem);
            }

            var days = await bookings.AvailabilityAsync(locationId, serviceId, count, first, last, channel, ct) ?? [];
            var resource = new AvailabilityResource(
                slug, code, first, last, count, channel.Name(), target.Minutes, RigaTime.Zone.Id,
                [.. days.Select(d => new DayResource(
                    d.Date,
                    [.. d.Times.Select(t => new TimeResource(Hhmm(t.Start), Hhmm(t.End), $"{t.Date:yyyy-MM-dd}T{Hhmm(t.Start)}", t.StartsAt, t.FreeSeats))],
                    d.OtherChannelsOnly is { } other
                        ? new OtherChannelsResource([.. other.Channels.Each().Select(c => c.Name())], other.Phone, other.BookingCutoff)
                        : null))]);
            // Serialised once for everyone who asks within the cache's second: a two-week answer is about 35 KB.
            return new AvailabilityAnswer(new JsonBytes(JsonSerializer.SerializeToUtf8Bytes(resource, json.Value.SerializerOptions)), null);
        });
        return answer.Problem ?? answer.Body!;
    }

    private sealed record AvailabilityAnswer(JsonBytes? Body, IResult? Problem);

    /// <summary>A 200 with a JSON body serialised beforehand, written as it is.</summary>
    private sealed class JsonBytes(byte[] utf8) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = utf8.Length;
            return http.Response.Body.WriteAsync(utf8, http.RequestAborted).AsTask();
        }
    }

    // ---- Booking ----

    private static async Task<IResult> Book(
        HttpContext http, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, [FromHeader(Name = ApiKeys.Header)] string? apiKey,
        ClientDeskDb db, Bookings bookings, AvailabilityCache cache, IdempotentPosts idempotent, TimeProvider clock, CancellationToken ct)
    {
        if (await ApiKeys.CallerAsync(apiKey, db, ct) is not { } caller)
        {
            return Unauthorized();
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotencyKeyMaxLength)
        {
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key needed",
                $"Send an '{IdempotencyHeader}' header of 1–{IdempotencyKeyMaxLength} characters, unique for each new booking (a UUID will do), and the same one when retrying.", "idempotencyKeyMissing");
        }

        var (input, bodyProblem) = await ReadAsync<BookingInput>(http.Request, ct);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var today = RigaTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var request = await ValidateAsync(input!, db, cache, caller, today, errors, ct);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The booking has errors", type: ProblemType("invalid"));
        }

        return await idempotent.OnceAsync("booking", IdempotentPosts.CallerId(caller, http), idempotencyKey, input, Json, async cancel =>
        {
            var outcome = await bookings.BookAsync(request, cancel);
            if (outcome is BookingOutcome.Booked)
            {
                cache.Changed(request.LocationId);
            }

            var (status, body) = outcome switch
            {
                BookingOutcome.Booked booked => (StatusCodes.Status201Created, (object)Booked(booked, input!, http)),
                BookingOutcome.LimitReached limit => (StatusCodes.Status409Conflict, ProblemBody(StatusCodes.Status409Conflict, "Booking limit reached",
                    $"This person already has {limit.Limit} coming bookings of this service, as many as one may have. Cancel one first, or call the location.", "limitReached")),
                BookingOutcome.NotBookable notBookable => (StatusCodes.Status422UnprocessableEntity, ProblemBody(StatusCodes.Status422UnprocessableEntity, "Not bookable", notBookable.Why, "notBookable")),
                _ => (StatusCodes.Status409Conflict, ProblemBody(StatusCodes.Status409Conflict, "Time not free",
                    "This time is no longer free. Ask for the free times again and choose another.", "timeNotFree")),
            };
            return (status, JsonSerializer.Serialize(body, body.GetType(), Json));
        }, json => json.TryGetProperty("reference", out var reference) ? $"/api/v1/bookings/{reference.GetString()}" : null, ct);
    }

    private static BookedResource Booked(BookingOutcome.Booked booked, BookingInput input, HttpContext http)
    {
        var a = booked.Appointment;
        var manageUrl = $"{http.Request.Scheme}://{http.Request.Host}/booking/{a.Reference}?token={Uri.EscapeDataString(booked.ManageToken)}";
        return new BookedResource(
            a.Reference, booked.ManageToken, input.Location!.Trim(), input.Service!.Trim(), a.Date, Hhmm(a.Start), Hhmm(a.End),
            new DateTimeOffset(a.StartsAtUtc, TimeSpan.Zero), StatusName(a.Status), manageUrl);
    }

    /// <summary>Checks every field and names each one that is wrong; returns the request when all is well.</summary>
    private static async Task<BookingRequest?> ValidateAsync(
        BookingInput input, ClientDeskDb db, AvailabilityCache cache, ApiCaller caller, DateOnly today, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        void Error(string field, string message) => errors[field] = [message];

        int? locationId = null, serviceId = null;
        if (string.IsNullOrWhiteSpace(input.Location))
        {
            Error("location", "Give the location's slug, such as 'valmiera'.");
        }
        else if (await cache.LocationIdAsync(db, input.Location.Trim(), ct) is not { } l)
        {
            Error("location", $"There is no location '{Shorten(input.Location)}'.");
        }
        else
        {
            locationId = l;
        }

        if (string.IsNullOrWhiteSpace(input.Service))
        {
            Error("service", "Give the service's code, such as 'theory-exam-traffic'.");
        }
        else if (await cache.ServiceIdAsync(db, input.Service.Trim(), ct) is not { } s)
        {
            Error("service", $"There is no service '{Shorten(input.Service)}'.");
        }
        else
        {
            serviceId = s;
        }

        var date = ParseDate(input.Date, "date", today, errors);
        var time = ParseTime(input.Time, "time", errors);
        var machines = input.Machines ?? 1;
        if (machines is < 1 or > MaxMachines)
        {
            Error("machines", $"'machines' must be from 1 to {MaxMachines}.");
        }

        var client = input.Client;
        string? phone = null, email = null, personalCode = null, companyNumber = null, language = "lv";
        if (client is null)
        {
            Error("client", "Give the client: at least a name and a phone number or an e-mail address.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(client.Name))
            {
                Error("client.name", "Give the client's name.");
            }
            else if (client.Name.Trim().Length > NameMaxLength)
            {
                Error("client.name", $"The name can be at most {NameMaxLength} characters long.");
            }

            if (string.IsNullOrWhiteSpace(client.Phone) && string.IsNullOrWhiteSpace(client.Email))
            {
                Error("client", "Give a phone number or an e-mail address (or both), so the client can be told about the booking.");
            }

            if (!string.IsNullOrWhiteSpace(client.Phone) && (client.Phone.Length > 30 || (phone = ClientIdentity.Phone(client.Phone)) is null))
            {
                Error("client.phone", "The phone number is not valid: give a Latvian number of 8 digits or an international one starting with +.");
            }

            if (!string.IsNullOrWhiteSpace(client.Email) && (email = ClientIdentity.Email(client.Email)) is null)
            {
                Error("client.email", "The e-mail address is not valid.");
            }

            if (!string.IsNullOrWhiteSpace(client.PersonalCode) && (client.PersonalCode.Length > 20 || (personalCode = ClientIdentity.PersonalCode(client.PersonalCode, today)) is null))
            {
                Error("client.personalCode", "The personal code is not valid (DDMMYY-NNNNN, or a new code starting with 32–39).");
            }

            if (!string.IsNullOrWhiteSpace(client.CompanyNumber) && (client.CompanyNumber.Length > 20 || (companyNumber = ClientIdentity.CompanyNumber(client.CompanyNumber)) is null))
            {
                Error("client.companyNumber", "The company registration number is not valid (11 digits).");
            }

            if (!string.IsNullOrWhiteSpace(client.Language))
            {
                language = client.Language.Trim().ToLowerInvariant();
                if (language is not ("lv" or "en"))
                {
                    Error("client.language", "The language must be 'lv' or 'en'.");
                }
            }
        }

        if (input.Note is { Length: > NoteMaxLength })
        {
            Error("note", $"The note can be at most {NoteMaxLength} characters long.");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new BookingRequest(
            locationId!.Value, serviceId!.Value, date!.Value, time!.Value, machines, ChannelOf(caller),
            new ClientDetails(client!.Name!.Trim(), phone, email, personalCode, companyNumber, language!, input.Note));
    }

    // ---- Manage ----

    private static async Task<IResult> GetBooking(
        string reference, string? token, [FromHeader(Name = ManageTokenHeader)] string? manageToken, Bookings bookings, TimeProvider clock, CancellationToken ct) =>
        await bookings.FindByLinkAsync(reference, manageToken ?? token, ct) is { } appointment
            ? TypedResults.Ok(ToResource(appointment, bookings, clock))
            : NoSuchBooking();

    private static async Task<IResult> Reschedule(
        HttpContext http, string reference, string? token, [FromHeader(Name = ManageTokenHeader)] string? manageToken,
        Bookings bookings, AvailabilityCache cache, TimeProvider clock, CancellationToken ct)
    {
        if (await bookings.FindByLinkAsync(reference, manageToken ?? token, ct) is not { } appointment)
        {
            return NoSuchBooking();
        }

        var (input, bodyProblem) = await ReadAsync<RescheduleInput>(http.Request, ct);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var errors = new Dictionary<string, string[]>();
        var date = ParseDate(input!.Date, "date", RigaTime.Today(clock), errors);
        var time = ParseTime(input.Time, "time", errors);
        if (input.Machines is < 1 or > MaxMachines)
        {
            errors["machines"] = [$"'machines' must be from 1 to {MaxMachines}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The new time has errors", type: ProblemType("invalid"));
        }

        var outcome = await bookings.MoveAsync(appointment.Id, date!.Value, time!.Value, ChangedBy.Client, input.Machines, ct: ct);
        cache.Changed(appointment.LocationId);
        return outcome is BookingOutcome.Moved
            ? TypedResults.Ok(ToResource((await bookings.FindByLinkAsync(reference, manageToken ?? token, ct))!, bookings, clock))
            : Refusal(outcome);
    }

    private static async Task<IResult> Cancel(
        string reference, string? token, [FromHeader(Name = ManageTokenHeader)] string? manageToken, Bookings bookings, AvailabilityCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        if (await bookings.FindByLinkAsync(reference, manageToken ?? token, ct) is not { } appointment)
        {
            return NoSuchBooking();
        }

        var outcome = await bookings.CancelAsync(appointment.Id, ChangedBy.Client, ct);
        cache.Changed(appointment.LocationId);
        return outcome is BookingOutcome.Cancelled
            ? TypedResults.Ok(ToResource((await bookings.FindByLinkAsync(reference, manageToken ?? token, ct))!, bookings, clock))
            : Refusal(outcome);
    }

    private static AppointmentResource ToResource(Appointment a, Bookings bookings, TimeProvider clock)
    {
        var until = bookings.ClientCutoff(a);
        return new AppointmentResource(
            a.Reference, StatusName(a.Status), a.Location.Slug, a.Service.Code, a.Date, Hhmm(a.Start), Hhmm(a.End),
            new DateTimeOffset(a.StartsAtUtc, TimeSpan.Zero), a.Machines, a.MoveCount,
            a.Status == AppointmentStatus.Booked && clock.GetUtcNow() < until, until);
    }

    private static IResult Refusal(BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.TooLate late => Problem(StatusCodes.Status409Conflict, "Too late to change",
            $"Bookings can be changed here until {late.Cutoff:yyyy-MM-ddTHH:mm:ssZ}. Please call the location.", "tooLate"),
        BookingOutcome.TooManyMoves moves => Problem(StatusCodes.Status409Conflict, "Moved too many times",
            $"A booking can be moved at most {moves.Limit} times. Cancel it and book again, or call the location.", "tooManyMoves"),
        BookingOutcome.NotActive notActive => Problem(StatusCodes.Status409Conflict, "Booking not active",
            $"The booking is {StatusName(notActive.Status)}; there is nothing to change.", "notActive"),
        BookingOutcome.NotBookable notBookable => Problem(StatusCodes.Status422UnprocessableEntity, "Not bookable", notBookable.Why, "notBookable"),
        _ => Problem(StatusCodes.Status409Conflict, "Time not free", "This time is not free. Ask for the free times again and choose another.", "timeNotFree"),
    };

    // ---- Shared ----

    private sealed record Target(int Minutes, IResult? Problem);

    private static async Task<Target> FindAsync(ClientDeskDb db, int locationId, int serviceId, string slug, string code, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.DurationMinutes, Offered = s.Locations.Any(l => l.Id == locationId) })
            .FirstAsync(ct);
        if (!service.Offered)
        {
            return new Target(0, NotFound($"The service '{code}' is not offered at '{slug}'."));
        }

        return service.DurationMinutes is { } minutes
            ? new Target(minutes, null)
            : new Target(0, Problem(StatusCodes.Status422UnprocessableEntity, "Not bookable online",
                $"The service '{code}' has no duration set yet, so it cannot be booked online. Please call the location.", "notBookable"));
    }

    /// <summary>Reads a JSON body; anything that is not a JSON object of the expected shape is a 400 that says where it went wrong.</summary>
    private static async Task<(T? Input, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            var input = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, ct);
            return input is null
                ? (null, Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body must be a JSON object.", "malformedJson"))
                : (input, null);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" at '{path.TrimStart('$', '.')}'" : "";
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON of the expected shape{where} (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).", "malformedJson"));
        }
    }

    private static DateOnly? ParseDate(string? text, string field, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text) || !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = [$"'{field}' must be an existing date written as YYYY-MM-DD, such as {today.AddDays(7):yyyy-MM-dd}."];
            return null;
        }

        if (date < today)
        {
            errors[field] = [$"'{field}' must not be in the past."];
            return null;
        }

        return date;
    }

    private static TimeOnly? ParseTime(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text) || !TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors[field] = [$"'{field}' must be a time written as HH:mm, such as 10:30."];
            return null;
        }

        return time;
    }

    private static BookingChannels ChannelOf(ApiCaller caller) => caller.IsClient ? BookingChannels.EServicePortal : BookingChannels.Web;


    private static string StatusName(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Cancelled => "cancelled",
        AppointmentStatus.Arrived => "arrived",
        _ => "noShow",
    };

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text.Trim();

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail, "badRequest");

    private static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail, "notFound");

    private static IResult NoSuchBooking() => NotFound("There is no booking with this reference and manage token.");

    private static IResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "API key not valid", $"The '{ApiKeys.Header}' key is unknown or revoked. Leave the header out to call as the public web.", "apiKeyInvalid");
}
