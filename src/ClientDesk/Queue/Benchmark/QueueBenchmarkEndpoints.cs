using ClientDesk.Access;
using ClientDesk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Benchmark;

/// <summary>
/// Endpoints for <c>benchmarks/queue-display.sh</c> only (issue 5, speed): seat staff at desks, issue walk-in tickets and
/// call next through the real engine (<see cref="Tickets"/>, <see cref="QueueDesk"/>) without a signed-in browser.
/// They are mapped only when the setting <c>Benchmark:QueueEndpoints</c> is <c>true</c>, and never in a normal run: they
/// have no sign-in, so the setting must not be set anywhere but in a throwaway benchmark.
/// </summary>
internal static class QueueBenchmarkEndpoints
{
    public const string Setting = "Benchmark:QueueEndpoints";

    public static IEndpointRouteBuilder MapQueueBenchmark(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue(Setting, false))
        {
            return app;
        }

        var group = app.MapGroup("/benchmark/queue/{slug}").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        group.MapPost("/desks", SeatStaffAsync);
        group.MapPost("/tickets", IssueAsync);
        group.MapPost("/desks/{number:int}/no-show", NoShowAsync);
        group.MapPost("/desks/{number:int}/call-next", CallNextAsync);
        return app;
    }

    /// <summary>Desks 1…count, each with its own staff member competent for every service of the location, seated.</summary>
    private static async Task<IResult> SeatStaffAsync(string slug, int count, ClientDeskDb db, UserManager<StaffMember> users, QueueDesk desk)
    {
        var location = await db.Locations.Include(l => l.Services).SingleOrDefaultAsync(l => l.Slug == slug);
        if (location is null || count is < 1 or > 99)
        {
            return TypedResults.NotFound();
        }

        for (var number = 1; number <= count; number++)
        {
            var userName = $"bench-{slug}-{number}";
            var staff = await users.FindByNameAsync(userName);
            if (staff is null)
            {
                staff = new StaffMember
                {
                    UserName = userName, FirstName = "Bench", LastName = $"Desk {number}", PositionLv = "Speciālists", PositionEn = "Specialist",
                    Locations = [location], Competences = location.Services.ToList(),
                };
                var created = await users.CreateAsync(staff);
                if (!created.Succeeded)
                {
                    return TypedResults.Problem(string.Join("; ", created.Errors.Select(e => e.Description)));
                }
            }

            var deskRow = await db.Desks.SingleOrDefaultAsync(d => d.LocationId == location.Id && d.Number == number);
            if (deskRow is null)
            {
                deskRow = new Desk { LocationId = location.Id, Number = number };
                db.Desks.Add(deskRow);
                await db.SaveChangesAsync();
            }

            if (deskRow.StaffMemberId != staff.Id && (await desk.OpenDeskAsync(deskRow.Id, staff.Id)).Problem is { } problem)
            {
                return TypedResults.Problem($"desk {number}: {problem}");
            }
        }

        return TypedResults.Ok(new { desks = count });
    }

    /// <summary>Walk-in tickets from the kiosk, spread over the location's services in turn.</summary>
    private static async Task<IResult> IssueAsync(string slug, int count, ClientDeskDb db, Tickets tickets)
    {
        var location = await db.Locations.AsNoTracking().Where(l => l.Slug == slug)
            .Select(l => new { l.Id, Services = l.Services.Where(s => s.IsActive).OrderBy(s => s.Id).Select(s => s.Id).ToList() }).SingleOrDefaultAsync();
        if (location is null || location.Services.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var outcome = await tickets.IssueAsync(new TicketRequest(location.Id, location.Services[i % location.Services.Count], TicketSource.Kiosk));
            if (outcome is not IssueOutcome.Issued issued)
            {
                return TypedResults.Problem($"ticket {i + 1}: {outcome}");
            }

            codes.Add(issued.Ticket.Code);
        }

        return TypedResults.Ok(new { issued = codes.Count });
    }

    /// <summary>The desk's called client did not come: frees the desk for the next call.</summary>
    private static async Task<IResult> NoShowAsync(string slug, int number, ClientDeskDb db, QueueDesk desk)
    {
        var seated = await SeatedAsync(db, slug, number);
        if (seated is null)
        {
            return TypedResults.NotFound();
        }

        var called = await db.Tickets.Where(t => t.DeskId == seated.Value.DeskId && t.Status == TicketStatus.Called).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        if (called is { } id)
        {
            await desk.NoShowAsync(seated.Value.StaffId, id);
        }

        return TypedResults.NoContent();
    }

    /// <summary>"Call next" at the desk, as its staff member would press it; answers the code called.</summary>
    private static async Task<IResult> CallNextAsync(string slug, int number, ClientDeskDb db, QueueDesk desk)
    {
        var seated = await SeatedAsync(db, slug, number);
        if (seated is null)
        {
            return TypedResults.NotFound();
        }

        var result = await desk.CallNextAsync(seated.Value.StaffId);
        return result.Succeeded ? TypedResults.Ok(new { code = result.Ticket!.Code }) : TypedResults.Conflict(new { problem = result.Problem.ToString() });
    }

    private static async Task<(int DeskId, string StaffId)?> SeatedAsync(ClientDeskDb db, string slug, int number)
    {
        var desk = await db.Desks.AsNoTracking().Where(d => d.Location.Slug == slug && d.Number == number && d.StaffMemberId != null)
            .Select(d => new { d.Id, d.StaffMemberId }).SingleOrDefaultAsync();
        return desk is null ? null : (desk.Id, desk.StaffMemberId!);
    }
}
