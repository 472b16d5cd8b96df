using System.Security.Claims;
using ClientDesk.Access;
using ClientDesk.Administration;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Queue;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.OnSite.Planning;

public enum PlanProblem
{
    /// <summary>Someone changed the round meanwhile; nothing was saved.</summary>
    ChangedMeanwhile,

    /// <summary>A request is already in another round (the unique index on the stop's request said so).</summary>
    AlreadyPlanned,

    /// <summary>A request is no longer waiting to be planned (planned elsewhere, visited or cancelled).</summary>
    NotOpen,

    NoRequests,
    BadWindow,

    /// <summary>The visit's outcome is recorded: the stop stays as it is.</summary>
    OutcomeRecorded,
}

/// <summary>What a planning action did: the round it concerns, or the problem that stopped it (nothing saved).</summary>
public sealed record PlanResult(int? RoundId, PlanProblem? Problem, IReadOnlyList<string> Numbers)
{
    public bool Succeeded => Problem is null;

    public static PlanResult Done(int roundId) => new(roundId, null, []);

    public static PlanResult Failed(PlanProblem problem, IReadOnlyList<string>? numbers = null) => new(null, problem, numbers ?? []);
}

/// <summary>A new day's round: who goes, from where, when, which requests, and how to propose the windows.</summary>
public sealed record NewRound(int LocationId, DateOnly Date, string InspectorStaffId, IReadOnlyList<int> RequestIds, WindowProposal Windows);

/// <summary>
/// An inspector's day on the road (ADR 012): a round is made from a region's open requests, ordered automatically
/// (<see cref="StopOrder"/>) and then by hand, with an arrival window per stop. Every change is saved under the round's
/// version; a request sits in one round at a time (the unique index decides when two planners race). A change to what
/// a client was told (the date or the window) makes the stop "to be told again"; removing a told stop tells the client.
/// </summary>
public sealed class Rounds(ClientDeskDb db, StaffScope scope, RoundNotices notices, TimeProvider clock)
{
    public static readonly OnSiteStatus[] Open = [OnSiteStatus.Requested, OnSiteStatus.OtherDayAsked];

    /// <summary>The regions whose requests the member plans, from their locations; null for all (director, administrator).</summary>
    public async Task<IReadOnlySet<int>?> RegionIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var locations = await scope.LocationIdsAsync(user, ct);
        if (locations is null)
        {
            return null;
        }

