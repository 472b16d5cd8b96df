using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Queue;

/// <summary>The queue's guarantees (ADR 010), each on SQLite and PostgreSQL. The test clock is Tuesday 17 March 2026,
/// 09:00 in Riga: Valmiera serves walk-in clients 8:30–18:00 (S-3, S-4).</summary>
public sealed class QueueEngineTests
{
    private const string Exam = "theory-exam-traffic";

    internal static async Task<(int Location, int Service)> PlaceAsync(TestApp app, string slug = "valmiera", string service = Exam) =>
        await app.WithDbAsync(async db => (
            await db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync(),
            await db.Services.Where(s => s.Code == service).Select(s => s.Id).SingleAsync()));

    /// <summary>Staff written straight to the database (no password: these tests never sign in), each at a desk of their own.</summary>
    internal static async Task<List<string>> SeatStaffAsync(TestApp app, int locationId, int count, string[] competences)
    {
        var ids = new List<string>();
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Id == locationId);
            var services = await db.Services.Where(s => competences.Contains(s.Code)).ToListAsync();
            for (var i = 1; i <= count; i++)
            {
                var staff = new StaffMember
                {
                    UserName = $"desk{i}", NormalizedUserName = $"DESK{i}", FirstName = "Desk", LastName = $"Nr{i}",
                    PositionLv = "Speciālists", PositionEn = "Specialist", SecurityStamp = Guid.NewGuid().ToString(),
                    Locations = [location], Competences = [.. services],
                };
                db.Users.Add(staff);
                db.Desks.Add(new Desk { LocationId = locationId, Number = i, StaffMemberId = staff.Id, OpenedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
                ids.Add(staff.Id);
            }

            await db.SaveChangesAsync();
        });
        return ids;
    }

    internal static async Task<T> InScopeAsync<T, TService>(TestApp app, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    internal static async Task<Ticket> IssueAsync(TestApp app, int location, int service)
    {
        var outcome = await InScopeAsync<IssueOutcome, Tickets>(app, t => t.IssueAsync(new TicketRequest(location, service, TicketSource.Kiosk)));
        return Assert.IsType<IssueOutcome.Issued>(outcome).Ticket;
    }

    [Theory, Providers]
    public async Task Fifty_desks_calling_next_at_the_same_instant_get_fifty_different_clients_and_nobody_is_skipped(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = await SeatStaffAsync(app, location, 50, [Exam]);
        var issued = new List<Ticket>();
        for (var i = 0; i < 60; i++)
        {
            issued.Add(await IssueAsync(app, location, service));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var start = new Barrier(50);
        var results = await Task.WhenAll(staff.Select(id => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(id, TestContext.Current.CancellationToken));
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Problem?.ToString()));
        var called = results.Select(r => r.Ticket!.Id).ToList();
        Assert.Equal(50, called.Distinct().Count());
        Assert.Equal(issued.Take(50).Select(t => t.Id).Order(), called.Order());
        var stored = await app.WithDbAsync(db => db.Tickets.AsNoTracking().ToListAsync());
        Assert.Equal(50, stored.Count(t => t.Status == TicketStatus.Called));
        Assert.Equal(issued.Skip(50).Select(t => t.Id), stored.Where(t => t.Status == TicketStatus.Waiting).Select(t => t.Id).Order());
        Assert.Equal(50, stored.Where(t => t.Status == TicketStatus.Called).Select(t => t.DeskId).Distinct().Count());
    }

    [Theory, Providers]
    public async Task Call_next_takes_appointments_due_now_then_walk_ins_in_arrival_order_and_only_services_the_staff_member_may_serve(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, exam) = await PlaceAsync(app);
        var (_, registration) = await PlaceAsync(app, service: "registration");
        var staff = (await SeatStaffAsync(app, location, 1, [Exam]))[0];
        var registrationTicket = await IssueAsync(app, location, registration);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var first = await IssueAsync(app, location, exam);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await IssueAsync(app, location, exam);

        var calls = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var result = await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff));
            calls.Add(result.Ticket!.Id);
            Assert.True((await InScopeAsync<DeskResult, QueueDesk>(app, d => d.FinishAsync(staff, result.Ticket.Id, new OutcomeInput(OutcomeKind.Completed)))).Succeeded);
        }

        Assert.Equal([first.Id, second.Id], calls);
        Assert.Equal(DeskProblem.NotYours, (await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallAsync(staff, registrationTicket.Id))).Problem);
        Assert.Equal(DeskProblem.NothingWaiting, (await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff))).Problem);
        Assert.Equal(TicketStatus.Waiting, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == registrationTicket.Id).Select(t => t.Status).SingleAsync()));
    }

    [Theory, Providers]
    public async Task A_refusal_needs_a_legal_basis_and_an_explanation_an_interruption_a_reason_and_an_outcome_is_recorded_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = (await SeatStaffAsync(app, location, 1, [Exam]))[0];
        var basis = await app.WithDbAsync(async db =>
        {
            var b = new LegalBasis { ActLv = "Administratīvā procesa likums", SectionLv = "67. pants" };
            db.LegalBases.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        var ticket = await IssueAsync(app, location, service);
        Assert.True((await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff))).Succeeded);
        Task<DeskResult> Finish(OutcomeInput input) => InScopeAsync<DeskResult, QueueDesk>(app, d => d.FinishAsync(staff, ticket.Id, input));

        Assert.Equal(DeskProblem.MissingLegalBasis, (await Finish(new OutcomeInput(OutcomeKind.Refused, Explanation: "Nav dokumentu"))).Problem);
        Assert.Equal(DeskProblem.MissingExplanation, (await Finish(new OutcomeInput(OutcomeKind.Refused, LegalBasisId: basis, Explanation: "  "))).Problem);
        Assert.Equal(DeskProblem.MissingInterruptReason, (await Finish(new OutcomeInput(OutcomeKind.Interrupted))).Problem);
        Assert.Equal(DeskProblem.MissingReferral, (await Finish(new OutcomeInput(OutcomeKind.Referred))).Problem);
        Assert.Equal(0, await app.WithDbAsync(db => db.VisitOutcomes.CountAsync()));

        var twice = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            Finish(new OutcomeInput(OutcomeKind.Refused, LegalBasisId: basis, Explanation: "Nav iesniegts transportlīdzekļa reģistrācijas apliecības oriģināls.")))));
        Assert.Single(twice, r => r.Succeeded);
        Assert.All(twice.Where(r => !r.Succeeded), r => Assert.Contains(r.Problem, new DeskProblem?[] { DeskProblem.OutcomeAlreadyRecorded, DeskProblem.ChangedMeanwhile }));
        var outcome = await app.WithDbAsync(db => db.VisitOutcomes.AsNoTracking().SingleAsync());
        Assert.Equal((OutcomeKind.Refused, basis, staff), (outcome.Kind, outcome.LegalBasisId, outcome.RecordedByStaffId));
    }

    [Theory, Providers]
    public async Task The_database_itself_refuses_a_refusal_without_basis_an_interruption_without_reason_and_a_second_outcome(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = (await SeatStaffAsync(app, location, 1, [Exam]))[0];
        var ticket = await IssueAsync(app, location, service);

        async Task<bool> Refused(VisitOutcome outcome) => await app.WithDbAsync(async db =>
        {
            db.VisitOutcomes.Add(outcome);
            try
            {
                await db.SaveChangesAsync();
                return false;
            }
            catch (DbUpdateException)
            {
                return true;
            }
        });
        VisitOutcome Outcome(OutcomeKind kind) => new() { TicketId = ticket.Id, Kind = kind, RecordedByStaffId = staff, RecordedAtUtc = app.Clock.GetUtcNow().UtcDateTime };

        Assert.True(await Refused(Outcome(OutcomeKind.Refused)));
        Assert.True(await Refused(Outcome(OutcomeKind.Interrupted)));
        Assert.True(await Refused(Outcome(OutcomeKind.Referred)));
        Assert.False(await Refused(Outcome(OutcomeKind.Completed)));
        Assert.True(await Refused(Outcome(OutcomeKind.Completed)));
    }

    [Theory, Providers]
    public async Task A_ticket_is_issued_only_in_a_walk_in_window_and_says_when_the_next_one_starts(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 10, 15, 0, TimeSpan.Zero)); // 12:15 in Riga: the break

        var outcome = await InScopeAsync<IssueOutcome, Tickets>(app, t => t.IssueAsync(new TicketRequest(location, service, TicketSource.Kiosk)));

        var refused = Assert.IsType<IssueOutcome.NotWalkInTime>(outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 12, 30, 0, TimeSpan.FromHours(2)), refused.NextWalkIn);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_hundred_tickets_issued_at_once_get_the_numbers_one_to_a_hundred(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);

        var tickets = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => IssueAsync(app, location, service))));

        Assert.Equal(Enumerable.Range(1, 100), tickets.Select(t => t.Number).Order());
        Assert.All(tickets, t => Assert.Equal("C", t.Letter));
        Assert.Equal("C001", tickets.Single(t => t.Number == 1).Code);
    }

    [Theory, Providers]
    public async Task One_person_holds_one_remote_ticket(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var request = new TicketRequest(location, service, TicketSource.Remote, Phone: "29123456");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            InScopeAsync<IssueOutcome, Tickets>(app, t => t.IssueAsync(request with { Phone = "+371 2912 3456" })))));

        var issued = Assert.Single(outcomes.OfType<IssueOutcome.Issued>());
        Assert.All(outcomes.OfType<IssueOutcome.AlreadyQueued>(), o => Assert.Equal(issued.Ticket.Code, o.Code));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, Providers]
    public async Task The_lobby_and_a_ticket_show_who_was_called_where_how_many_wait_and_an_estimate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await PlaceAsync(app);
        var staff = await SeatStaffAsync(app, location, 2, [Exam]);
        var tickets = new List<Ticket>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add(await IssueAsync(app, location, service));
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var call = await InScopeAsync<DeskResult, QueueDesk>(app, d => d.CallNextAsync(staff[0]));
        var lobby = await InScopeAsync<LobbyView?, QueueState>(app, s => s.LobbyAsync(location));
        var last = await InScopeAsync<TicketView?, QueueState>(app, s => s.TicketAsync(tickets[4].Id));

        var shown = Assert.Single(lobby!.Called);
        Assert.Equal(("C001", 1, "Desk Nr1", "Speciālists"), (shown.Code, shown.DeskNumber, shown.StaffName, shown.PositionLv));
        Assert.True(lobby.WalkInOpen);
        Assert.Equal((2, 4), (lobby.DesksOpen, lobby.Waiting));
        Assert.Equal(new GroupWait("C", 4, 30), Assert.Single(lobby.Groups)); // 4 ahead × 15 min ÷ 2 desks
        Assert.Equal((TicketStatus.Waiting, 3, 23), (last!.Status, last.Ahead, last.EstimatedMinutes));
        Assert.Equal(call.Ticket!.Id, tickets[0].Id);
    }
}
