using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Data;
using ClientDesk.Queue.Remote;
using Microsoft.AspNetCore.Mvc;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.Queue;

/// <summary>
/// The queue for machine clients (issue 5, point 7): take a number at a location, follow a ticket with its token, and
/// read what the lobby display shows. Anonymous callers are allowed and share the public per-address POST limit; a
/// caller with a valid <c>X-Api-Key</c> has its own larger limit; a wrong key is 401, as in the booking API.
/// </summary>
internal static class QueueApi
{
    public const int NameMaxLength = 200;
    public const int MaxNotifyWhenAhead = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapQueueApi(this RouteGroupBuilder api)
    {
        api.MapPost("/locations/{slug}/tickets", TakeTicket).WithName("TakeTicket").WithTags("Queue")
            .WithSummary("Takes a queue number (a remote ticket) at a location.")
            .WithDescription(TakeDescription)
            .Accepts<TicketInput>("application/json")
            .Produces<IssuedTicketResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/tickets/{id:int}", GetTicket).WithName("GetTicket").WithTags("Queue")
            .WithSummary("A ticket's status and position, seen through its follow token.")
            .WithDescription("The token (`followToken` from the 201 answer, or the one in the kiosk's QR code) comes as `?token=`. Without it, or with a wrong one, "
                + "the answer is 404, as for a ticket that does not exist. `status` is one of waiting, called, serving, parked, finished, noShow, closed; "
                + "`position` (1 = next) and `estimatedWaitMinutes` are given while waiting and are estimates; `deskNumber` once called.")
            .Produces<TicketResource>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/locations/{slug}/queue", GetQueue).WithName("GetQueue").WithTags("Queue")
            .WithSummary("What the location's lobby display shows: no personal data.")
            .WithDescription("Whether walk-in service is open now (else `nextWalkIn`), the desks open, the tickets just called with their desk and the name and "
                + "position of the staff member serving (C-3), and per service group letter the number waiting and the estimated wait in minutes for a newcomer.")
            .Produces<LobbyView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private const string TakeDescription =
        "Body: `{ serviceCode, language (lv or en, default lv), phone, email, name, notifyWhenAhead (1–20) }` — `phone` and/or `email` identify the "
        + "holder: one person holds one active remote ticket (409 `alreadyQueued` with the `code` held). The holder gets the follow link by e-mail "
        + "and/or SMS, and a message when `notifyWhenAhead` or fewer are ahead. Tickets are issued only in the location's walk-in windows: outside them "
        + "409 `notWalkInTime` with `nextWalkIn` (the instant the next one starts, or null). A location or service that does not exist, or a service not "
        + "offered there, is 404. The answer 201 carries `id`, `code` (such as C007), `position` (1 = next), `estimatedWaitMinutes` (an estimate), "
        + "`followToken` (shown only here; keep it) and `followUrl`.";

    public sealed record TicketInput(string? ServiceCode, string? Language, string? Phone, string? Email, string? Name, int? NotifyWhenAhead);

    public sealed record IssuedTicketResource(int Id, string Code, int Position, int EstimatedWaitMinutes, string FollowToken, string FollowUrl);

    public sealed record TicketResource(int Id, string Code, string Status, int? Position, int? EstimatedWaitMinutes, int? DeskNumber, string Location, string Service);

    private static async Task<IResult> TakeTicket(
        string slug, HttpContext http, [FromHeader(Name = ApiKeys.Header)] string? apiKey,
        ClientDeskDb db, Tickets tickets, QueueState state, RemoteTicketNotice notice, CancellationToken ct)
    {
        if (await ApiKeys.CallerAsync(apiKey, db, ct) is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "API key not valid",
                $"The '{ApiKeys.Header}' key is unknown or revoked. Leave the header out to call anonymously.", "apiKeyInvalid");
        }

        TicketInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<TicketInput>(http.Request.Body, Json, ct);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" at '{path.TrimStart('$', '.')}'" : "";
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not valid JSON of the expected shape{where}.", "malformedJson");
        }

        if (input is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body must be a JSON object.", "malformedJson");
        }

        if (await WalkInPlaces.LocationAsync(db, slug, ct) is not { } place)
        {
            return NotFound($"There is no location '{Shorten(slug)}'.");
        }

        var errors = new Dictionary<string, string[]>();
        string? phone = null, email = null;
        if (string.IsNullOrWhiteSpace(input.ServiceCode))
        {
            errors["serviceCode"] = ["Give 'serviceCode', such as 'theory-exam-traffic'."];
        }

        if (input.Language is { } language && language is not ("lv" or "en"))
        {
            errors["language"] = ["'language' must be 'lv' or 'en'."];
        }

