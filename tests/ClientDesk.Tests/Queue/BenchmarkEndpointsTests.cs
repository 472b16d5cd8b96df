using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Queue;

/// <summary>
/// The endpoints of <c>benchmarks/queue-display.sh</c> have no sign-in: they must not exist unless the setting
/// <c>Benchmark:QueueEndpoints</c> is true, and when it is they drive the real engine.
/// </summary>
public sealed class BenchmarkEndpointsTests
{
    [Theory, Providers]
    public async Task The_benchmark_endpoints_are_absent_by_default(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "desks?count=2", "tickets?count=2", "desks/1/no-show", "desks/1/call-next" })
        {
            var response = await client.PostAsync($"/benchmark/queue/valmiera/{path}", null, ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Desks.CountAsync(ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task With_the_setting_the_benchmark_seats_desks_issues_tickets_and_calls_next_through_the_engine(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Benchmark:QueueEndpoints"] = "true" });
        var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/benchmark/queue/valmiera/desks?count=2", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/benchmark/queue/valmiera/tickets?count=3", null, ct)).StatusCode);

        var first = await client.PostAsync("/benchmark/queue/valmiera/desks/1/call-next", null, ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var code = (await first.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/benchmark/queue/valmiera/desks/1/call-next", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/benchmark/queue/valmiera/desks/1/no-show", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/benchmark/queue/valmiera/desks/1/call-next", null, ct)).StatusCode);

        var statuses = await app.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => new { t.Letter, t.Number, t.Status }).ToListAsync(ct));
        Assert.Equal(3, statuses.Count);
        Assert.Equal(TicketStatus.NoShow, statuses.Single(t => $"{t.Letter}{t.Number:000}" == code).Status);
        Assert.Equal(1, statuses.Count(t => t.Status == TicketStatus.Called));
        Assert.Equal(2, await app.WithDbAsync(db => db.Desks.CountAsync(d => d.StaffMemberId != null, ct)));
    }
}
