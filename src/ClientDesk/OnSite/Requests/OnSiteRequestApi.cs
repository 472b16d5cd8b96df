using System.Globalization;
using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.OnSite.Requests;

/// <summary>
/// On-site requests for machines (issue 7, point 5): the e-service portal with its <c>X-Api-Key</c>, or anyone under the
/// public POST limit, sends a request and gets its number, the status token and the travel fee; the client (or the
/// portal for them) follows it with the number and the token, and sees the plan and the inspector once planned (C-3).
/// </summary>
internal static class OnSiteRequestApi
{
    public const string IdempotencyHeader = IdempotentPosts.Header;
    public const int IdempotencyKeyMaxLength = IdempotentPosts.KeyMaxLength;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapOnSiteRequestApi(this RouteGroupBuilder api)
    {
        api.MapPost("/onsite-requests", Register).WithName("RegisterOnSiteRequest").WithTags("On-site visits")
            .WithSummary("Asks for an inspector to come to the client's machines.")
            .WithDescription(RegisterDescription)
            .Accepts<OnSiteRequestBody>("application/json")
            .Produces<RegisteredResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/onsite-requests/{number}", GetStatus).WithName("GetOnSiteRequest").WithTags("On-site visits")
            .WithSummary("An on-site request and its plan, for its client.")
            .WithDescription("`number` is the request number (such as `IZ-2026-00042`) and `token` the status token from the registration. "
                + "A wrong number or token is 404, the same for both. Once planned, `plan` carries the date, the arrival window and the inspector's "
                + "name and position (C-3).")
            .Produces<OnSiteRequestResource>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private const string RegisterDescription =
        "With a valid `X-Api-Key` the request is registered for the channel given (`eServicePortal` by default, or `latvijaLv`, `eAddress`); "
        + "without the header it is a web request under the public POST limit. Body: `{ service, office, address, directions, latitude, longitude, "
        + "machines, machinesDescription, earliestDate, latestDate, weekdays, name, phone, email, language, note, channel }`. `service` is the code "
        + "of a service that can be done on site (see `/api/v1/services`), `office` the slug of an office that does it (its region's inspectors plan "
        + "the visit); `address` (at most 300 characters) and `machinesDescription` (500) are required; `latitude`/`longitude` both or neither, in "
        + "Latvia; `machines` 1–50; `earliestDate` and `latestDate` as YYYY-MM-DD, after today and at most 180 days ahead; `weekdays` names such "
        + "as `monday` (default Monday–Friday), at least one falling between the dates; `name` required and `phone` (Latvian or +international) "
        + "and/or `email`; `language` `lv` (default) or `en`. Send an optional `Idempotency-Key` (1–200 characters) and the same key when "
        + "retrying: the same key with the same body answers as the first time, with another body 422. 201 carries `number`, `statusToken` (shown "
        + "only here), `statusUrl` and `travelFee`: the fee to the client's address (per client, not per machine), the fee of a published "
        + "inspection stop for comparison (no request needed there), and for per-km services the rate (there and back), the cap and an estimate "
        + "when both the office and the point have coordinates; `appliesEur` is null when the inspector confirms the distance.";

    // ---- Resources ----

    public sealed record OnSiteRequestBody(
        string? Service, string? Office, string? Address, string? Directions, double? Latitude, double? Longitude, int? Machines,
        string? MachinesDescription, string? EarliestDate, string? LatestDate, IReadOnlyList<string>? Weekdays, string? Name, string? Phone,
        string? Email, string? Language, string? Note, string? Channel);

    public sealed record PerKilometreResource(decimal RatePerKmEur, bool ThereAndBack, decimal? CapEur, double? DistanceKm, decimal? EstimateEur);

    public sealed record TravelFeeResource(decimal? AppliesEur, decimal? ClientAddressEur, decimal? ScheduleStopEur, PerKilometreResource? PerKilometre, bool PerClient);

    public sealed record RegisteredResource(string Number, string Status, string StatusToken, string StatusUrl, TravelFeeResource TravelFee);

    public sealed record InspectorResource(string Name, string Position);

    public sealed record PlanResource(DateOnly Date, string ArriveFrom, string ArriveTo, InspectorResource Inspector, bool Confirmed);

    public sealed record OnSiteRequestResource(
        string Number, string Status, string Service, string Office, string Region, string Address, int Machines, string MachinesDescription,
        DateOnly EarliestDate, DateOnly LatestDate, IReadOnlyList<string> Weekdays, decimal? TravelFeeEur, string? StatusNote, PlanResource? Plan);

    public static TravelFeeResource Resource(TravelFeeQuote quote) => new(
        quote.Applies, quote.ClientAddressEur, quote.ScheduleStopEur,
        quote.PerKilometre is { } km ? new PerKilometreResource(km.RatePerKm, true, km.CapEur, km.DistanceKm, km.EstimateEur) : null,
        PerClient: true);

    // ---- Handlers ----

    private static async Task<IResult> Register(
        HttpContext http, [FromHeader(Name = ApiKeys.Header)] string? apiKey, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClientDeskDb db, OnSiteRequests requests, IdempotentPosts idempotent, TimeProvider clock, CancellationToken ct)
    {
        if (await ApiKeys.CallerAsync(apiKey, db, ct) is not { } caller)
        {
            return Problem(StatusCodes.Status401Unauthorized, "API key not valid",
                $"The '{ApiKeys.Header}' key is unknown or revoked. Leave the header out to send as the public web.", "apiKeyInvalid");
        }

        if (idempotencyKey is not null && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > IdempotencyKeyMaxLength))
        {
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key not valid",
                $"An '{IdempotencyHeader}' header must have 1–{IdempotencyKeyMaxLength} characters.", "idempotencyKeyInvalid");
        }

        OnSiteRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<OnSiteRequestBody>(http.Request.Body, Json, ct);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" at '{path.TrimStart('$', '.')}'" : "";
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON of the expected shape{where} (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).", "malformedJson");
        }

        if (body is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body must be a JSON object.", "malformedJson");
        }

        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message)
        {
            var key = JsonNamingPolicy.CamelCase.ConvertName(field);
            errors[key] = [.. errors.GetValueOrDefault(key, []), message];
        }

        var channel = OnSiteChannel.Web;
        if (caller.IsClient)
        {
            channel = OnSiteChannel.EServicePortal;
            if (!string.IsNullOrWhiteSpace(body.Channel))
            {
                if (Enum.TryParse<OnSiteChannel>(body.Channel, ignoreCase: true, out var given) && OnSiteRequests.MachineChannels.Contains(given) && !int.TryParse(body.Channel, out _))
                {
                    channel = given;
                }
                else
                {
                    Error("channel", "'channel' must be 'eServicePortal', 'latvijaLv' or 'eAddress'.");
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(body.Channel) && !body.Channel.Equals("web", StringComparison.OrdinalIgnoreCase))
        {
            Error("channel", "Without an API key the channel is 'web'; the portals send their own key.");
        }

        // Machine clients read English messages; the client's language is the body's 'language'.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        OnSiteApplication? application;
        try
        {
            application = await requests.CheckAsync(Input(body), Error, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        }

        if (application is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has errors", type: ProblemType("invalid"));
        }

        if (idempotencyKey is null)
        {
            var registered = await requests.RegisterAsync(application, channel, staffId: null, ct);
            return TypedResults.Created($"/api/v1/onsite-requests/{registered.Request.Number}", Registered(registered, application, requests));
        }

        return await idempotent.OnceAsync("onsite", IdempotentPosts.CallerId(caller, http), idempotencyKey, body, Json, async cancel =>
        {
            var saved = await requests.RegisterAsync(application, channel, staffId: null, cancel);
            return (StatusCodes.Status201Created, JsonSerializer.Serialize(Registered(saved, application, requests), Json));
        }, json => $"/api/v1/onsite-requests/{json.GetProperty("number").GetString()}", ct);
    }

    private static async Task<IResult> GetStatus(string number, string? token, OnSiteRequests requests, CancellationToken ct)
    {
        if (await requests.FindForClientAsync(number, token, ct) is not { } r)
        {
            return Problem(StatusCodes.Status404NotFound, "Not found", "There is no on-site request with this number and token.", "notFound");
        }

        var plan = r.Stop is { } stop
            ? new PlanResource(stop.Round.Date, Hhmm(stop.ArriveFrom), Hhmm(stop.ArriveTo),
                new InspectorResource(stop.Round.Inspector.FullName, stop.Round.Inspector.PositionEn is { Length: > 0 } en ? en : stop.Round.Inspector.PositionLv),
                stop.ConfirmedAtUtc is not null)
            : null;
        return TypedResults.Ok(new OnSiteRequestResource(
            r.Number, JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()), r.Service.Code, r.Location.Slug, r.Location.Region.Slug, r.Address,
            r.Machines, r.MachinesDescription, r.EarliestDate, r.LatestDate,
            [.. OnSiteRequests.WeekOrder.Where(d => (r.SuitableWeekdays & OnSiteRequests.FlagOf(d)) != 0).Select(d => d.ToString().ToLowerInvariant())],
            r.TravelFeeEur, r.StatusNote, plan));
    }

    private static RegisteredResource Registered(RegisteredOnSiteRequest registered, OnSiteApplication application, OnSiteRequests requests) => new(
        registered.Request.Number, "requested", registered.StatusToken, requests.StatusUrl(registered.Request.Number, registered.StatusToken),
        Resource(application.Quote));

    private static OnSiteRequestInput Input(OnSiteRequestBody body) => new()
    {
        Service = body.Service,
        Office = body.Office,
        Address = body.Address,
        Directions = body.Directions,
        Latitude = body.Latitude?.ToString(CultureInfo.InvariantCulture),
        Longitude = body.Longitude?.ToString(CultureInfo.InvariantCulture),
        Machines = body.Machines?.ToString(CultureInfo.InvariantCulture),
        MachinesDescription = body.MachinesDescription,
        EarliestDate = body.EarliestDate,
        LatestDate = body.LatestDate,
        Weekdays = body.Weekdays is { Count: > 0 } days ? [.. days] : ["monday", "tuesday", "wednesday", "thursday", "friday"],
        Name = body.Name,
        Phone = body.Phone,
        Email = body.Email,
        Language = string.IsNullOrWhiteSpace(body.Language) ? "lv" : body.Language,
        Note = body.Note,
    };

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
