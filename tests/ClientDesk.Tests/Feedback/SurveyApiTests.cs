using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary><c>POST /api/v1/surveys/{token}</c> (issue 6, point 7) on both engines: 201 once, 409 after, 404 unknown, 400 for bad scores.</summary>
public sealed class SurveyApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, object body) =>
        client.PostAsJsonAsync($"/api/v1/surveys/{Uri.EscapeDataString(token)}", body, Ct);

    [Theory, Providers]
    public async Task An_answer_is_created_once_and_a_second_one_is_a_conflict(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateClient();

        var created = await PostAsync(client, token, new { overall = 5, professionalism = 5, responsibility = (int?)null, simplicity = 4, comment = "Paldies!" });
        var again = await PostAsync(client, token, new { overall = 1 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(created)).GetProperty("caseNumber").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("alreadyAnswered", (await JsonAsync(again)).GetProperty("code").GetString());
        var answer = Assert.Single(await SurveySupport.AnswersAsync(app));
        Assert.Equal((5, 5, (int?)null, 4, "Paldies!"), (answer.Overall, answer.Professionalism, answer.Responsibility, answer.Simplicity, answer.Comment));
    }

    [Theory, Providers]
    public async Task An_unknown_token_is_not_found_and_an_expired_link_is_a_conflict(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateClient();

        var unknown = await PostAsync(client, "no-such-token", new { overall = 4 });
        app.Clock.Advance(TimeSpan.FromDays(15));
        var expired = await PostAsync(client, token, new { overall = 4 });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Equal("expired", (await JsonAsync(expired)).GetProperty("code").GetString());
        Assert.Empty(await SurveySupport.AnswersAsync(app));
    }

    [Theory, Providers]
    public async Task Bad_scores_a_missing_overall_a_contact_without_an_address_and_malformed_json_are_rejected_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateClient();

        var outOfScale = await PostAsync(client, token, new { overall = 6, professionalism = 0, respect = -1 });
        var missing = await PostAsync(client, token, new { professionalism = 3, mayContact = true, contact = new { name = "Anna" } });
        var malformed = await client.PostAsync($"/api/v1/surveys/{token}", new StringContent("{\"overall\": \"very good\"}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, outOfScale.StatusCode);
        var errors = (await JsonAsync(outOfScale)).GetProperty("errors");
        Assert.Equal("A score must be from 1 to 5.", errors.GetProperty("overall")[0].GetString());
        Assert.True(errors.TryGetProperty("professionalism", out _));
        Assert.True(errors.TryGetProperty("respect", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingErrors = (await JsonAsync(missing)).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("overall", out _));
        Assert.True(missingErrors.TryGetProperty("contact.email", out _));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("malformedJson", (await JsonAsync(malformed)).GetProperty("code").GetString());
        Assert.Empty(await SurveySupport.AnswersAsync(app));
    }

    [Theory, Providers]
    public async Task A_low_score_with_consent_through_the_api_opens_a_case_and_returns_its_number(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, ticket) = await SurveySupport.InvitedVisitAsync(app);

        var created = await PostAsync(app.CreateClient(), token, new
        {
            overall = 2, simplicity = 1, comment = "Neko nesapratu.", mayContact = true,
            contact = new { name = "Anna Kalniņa", email = "anna@example.lv", phone = "29111222" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await JsonAsync(created)).GetProperty("caseNumber").GetString();
        var answer = Assert.Single(await SurveySupport.AnswersAsync(app));
        Assert.Equal(number, answer.Case!.Number);
        Assert.Equal((CaseChannel.Survey, ticket, "29111222"), (answer.Case.Channel, answer.Case.TicketId, answer.Case.Phone));
    }

    [Theory, Providers]
    public async Task The_survey_endpoint_is_in_the_openapi_document_and_a_wrong_api_key_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (token, _) = await SurveySupport.InvitedVisitAsync(app);
        var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/surveys/{token}") { Content = JsonContent.Create(new { overall = 5 }) };
        request.Headers.Add("X-Api-Key", "cdk_notakey");
        var refused = await client.SendAsync(request, Ct);

        Assert.Contains("/api/v1/surveys/{token}", document);
        Assert.Contains("AnswerSurvey", document);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(Ct)));
    }
}