        var regions = await db.Locations.AsNoTracking().Where(l => locations.Contains(l.Id)).Select(l => l.RegionId).Distinct().ToListAsync(ct);
        return regions.ToHashSet();
    }

    public static bool Suits(OnSiteRequest request, DateOnly date) =>
        date >= request.EarliestDate && date <= request.LatestDate && request.SuitableWeekdays.HasFlag(date.DayOfWeek.ToWeekdays());

    public async Task<PlanResult> CreateAsync(NewRound plan, string staffId, CancellationToken ct = default)
    {
        if (plan.RequestIds.Count == 0)
        {
            return PlanResult.Failed(PlanProblem.NoRequests);
        }

        var office = await db.Locations.AsNoTracking().SingleAsync(l => l.Id == plan.LocationId, ct);
        var requests = await db.OnSiteRequests.Include(r => r.Stop).Where(r => plan.RequestIds.Contains(r.Id)).ToListAsync(ct);
        var notOpen = requests.Where(r => !Open.Contains(r.Status) || r.Stop is not null).Select(r => r.Number).ToList();
        if (notOpen.Count > 0 || requests.Count != plan.RequestIds.Distinct().Count())
        {
            return PlanResult.Failed(PlanProblem.NotOpen, notOpen);
        }

        var round = new InspectionRound
        {
            LocationId = plan.LocationId,
            Date = plan.Date,
            InspectorStaffId = plan.InspectorStaffId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByStaffId = staffId,
        };
        var ordered = Order(office.Latitude, office.Longitude, requests);
        var windows = plan.Windows.For([.. ordered.Select(r => r.Machines)]);
        for (var i = 0; i < ordered.Count; i++)
        {
            round.Stops.Add(new RoundStop { Request = ordered[i], Position = i + 1, ArriveFrom = windows[i].From, ArriveTo = windows[i].To });
        }

        db.InspectionRounds.Add(round);
        return await SaveAsync(round, ct);
    }

    /// <summary>Moves a stop one place up (-1) or down (+1).</summary>
    public Task<PlanResult> MoveAsync(int roundId, Guid version, int stopId, int step, CancellationToken ct = default) =>
        ChangeAsync(roundId, version, round =>
        {
            var stops = round.Stops.OrderBy(s => s.Position).ToList();
            var index = stops.FindIndex(s => s.Id == stopId);
            var other = index + Math.Sign(step);
            if (index >= 0 && other >= 0 && other < stops.Count)
            {
                (stops[index], stops[other]) = (stops[other], stops[index]);
                Renumber(stops);
            }

            return null;
        }, ct);

    /// <summary>Orders the stops again automatically and proposes fresh windows (for stops without an outcome).</summary>
    public Task<PlanResult> ProposeAsync(int roundId, Guid version, WindowProposal proposal, bool reorder, CancellationToken ct = default) =>
        ChangeAsync(roundId, version, round =>
        {
            var stops = round.Stops.OrderBy(s => s.Position).ToList();
            if (reorder)
            {
                var ordered = Order(round.Location.Latitude, round.Location.Longitude, [.. stops.Select(s => s.Request)]);
                stops = [.. ordered.Select(r => stops.Single(s => s.OnSiteRequestId == r.Id))];
                Renumber(stops);
            }

            var windows = proposal.For([.. stops.Select(s => s.Request.Machines)]);
            for (var i = 0; i < stops.Count; i++)
            {
                if (stops[i].Outcome is null)
                {
                    SetWindow(stops[i], windows[i].From, windows[i].To);
                }
            }

            return null;
        }, ct);

    /// <summary>Saves the date and the windows typed by hand.</summary>
    public Task<PlanResult> SaveAsync(int roundId, Guid version, DateOnly date, IReadOnlyDictionary<int, (TimeOnly From, TimeOnly To)> windows, CancellationToken ct = default) =>
        ChangeAsync(roundId, version, round =>
        {
            if (windows.Values.Any(w => w.From >= w.To))
            {
                return PlanProblem.BadWindow;
            }

            if (round.Date != date)
            {
                round.Date = date;
                foreach (var stop in round.Stops.Where(s => s.Outcome is null))
                {
                    MarkChanged(stop);
                }
            }

            foreach (var stop in round.Stops.Where(s => s.Outcome is null))
            {
                if (windows.TryGetValue(stop.Id, out var window))
                {
                    SetWindow(stop, window.From, window.To);
                }
            }

            return null;
        }, ct);

    /// <summary>Takes a stop out of the round; a client already told is told that the visit is off, and the request waits again.</summary>
    public Task<PlanResult> RemoveAsync(int roundId, Guid version, int stopId, CancellationToken ct = default) =>
        ChangeAsync(roundId, version, round =>
        {
            var stop = round.Stops.SingleOrDefault(s => s.Id == stopId);
            if (stop is null)
            {
                return null;
            }

            if (stop.Outcome is not null)
            {
                return PlanProblem.OutcomeRecorded;
            }

            if (stop.Request.Status is OnSiteStatus.Planned or OnSiteStatus.Confirmed)
            {
                notices.Removed(round, stop);
                stop.Request.Status = OnSiteStatus.Requested;
            }

            stop.Request.Version = Guid.NewGuid();
            round.Stops.Remove(stop);
            db.RoundStops.Remove(stop);
            Renumber([.. round.Stops.OrderBy(s => s.Position)]);
            return null;
        }, ct);

    /// <summary>Adds open requests at the end of the round, with windows following the last stop's.</summary>
    public async Task<PlanResult> AddAsync(int roundId, Guid version, IReadOnlyList<int> requestIds, CancellationToken ct = default)
    {
        if (requestIds.Count == 0)
        {
            return PlanResult.Failed(PlanProblem.NoRequests);
        }

        var requests = await db.OnSiteRequests.Include(r => r.Stop).Where(r => requestIds.Contains(r.Id)).ToListAsync(ct);
        var notOpen = requests.Where(r => !Open.Contains(r.Status) || r.Stop is not null).Select(r => r.Number).ToList();
        if (notOpen.Count > 0 || requests.Count != requestIds.Distinct().Count())
        {
            return PlanResult.Failed(PlanProblem.NotOpen, notOpen);
        }

        return await ChangeAsync(roundId, version, round =>
        {
            var last = round.Stops.OrderBy(s => s.Position).LastOrDefault();
            var start = last?.ArriveTo ?? WindowProposal.Default.Start;
            var windows = (WindowProposal.Default with { Start = start }).For([.. requests.Select(r => r.Machines)]);
            var position = round.Stops.Count;
            for (var i = 0; i < requests.Count; i++)
            {
                round.Stops.Add(new RoundStop { Request = requests[i], Position = ++position, ArriveFrom = windows[i].From, ArriveTo = windows[i].To });
            }

            return null;
        }, ct);
    }

    /// <summary>
    /// Tells every client not yet told (or told something that has changed since) the date, the window, the inspector
    /// and the address, with a fresh status link; the request becomes Planned. Clients with neither an e-mail nor a
    /// mobile number are left untold and listed, to be phoned.
    /// </summary>
    public async Task<(PlanResult Result, IReadOnlyList<string> ToPhone)> NotifyAsync(int roundId, Guid version, CancellationToken ct = default)
    {
        var toPhone = new List<string>();
        var inspector = await db.InspectionRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.Inspector).SingleOrDefaultAsync(ct);
        var result = await ChangeAsync(roundId, version, round =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var stop in round.Stops.Where(s => s.NotifiedAtUtc is null && s.Outcome is null).OrderBy(s => s.Position))
            {
                if (!notices.Planned(round, stop, inspector!))
                {
                    toPhone.Add(stop.Request.Number);
                    continue;
                }

                stop.NotifiedAtUtc = now;
                stop.Request.Status = stop.Request.Status == OnSiteStatus.Confirmed ? OnSiteStatus.Confirmed : OnSiteStatus.Planned;
                stop.Request.Version = Guid.NewGuid();
            }

            round.NotifiedAtUtc = now;
            return null;
        }, ct);
        return (result, toPhone);
    }

    /// <summary>Records how an on-site visit ended, with the desk's own checks (<see cref="QueueDesk"/>); the request is then Visited.</summary>
    public async Task<(int? OutcomeId, DeskProblem? Problem)> RecordOutcomeAsync(int stopId, string staffId, OutcomeInput input, CancellationToken ct = default)
    {
        if (await QueueDesk.CheckOutcomeAsync(db, input, ct) is { } problem)
        {
            return (null, problem);
        }

        var stop = await db.RoundStops.Include(s => s.Request).Include(s => s.Outcome).SingleAsync(s => s.Id == stopId, ct);
        if (stop.Outcome is not null)
        {
            return (null, DeskProblem.OutcomeAlreadyRecorded);
        }

        var outcome = QueueDesk.NewOutcome(input, staffId, clock.GetUtcNow().UtcDateTime);
        outcome.RoundStopId = stop.Id;
        db.VisitOutcomes.Add(outcome);
        stop.Request.Status = OnSiteStatus.Visited;
        stop.Request.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return (outcome.Id, null);
        }
        catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception) || exception is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, DeskProblem.OutcomeAlreadyRecorded);
        }
    }

    private static List<OnSiteRequest> Order(double? latitude, double? longitude, IReadOnlyList<OnSiteRequest> requests)
    {
        var byId = requests.ToDictionary(r => r.Id);
        var order = StopOrder.NearestNeighbour(latitude, longitude, [.. requests.OrderBy(r => r.Year).ThenBy(r => r.Sequence)
            .Select(r => new StopPlace(r.Id, r.Latitude, r.Longitude))]);
        return [.. order.Select(id => byId[id])];
    }

    private static void Renumber(List<RoundStop> stops)
    {
        for (var i = 0; i < stops.Count; i++)
        {
            stops[i].Position = i + 1;
        }
    }

    private static void SetWindow(RoundStop stop, TimeOnly from, TimeOnly to)
    {
        if (stop.ArriveFrom != from || stop.ArriveTo != to)
        {
            stop.ArriveFrom = from;
            stop.ArriveTo = to;
            MarkChanged(stop);
        }
    }

    /// <summary>What the client was told no longer holds: tell them again, and their confirmation needs giving again.</summary>
    private static void MarkChanged(RoundStop stop)
    {
        stop.NotifiedAtUtc = null;
        stop.ConfirmedAtUtc = null;
        if (stop.Request.Status == OnSiteStatus.Confirmed)
        {
            stop.Request.Status = OnSiteStatus.Planned;
            stop.Request.Version = Guid.NewGuid();
        }
    }

    private async Task<PlanResult> ChangeAsync(int roundId, Guid version, Func<InspectionRound, PlanProblem?> change, CancellationToken ct)
    {
        var round = await db.InspectionRounds.Include(r => r.Location).Include(r => r.Stops).ThenInclude(s => s.Request)
            .Include(r => r.Stops).ThenInclude(s => s.Outcome)
            .SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || round.Version != version)
        {
            return PlanResult.Failed(PlanProblem.ChangedMeanwhile);
        }

        if (change(round) is { } problem)
        {
            db.ChangeTracker.Clear();
            return PlanResult.Failed(problem);
        }

        return await SaveAsync(round, ct);
    }

    private async Task<PlanResult> SaveAsync(InspectionRound round, CancellationToken ct)
    {
        round.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return PlanResult.Done(round.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return PlanResult.Failed(PlanProblem.ChangedMeanwhile);
        }
        catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return PlanResult.Failed(PlanProblem.AlreadyPlanned);
        }
    }
}
