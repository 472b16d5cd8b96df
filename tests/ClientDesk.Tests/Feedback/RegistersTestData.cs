using ClientDesk.Platform;
using System.Net;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Feedback;

/// <summary>Data for the error register, gift log and report tests, made through the real services and entities.</summary>
internal static class RegistersTestData
{
    public static Task<int> LocationIdAsync(TestApp app, string slug) =>
        app.WithDbAsync(db => db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync());

    /// <summary>Registers a case through <see cref="Cases.RegisterAsync"/> (a named submitter with an e-mail: it owes an answer).</summary>
    public static async Task<Case> RegisterCaseAsync(TestApp app, string? locationSlug, CaseKind kind = CaseKind.Complaint,
        CaseChannel channel = CaseChannel.Email, DateTime? receivedAtUtc = null)
    {
        var locationId = locationSlug is null ? (int?)null : await LocationIdAsync(app, locationSlug);
        await using var scope = app.Services.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<Cases>();
        var registered = await cases.RegisterAsync(new CaseIntake(kind, channel, "Rindā gaidīju divas stundas.")
        {
            Name = "Jānis Bērziņš", Email = "janis@example.lv", LocationId = locationId, ReceivedAtUtc = receivedAtUtc,
        });
        return registered.Case;
    }

    /// <summary>A finished ticket at the location with a completed outcome recorded by <paramref name="staffId"/>.</summary>
    public static async Task<int> OutcomeAsync(TestApp app, string locationSlug, string staffId) => await app.WithDbAsync(async db =>
    {
        var location = await db.Locations.Where(l => l.Slug == locationSlug).Select(l => l.Id).SingleAsync();
        var service = await db.Services.Select(s => s.Id).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            LocationId = location, Date = new DateOnly(2026, 3, 17), Letter = "A", Number = 7, ServiceId = service, Source = TicketSource.Kiosk,
            FollowTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")), IssuedAtUtc = now.AddMinutes(-30), QueuedSinceUtc = now.AddMinutes(-30),
            Status = TicketStatus.Finished, FinishedAtUtc = now,
        };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        var outcome = new VisitOutcome { TicketId = ticket.Id, Kind = OutcomeKind.Completed, RecordedAtUtc = now, RecordedByStaffId = staffId };
        db.VisitOutcomes.Add(outcome);
        await db.SaveChangesAsync();
        return outcome.Id;
    });

    /// <summary>Follows the redirect of a forbidden page and checks it ends on the 403 access-denied page.</summary>
    public static async Task AssertForbiddenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
