using System.Globalization;
using System.Resources;
using System.Text.Json;
using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static ClientDesk.Platform.ApiProblems;

namespace ClientDesk.Feedback.Surveys;

/// <summary>The survey's answer as JSON (issue 6, point 7): for an app or portal that shows the survey itself.</summary>
internal static class SurveyApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ResourceManager Texts = new(typeof(SurveyTexts));

    public static RouteGroupBuilder MapSurveyApi(this RouteGroupBuilder api)
    {
        api.MapPost("/surveys/{token}", Answer).WithName("AnswerSurvey").WithTags("Surveys")
            .WithSummary("Answers the survey of a visit, once, with the token of its link.")
            .WithDescription(Description)
            .Accepts<SurveyInput>("application/json")
            .Produces<SurveyAnswered>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private const string Description =
        "`token` is the secret of the survey link (`/survey/{token}`) the client was sent after a completed visit. The body gives `overall` "
        + "(required) and the six values of the service standard, each 1 (worst) to 5 (best) or null when the client cannot say: "
        + "`professionalism` (the staff knew their job and kept the data confidential), `responsibility` (what was promised was done), "
        + "`respect` (treated politely and with respect), `cooperation` (helped to find the right service), `accessibility` (a convenient "
        + "place and time), `simplicity` (explained in words the client understands); an optional `comment` (at most 2000 characters); "
        + "`mayContact` with `contact` { `name`, `email`, `phone` } (a name and an e-mail or phone are then required). One answer per link: "
        + "a second one, or one after the link expired, is 409 (`code` `alreadyAnswered` or `expired`); an unknown token is 404. A score at or "
        + "below the low mark from a client who may be contacted opens a complaint case; its number comes back as `caseNumber`. "
        + "`X-Api-Key` is optional; a key sent must be valid.";

    private static async Task<IResult> Answer(
        string token, HttpContext http, [FromHeader(Name = ApiKeys.Header)] string? apiKey, ClientDeskDb db, SurveyAnswers answers, TimeProvider clock, CancellationToken ct)
    {
        if (await ApiKeys.CallerAsync(apiKey, db, ct) is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "API key not valid", $"The '{ApiKeys.Header}' key is unknown or revoked. Leave the header out to answer as the client's own browser.", "apiKeyInvalid");
        }

        SurveyInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<SurveyInput>(http.Request.Body, Json, ct);
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

        var response = new SurveyResponse(
            input.Overall, input.Professionalism, input.Responsibility, input.Respect, input.Cooperation, input.Accessibility, input.Simplicity,
            input.Comment, input.MayContact ?? false, input.Contact?.Name, input.Contact?.Email, input.Contact?.Phone);
        var outcome = await answers.AnswerAsync(token, response, null, ct);
        return outcome switch
        {
            SurveyAnswerOutcome.Saved saved => TypedResults.Created((string?)null, new SurveyAnswered(clock.GetUtcNow(), saved.CaseNumber)),
            SurveyAnswerOutcome.Invalid invalid => TypedResults.ValidationProblem(
                invalid.Errors.ToDictionary(e => Camel(e.Key), e => new[] { Texts.GetString(e.Value, CultureInfo.GetCultureInfo("en"))! }),
                title: "The answer has errors", type: ProblemType("invalid")),
            SurveyAnswerOutcome.AlreadyAnswered => Problem(StatusCodes.Status409Conflict, "Already answered", "This survey has already been answered; each visit is answered once.", "alreadyAnswered"),
            SurveyAnswerOutcome.Expired => Problem(StatusCodes.Status409Conflict, "Link expired", "This survey link has expired.", "expired"),
            _ => Problem(StatusCodes.Status404NotFound, "Not found", "There is no survey with this token.", "notFound"),
        };
    }

    private static string Camel(string field) => field switch
    {
        "ContactName" => "contact.name",
        "ContactEmail" => "contact.email",
        "ContactPhone" => "contact.phone",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}

/// <summary>A survey answer: scores 1–5 (null: cannot say); <c>overall</c> is required.</summary>
public sealed record SurveyInput(
    int? Overall,
    int? Professionalism,
    int? Responsibility,
    int? Respect,
    int? Cooperation,
    int? Accessibility,
    int? Simplicity,
    string? Comment,
    bool? MayContact,
    SurveyContactInput? Contact);

/// <summary>Whom to contact about the visit, when the client agreed.</summary>
public sealed record SurveyContactInput(string? Name, string? Email, string? Phone);

/// <summary>The answer is stored; <c>caseNumber</c> is the complaint a low score opened.</summary>
public sealed record SurveyAnswered(DateTimeOffset AnsweredAt, string? CaseNumber);