        if (!string.IsNullOrWhiteSpace(input.Phone) && (input.Phone.Length > 30 || (phone = ClientIdentity.Phone(input.Phone)) is null))
        {
            errors["phone"] = ["'phone' must be a Latvian number of 8 digits (such as 29123456) or an international one starting with +."];
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && (email = ClientIdentity.Email(input.Email)) is null)
        {
            errors["email"] = ["'email' must be an e-mail address such as name@example.com."];
        }

        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email))
        {
            errors["phone"] = ["Give 'phone' or 'email' (or both): the holder gets the follow link there."];
        }

        if (input.Name is { Length: > NameMaxLength })
        {
            errors["name"] = [$"'name' must be at most {NameMaxLength} characters."];
        }

        if (input.NotifyWhenAhead is { } notify && notify is < 1 or > MaxNotifyWhenAhead)
        {
            errors["notifyWhenAhead"] = [$"'notifyWhenAhead' must be a whole number from 1 to {MaxNotifyWhenAhead}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The ticket request has errors", type: ProblemType("invalid"));
        }

        var services = await WalkInPlaces.ServicesAsync(db, place.Id, ct);
        if (services.FirstOrDefault(s => s.Code == input.ServiceCode!.Trim()) is not { } service)
        {
            return NotFound($"The service '{Shorten(input.ServiceCode!)}' is not offered at '{place.Slug}'.");
        }

        var outcome = await tickets.IssueAsync(
            new TicketRequest(place.Id, service.Id, TicketSource.Api, input.Language ?? "lv", input.Name, phone, email, input.NotifyWhenAhead), ct);
        switch (outcome)
        {
            case IssueOutcome.Issued issued:
                var view = (await state.TicketAsync(issued.Ticket.Id, ct))!;
                await notice.SendAsync(issued.Ticket, issued.FollowToken, view, ct);
                var url = notice.FollowUrl(issued.Ticket.Id, issued.FollowToken);
                return TypedResults.Created($"/api/v1/tickets/{issued.Ticket.Id}",
                    new IssuedTicketResource(issued.Ticket.Id, issued.Ticket.Code, view.Ahead + 1, view.EstimatedMinutes, issued.FollowToken, url));
            case IssueOutcome.NotWalkInTime closed:
                var body = ProblemBody(StatusCodes.Status409Conflict, "Not in a walk-in window",
                    $"'{place.Slug}' serves walk-in clients only in its walk-in windows; " + (closed.NextWalkIn is { } next
                        ? $"the next starts at {next:yyyy-MM-ddTHH:mm:ssZ}."
                        : "none is planned in the next two months."), "notWalkInTime");
                body.Extensions["nextWalkIn"] = closed.NextWalkIn?.ToUniversalTime();
                return TypedResults.Problem(body);
            case IssueOutcome.AlreadyQueued held:
                var queued = ProblemBody(StatusCodes.Status409Conflict, "Already queued",
                    $"This phone or e-mail already holds queue number {held.Code}; the link to it was sent there. One active remote ticket per person.", "alreadyQueued");
                queued.Extensions["ticketCode"] = held.Code;
                return TypedResults.Problem(queued);
            case IssueOutcome.NumbersExhausted:
                return Problem(StatusCodes.Status409Conflict, "No numbers left", "All numbers of this service group are used today.", "numbersExhausted");
            default:
                return NotFound($"The service '{Shorten(input.ServiceCode!)}' is not offered at '{place.Slug}'.");
        }
    }

    private static async Task<IResult> GetTicket(int id, string? token, Tickets tickets, QueueState state, CancellationToken ct)
    {
        if (token is null || token.Length > 200 || await tickets.FindByTokenAsync(id, token, ct) is not { } ticket
            || await state.TicketAsync(id, ct) is not { } view)
        {
            return NotFound("There is no ticket with this id and follow token.");
        }

        var waiting = view.Status == TicketStatus.Waiting;
        return TypedResults.Ok(new TicketResource(view.Id, view.Code, StatusName(view.Status), waiting ? view.Ahead + 1 : null,
            waiting ? view.EstimatedMinutes : null, view.DeskNumber, ticket.Location.Slug, ticket.Service.Code));
    }

    private static async Task<IResult> GetQueue(string slug, ClientDeskDb db, QueueState state, CancellationToken ct) =>
        await WalkInPlaces.LocationAsync(db, slug, ct) is { } place && await state.LobbyAsync(place.Id, ct) is { } lobby
            ? TypedResults.Ok(lobby)
            : NotFound($"There is no location '{Shorten(slug)}'.");

    private static string StatusName(TicketStatus status) => status switch
    {
        TicketStatus.NoShow => "noShow",
        _ => JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text.Trim();

    private static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail, "notFound");
}
