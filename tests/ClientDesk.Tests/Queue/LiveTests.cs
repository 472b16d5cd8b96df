using System.Net;
using System.Text.Json;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Queue;
using ClientDesk.Queue.Live;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClientDesk.Tests.Queue.QueueEngineTests;

namespace ClientDesk.Tests.Queue;

/// <summary>
/// The live queue (issue 5): the lobby and ticket event streams over HTTP, the same state after a restart, two
/// instances in step through LISTEN/NOTIFY, the "your turn is near" notice once, and the end of the day.
/// </summary>
public sealed class LiveTests
{
    private const string Exam = "theory-exam-traffic";

    [Theory, Providers]
    public async Task The_lobby_stream_sends_the_current_state_on_connect_and_the_new_state_after_a_call_next(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = await SeatStaffAsync(app, location, 1, [Exam]);
        var first = await IssueAsync(app, location, service);
        await IssueAsync(app, location, service);
        await ListeningAsync(app);

        using var stream = await SseStream.OpenAsync(app.CreateClient(), "/queue/valmiera/events");
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(stream.Response.Headers.CacheControl?.NoCache);
        var onConnect = await stream.NextAsync("lobby", _ => true);
        Assert.Equal(2, onConnect.GetProperty("groups")[0].GetProperty("waiting").GetInt32());
        Assert.Equal(0, onConnect.GetProperty("called").GetArrayLength());

        Assert.True((await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff[0]))).Succeeded);

        var afterCall = await stream.NextAsync("lobby", v => v.GetProperty("called").GetArrayLength() == 1);
        var called = afterCall.GetProperty("called")[0];
        Assert.Equal(first.Code, called.GetProperty("code").GetString());
        Assert.Equal(1, called.GetProperty("deskNumber").GetInt32());
        Assert.Equal("Desk Nr1", called.GetProperty("staffName").GetString());
        Assert.Equal("Speciālists", called.GetProperty("positionLv").GetString());
        Assert.Equal(1, afterCall.GetProperty("groups")[0].GetProperty("waiting").GetInt32());
    }

    [Theory, Providers]
    public async Task The_ticket_stream_follows_a_ticket_with_its_token_and_refuses_a_wrong_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = await SeatStaffAsync(app, location, 1, [Exam]);
        var issued = Assert.IsType<IssueOutcome.Issued>(await InScopeAsync<IssueOutcome, Tickets>(app,
            t => t.IssueAsync(new TicketRequest(location, service, TicketSource.Remote))));
        await ListeningAsync(app);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/queue/tickets/{issued.Ticket.Id}/events?token=wrong", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/queue/tickets/{issued.Ticket.Id}/events", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/queue/nowhere/events", TestContext.Current.CancellationToken)).StatusCode);

        using var stream = await SseStream.OpenAsync(client, $"/queue/tickets/{issued.Ticket.Id}/events?token={Uri.EscapeDataString(issued.FollowToken)}");
        var waiting = await stream.NextAsync("ticket", _ => true);
        Assert.Equal("Waiting", waiting.GetProperty("status").GetString());
        Assert.Equal(issued.Ticket.Code, waiting.GetProperty("code").GetString());

        Assert.True((await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff[0]))).Succeeded);

        var called = await stream.NextAsync("ticket", v => v.GetProperty("status").GetString() == "Called");
        Assert.Equal(1, called.GetProperty("deskNumber").GetInt32());
    }

    [Theory, Providers]
    public async Task The_display_and_the_desk_show_the_same_state_after_a_restart(DatabaseProvider provider)
    {
        var app = await TestApp.StartAsync(provider);
        string before;
        List<string?> desksBefore;
        TestApp restarted;
        List<string> staff;
        try
        {
            var (location, service) = await PlaceAsync(app);
            staff = await SeatStaffAsync(app, location, 3, [Exam]);
            for (var i = 0; i < 6; i++)
            {
                await IssueAsync(app, location, service);
            }

            var serving = (await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff[0]))).Ticket!;
            Assert.True((await InScopeAsync<DeskResult, QueueDesk>(app, d => d.StartAsync(staff[0], serving.Id))).Succeeded);
            Assert.True((await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff[1]))).Succeeded);
            before = await LobbyOnConnectAsync(app);
            desksBefore = await DeskTicketsAsync(app, staff);
            restarted = app.OnSameDatabase();
        }
        finally
        {
            await app.DisposeAsync();
        }

        await using (restarted)
        {
            Assert.Equal(before, await LobbyOnConnectAsync(restarted));
            Assert.Equal(desksBefore, await DeskTicketsAsync(restarted, staff));
            Assert.Contains("\"serving\":true", before);
        }
    }

    [Fact]
    public async Task A_call_next_on_one_instance_reaches_a_display_connected_to_another_through_listen_notify()
    {
        await using var a = await TestApp.StartAsync(DatabaseProvider.PostgreSql);
        await using var b = a.OnSameDatabase();
        var (location, service) = await PlaceAsync(a);
        var staff = await SeatStaffAsync(a, location, 1, [Exam]);
        var ticket = await IssueAsync(a, location, service);
        await ListeningAsync(a);
        await ListeningAsync(b);

        using var display = await SseStream.OpenAsync(b.CreateClient(), "/queue/valmiera/events");
        await display.NextAsync("lobby", _ => true);
        Assert.True((await InScopeAsync<DeskResult, QueueDesk>(a, d => d.CallNextAsync(staff[0]))).Succeeded);

        var onB = await display.NextAsync("lobby", v => v.GetProperty("called").GetArrayLength() == 1);
        Assert.Equal(ticket.Code, onB.GetProperty("called")[0].GetProperty("code").GetString());
    }

    [Theory, Providers]
    public async Task The_turn_is_near_notice_is_written_once_even_when_two_instances_check_at_the_same_time(DatabaseProvider provider)
    {
        await using var a = await TestApp.StartAsync(provider);
        await using var b = a.OnSameDatabase();
        var (location, service) = await PlaceAsync(a);
        var staff = await SeatStaffAsync(a, location, 1, [Exam]);
        for (var i = 0; i < 3; i++)
        {
            await IssueAsync(a, location, service);
        }

        var remote = Assert.IsType<IssueOutcome.Issued>(await InScopeAsync<IssueOutcome, Tickets>(a, t => t.IssueAsync(new TicketRequest(
            location, service, TicketSource.Remote, "en", "Anna", "29111222", "anna@example.lv", NotifyWhenAhead: 1)))).Ticket;
        Assert.Equal(0, await InScopeAsync<int, TurnNearNotices>(a, n => n.CheckAsync(location)));
        Assert.Null(await a.WithDbAsync(db => db.Tickets.Where(t => t.Id == remote.Id).Select(t => t.NotifiedAtUtc).SingleAsync()));

        // Two clients are called: one is now ahead of Anna.
        Assert.True((await InScopeAsync<DeskResult, QueueDesk>(a, d => d.CallNextAsync(staff[0]))).Succeeded);
        await a.WithDbAsync(db => db.Tickets.Where(t => t.Status == TicketStatus.Called).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.NoShow)));
        Assert.True((await InScopeAsync<DeskResult, QueueDesk>(a, d => d.CallNextAsync(staff[0]))).Succeeded);

        var checks = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => Task.Run(() => InScopeAsync<int, TurnNearNotices>(i % 2 == 0 ? a : b, n => n.CheckAsync(location)))));
        Assert.True(checks.Sum() <= 1);

        var messages = await a.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.TicketId == remote.Id).ToListAsync());
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(TurnNearNotices.Kind, m.Kind));
        var email = Assert.Single(messages, m => m.Channel == MessageChannel.Email);
        Assert.Equal($"Your turn is near: {remote.Code}", email.Subject);
        Assert.Contains("Clients ahead of you: 1", email.Body);
        Assert.Equal("+37129111222", Assert.Single(messages, m => m.Channel == MessageChannel.Sms).Recipient);
        Assert.NotNull(await a.WithDbAsync(db => db.Tickets.Where(t => t.Id == remote.Id).Select(t => t.NotifiedAtUtc).SingleAsync()));
    }

    [Theory, Providers]
    public async Task The_end_of_the_day_closes_what_is_left_with_a_reason_and_leaves_serving_and_finished_visits_alone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = await SeatStaffAsync(app, location, 4, [Exam]);
        var tickets = new List<Ticket>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add(await IssueAsync(app, location, service));
        }

        Task<DeskResult> Desk(Func<QueueDesk, Task<DeskResult>> act) => InScopeAsync(app, act);
        var finished = (await Desk(d => d.CallNextAsync(staff[0]))).Ticket!;
        await Desk(d => d.StartAsync(staff[0], finished.Id));
        Assert.True((await Desk(d => d.FinishAsync(staff[0], finished.Id, new OutcomeInput(OutcomeKind.Completed)))).Succeeded);
        var serving = (await Desk(d => d.CallNextAsync(staff[1]))).Ticket!;
        Assert.True((await Desk(d => d.StartAsync(staff[1], serving.Id))).Succeeded);
        var parked = (await Desk(d => d.CallNextAsync(staff[2]))).Ticket!;
        Assert.True((await Desk(d => d.ParkAsync(staff[2], parked.Id))).Succeeded);
        var called = (await Desk(d => d.CallNextAsync(staff[3]))).Ticket!;
        var waitingToday = tickets[5];
        var yesterday = tickets[4];
        await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == yesterday.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Date, new DateOnly(2026, 3, 16)).SetProperty(t => t.Number, 500)));

        // 10:00 on the day: only yesterday's leftover is closed (the app's own minute timer may have done it already).
        await InScopeAsync<int, EndOfDay>(app, e => e.CloseAsync(new DateTimeOffset(2026, 3, 17, 8, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TicketStatus.Closed, await StatusAsync(yesterday.Id));
        Assert.Equal(TicketStatus.Waiting, await StatusAsync(waitingToday.Id));

        // 20:00, after Valmiera's last window: the waiting, called and parked tickets are closed, nothing else.
        Assert.Equal(3, await InScopeAsync<int, EndOfDay>(app, e => e.CloseAsync(new DateTimeOffset(2026, 3, 17, 18, 0, 0, TimeSpan.Zero))));
        var after = await app.WithDbAsync(db => db.Tickets.AsNoTracking().ToDictionaryAsync(t => t.Id));
        Assert.Equal(6, after.Count);
        foreach (var id in new[] { yesterday.Id, waitingToday.Id, parked.Id, called.Id })
        {
            Assert.Equal(TicketStatus.Closed, after[id].Status);
            Assert.Equal(EndOfDay.Reason, after[id].ClosedReason);
            Assert.Null(after[id].ActivePersonKey);
        }

        Assert.Equal(TicketStatus.Serving, after[serving.Id].Status);
        Assert.Equal(TicketStatus.Finished, after[finished.Id].Status);
        Assert.Null(after[finished.Id].ClosedReason);

        async Task<TicketStatus> StatusAsync(int id) => await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Status).SingleAsync());
    }

    /// <summary>On PostgreSQL, events arrive through LISTEN: act only once the instance listens.</summary>
    internal static async Task ListeningAsync(TestApp app)
    {
        if (app.Provider == DatabaseProvider.PostgreSql)
        {
            await app.Services.GetRequiredService<QueueChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> LobbyOnConnectAsync(TestApp app)
    {
        using var stream = await SseStream.OpenAsync(app.CreateClient(), "/queue/valmiera/events");
        return (await stream.NextAsync("lobby", _ => true)).GetRawText();
    }

    private static Task<List<string?>> DeskTicketsAsync(TestApp app, List<string> staff) => app.WithDbAsync(async db =>
    {
        var result = new List<string?>();
        foreach (var id in staff)
        {
            var desk = await db.Desks.AsNoTracking().SingleAsync(d => d.StaffMemberId == id);
            result.Add(await db.Tickets.AsNoTracking()
                .Where(t => t.DeskId == desk.Id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .Select(t => t.Letter + t.Number + ":" + t.Status).SingleOrDefaultAsync());
        }

        return result;
    });
}

/// <summary>Reads a Server-Sent Events response line by line, as a browser's EventSource would.</summary>
internal sealed class SseStream : IDisposable
{
    private readonly CancellationTokenSource guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly StreamReader reader;

    private SseStream(HttpResponseMessage response, Stream body)
    {
        Response = response;
        reader = new StreamReader(body);
        // Only a guard against a hang; nothing here asserts how fast events come.
        guard.CancelAfter(TimeSpan.FromSeconds(60));
    }

    public HttpResponseMessage Response { get; }

    public static async Task<SseStream> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return new SseStream(response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The data of the next event of this name whose data matches.</summary>
    public async Task<JsonElement> NextAsync(string eventName, Func<JsonElement, bool> matches)
    {
        while (true)
        {
            string? name = null;
            string? data = null;
            while (await reader.ReadLineAsync(guard.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line[6..];
                }
            }

            if (name == eventName && data is not null && JsonDocument.Parse(data).RootElement is var view && matches(view))
            {
                return view;
            }
        }
    }

    public void Dispose()
    {
        guard.Cancel();
        reader.Dispose();
        Response.Dispose();
        guard.Dispose();
    }
}
