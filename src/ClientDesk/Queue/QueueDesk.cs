using ClientDesk.Administration;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientDesk.Queue;

/// <summary>How a visit ends (C-4, C-6, K-2): what the desk records with <see cref="QueueDesk.FinishAsync"/>.</summary>
public sealed record OutcomeInput(
    OutcomeKind Kind,
    int? LegalBasisId = null,
    string? Explanation = null,
    InterruptReason? InterruptReason = null,
    string? ReferredToStaffId = null,
    int? ReferralInstitutionId = null,
    string? Note = null);

/// <summary>Where a transfer sends the client: another service, a desk or a colleague (one of them). The place in time stays.</summary>
public sealed record TransferTarget(int? ServiceId = null, int? DeskId = null, string? StaffMemberId = null);

public enum DeskProblem
{
    /// <summary>The staff member has not chosen a desk.</summary>
    NoDesk,

    /// <summary>Someone else works at that desk.</summary>
    DeskTaken,

    /// <summary>The staff member still has a client called or at the desk: record the outcome (or no-show) first.</summary>
    FinishCurrentFirst,

    NothingWaiting,

    /// <summary>The ticket is not this staff member's to act on, or not in a state that allows the action.</summary>
    NotYours,

    /// <summary>The ticket changed meanwhile (another desk acted on it); nothing was saved.</summary>
    ChangedMeanwhile,

    /// <summary>Someone already recorded this visit's outcome.</summary>
    OutcomeAlreadyRecorded,

    MissingLegalBasis,
    MissingExplanation,
    MissingInterruptReason,
    MissingReferral,

    /// <summary>A transfer names no target, or a target that is not at this location or not competent.</summary>
    BadTransfer,
}

/// <summary>What a desk action did: the ticket it concerns, or the problem that stopped it (nothing saved).</summary>
public sealed record DeskResult(Ticket? Ticket, DeskProblem? Problem)
{
    public bool Succeeded => Problem is null;

    public static DeskResult Done(Ticket? ticket) => new(ticket, null);

    public static DeskResult Failed(DeskProblem problem) => new(null, problem);
}

/// <summary>
/// The desk workstation's actions (ADR 010): open a desk, call next by the written policy, recall, no-show, park,
/// transfer, start and finish with an outcome. Calling next claims a ticket with one conditional update, so two desks
/// pressing at the same instant can never get the same client and nobody is skipped.
/// </summary>
public sealed class QueueDesk(ClientDeskDb db, IQueueEvents events, IOptions<QueueOptions> options, TimeProvider clock)
{
    /// <summary>How many candidates one round of "call next" tries before reading the queue again.</summary>
    private const int CandidatesPerRound = 20;

    public async Task<Desk?> CurrentDeskAsync(string staffId, CancellationToken ct = default) =>
        await db.Desks.AsNoTracking().Include(d => d.Location).SingleOrDefaultAsync(d => d.StaffMemberId == staffId, ct);

    /// <summary>Sits the staff member at a desk (leaving any other desk); refused when someone else is at it.</summary>
    public async Task<DeskResult> OpenDeskAsync(int deskId, string staffId, CancellationToken ct = default)
    {
        var current = await CurrentDeskAsync(staffId, ct);
        if (current?.Id == deskId)
        {
            return DeskResult.Done(null);
        }

        if (current is not null && await HasClientAsync(staffId, ct))
        {
            return DeskResult.Failed(DeskProblem.FinishCurrentFirst);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Desks.Where(d => d.StaffMemberId == staffId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.StaffMemberId, (string?)null).SetProperty(d => d.OpenedAtUtc, (DateTime?)null), ct);
        var taken = await db.Desks.Where(d => d.Id == deskId && d.IsActive && d.StaffMemberId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.StaffMemberId, staffId).SetProperty(d => d.OpenedAtUtc, now).SetProperty(d => d.Version, Guid.NewGuid()), ct);
        if (taken != 1)
        {
            return DeskResult.Failed(DeskProblem.DeskTaken);
        }

        await transaction.CommitAsync(ct);
        var locationId = await db.Desks.Where(d => d.Id == deskId).Select(d => d.LocationId).SingleAsync(ct);
        await events.ChangedAsync(locationId, ct);
        if (current is not null && current.LocationId != locationId)
        {
            await events.ChangedAsync(current.LocationId, ct);
        }

        return DeskResult.Done(null);
    }

    /// <summary>Closes the staff member's desk; refused while a client is called or at the desk.</summary>
    public async Task<DeskResult> LeaveDeskAsync(string staffId, CancellationToken ct = default)
    {
        if (await HasClientAsync(staffId, ct))
        {
            return DeskResult.Failed(DeskProblem.FinishCurrentFirst);
        }

        var desk = await CurrentDeskAsync(staffId, ct);
        if (desk is null)
        {
            return DeskResult.Done(null);
        }

        await db.Desks.Where(d => d.Id == desk.Id && d.StaffMemberId == staffId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.StaffMemberId, (string?)null).SetProperty(d => d.OpenedAtUtc, (DateTime?)null).SetProperty(d => d.Version, Guid.NewGuid()), ct);
        await events.ChangedAsync(desk.LocationId, ct);
        return DeskResult.Done(null);
    }

    /// <summary>
    /// Calls the next client by the written policy (ADR 010), among today's waiting tickets at the desk's location that
    /// this staff member may serve (C-2: services they are competent for, or transferred to them or their desk):
    /// appointments due now by their time, then walk-ins in arrival order, then appointments that came early.
    /// </summary>
    public async Task<DeskResult> CallNextAsync(string staffId, CancellationToken ct = default)
    {
        var desk = await CurrentDeskAsync(staffId, ct);
        if (desk is null)
        {
            return DeskResult.Failed(DeskProblem.NoDesk);
        }

        if (await HasClientAsync(staffId, ct))
        {
            return DeskResult.Failed(DeskProblem.FinishCurrentFirst);
        }

        var competent = await db.Users.Where(u => u.Id == staffId).SelectMany(u => u.Competences.Select(c => c.Id)).ToListAsync(ct);
        var today = RigaTime.Today(clock);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var dueBy = now + options.Value.AppointmentCallAhead;
            var candidates = await db.Tickets.AsNoTracking()
                .Where(t => t.LocationId == desk.LocationId && t.Date == today && t.Status == TicketStatus.Waiting)
                .Where(t => t.TransferredToStaffId == staffId || t.TransferredToDeskId == desk.Id
                    || (t.TransferredToStaffId == null && t.TransferredToDeskId == null && competent.Contains(t.ServiceId)))
                .OrderBy(t => t.AppointmentId != null && t.DueAtUtc <= dueBy ? 0 : t.AppointmentId == null ? 1 : 2)
                .ThenBy(t => t.DueAtUtc ?? t.QueuedSinceUtc)
                .ThenBy(t => t.Id)
                .Select(t => t.Id)
                .Take(CandidatesPerRound)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return DeskResult.Failed(DeskProblem.NothingWaiting);
            }

            foreach (var id in candidates)
            {
                // Only one desk's update finds the ticket still waiting; the others move on to the next candidate.
                var claimed = await db.Tickets
                    .Where(t => t.Id == id && t.Status == TicketStatus.Waiting)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(t => t.Status, TicketStatus.Called)
                        .SetProperty(t => t.DeskId, desk.Id)
                        .SetProperty(t => t.StaffMemberId, staffId)
                        .SetProperty(t => t.CalledAtUtc, now)
                        .SetProperty(t => t.CallCount, t => t.CallCount + 1)
                        .SetProperty(t => t.TransferredToStaffId, (string?)null)
                        .SetProperty(t => t.TransferredToDeskId, (int?)null)
                        .SetProperty(t => t.Version, Guid.NewGuid()), ct);
                if (claimed == 1)
                {
                    await events.ChangedAsync(desk.LocationId, ct);
                    return DeskResult.Done(await LoadAsync(id, ct));
                }
            }
        }
    }

    /// <summary>
    /// Calls a particular client: out of order from the waiting list (only what this staff member may serve, as for
    /// call next — C-2), or back from their own parked ones.
    /// </summary>
    public async Task<DeskResult> CallAsync(string staffId, int ticketId, CancellationToken ct = default)
    {
        var desk = await CurrentDeskAsync(staffId, ct);
        if (desk is null)
        {
            return DeskResult.Failed(DeskProblem.NoDesk);
        }

        if (await HasClientAsync(staffId, ct))
        {
            return DeskResult.Failed(DeskProblem.FinishCurrentFirst);
        }

        var today = RigaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var competent = await db.Users.Where(u => u.Id == staffId).SelectMany(u => u.Competences.Select(c => c.Id)).ToListAsync(ct);
        var claimed = await db.Tickets
            .Where(t => t.Id == ticketId && t.LocationId == desk.LocationId && t.Date == today
                && ((t.Status == TicketStatus.Waiting
                        && (t.TransferredToStaffId == staffId || t.TransferredToDeskId == desk.Id
                            || (t.TransferredToStaffId == null && t.TransferredToDeskId == null && competent.Contains(t.ServiceId))))
                    || (t.Status == TicketStatus.Parked && t.ParkedByStaffId == staffId)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TicketStatus.Called)
                .SetProperty(t => t.DeskId, desk.Id)
                .SetProperty(t => t.StaffMemberId, staffId)
                .SetProperty(t => t.CalledAtUtc, now)
                .SetProperty(t => t.CallCount, t => t.CallCount + 1)
                .SetProperty(t => t.ParkedByStaffId, (string?)null)
                .SetProperty(t => t.TransferredToStaffId, (string?)null)
                .SetProperty(t => t.TransferredToDeskId, (int?)null)
                .SetProperty(t => t.Version, Guid.NewGuid()), ct);
        if (claimed != 1)
        {
            return DeskResult.Failed(DeskProblem.NotYours);
        }

        await events.ChangedAsync(desk.LocationId, ct);
        return DeskResult.Done(await LoadAsync(ticketId, ct));
    }

    /// <summary>Calls the same client again (shown and announced again on the display).</summary>
    public Task<DeskResult> RecallAsync(string staffId, int ticketId, CancellationToken ct = default) =>
        ChangeMineAsync(staffId, ticketId, [TicketStatus.Called], ticket =>
        {
            ticket.CallCount++;
            ticket.CalledAtUtc = clock.GetUtcNow().UtcDateTime;
            return null;
        }, ct);

    /// <summary>The called client did not come.</summary>
    public Task<DeskResult> NoShowAsync(string staffId, int ticketId, CancellationToken ct = default) =>
        ChangeMineAsync(staffId, ticketId, [TicketStatus.Called], ticket =>
        {
            ticket.Status = TicketStatus.NoShow;
            ticket.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            ticket.ActivePersonKey = null;
            return null;
        }, ct);

    /// <summary>The client is at the desk: service starts.</summary>
    public Task<DeskResult> StartAsync(string staffId, int ticketId, CancellationToken ct = default) =>
        ChangeMineAsync(staffId, ticketId, [TicketStatus.Called], ticket =>
        {
            ticket.Status = TicketStatus.Serving;
            ticket.ServingStartedAtUtc = clock.GetUtcNow().UtcDateTime;
            return null;
        }, ct);

    /// <summary>Sets the client aside in this staff member's pool (documents to fetch); only they call them back.</summary>
    public Task<DeskResult> ParkAsync(string staffId, int ticketId, CancellationToken ct = default) =>
        ChangeMineAsync(staffId, ticketId, [TicketStatus.Called, TicketStatus.Serving], ticket =>
        {
            ticket.Status = TicketStatus.Parked;
            ticket.ParkedByStaffId = staffId;
            ticket.DeskId = null;
            ticket.StaffMemberId = null;
            return null;
        }, ct);

    /// <summary>
    /// Sends the client to another service, desk or colleague. They wait again with their original place in time, and
    /// a transfer to a desk or a colleague is called only there.
    /// </summary>
    public async Task<DeskResult> TransferAsync(string staffId, int ticketId, TransferTarget target, CancellationToken ct = default)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !await IsValidTargetAsync(ticket.LocationId, target, ct))
        {
            return DeskResult.Failed(DeskProblem.BadTransfer);
        }

        return await ChangeMineAsync(staffId, ticketId, [TicketStatus.Called, TicketStatus.Serving], t =>
        {
            t.Status = TicketStatus.Waiting;
            t.ServiceId = target.ServiceId ?? t.ServiceId;
            t.TransferredToDeskId = target.DeskId;
            t.TransferredToStaffId = target.StaffMemberId;
            t.DeskId = null;
            t.StaffMemberId = null;
            t.ServingStartedAtUtc = null;
            return null;
        }, ct);
    }

    /// <summary>
    /// Ends the visit with its outcome (C-4, C-6, K-2). A refusal needs a legal basis in force and an explanation, an
    /// interruption its reason, a referral one recipient; the database refuses the same, and a second outcome.
    /// </summary>
    public async Task<DeskResult> FinishAsync(string staffId, int ticketId, OutcomeInput input, CancellationToken ct = default)
    {
        if (await CheckOutcomeAsync(db, input, ct) is { } problem)
        {
            return DeskResult.Failed(problem);
        }

        if (await db.VisitOutcomes.AnyAsync(o => o.TicketId == ticketId, ct))
        {
            return DeskResult.Failed(DeskProblem.OutcomeAlreadyRecorded);
        }

        try
        {
            return await ChangeMineAsync(staffId, ticketId, [TicketStatus.Called, TicketStatus.Serving], ticket =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                ticket.Status = TicketStatus.Finished;
                ticket.ServingStartedAtUtc ??= ticket.CalledAtUtc ?? now;
                ticket.FinishedAtUtc = now;
                ticket.ActivePersonKey = null;
                ticket.Outcome = NewOutcome(input, staffId, now);
                return null;
            }, ct);
        }
        catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return DeskResult.Failed(DeskProblem.OutcomeAlreadyRecorded);
        }
    }

    /// <summary>The outcome row for a checked input: only the fields its kind uses, texts trimmed.</summary>
    internal static VisitOutcome NewOutcome(OutcomeInput input, string staffId, DateTime now) => new()
    {
        Kind = input.Kind,
        LegalBasisId = input.Kind == OutcomeKind.Refused ? input.LegalBasisId : null,
        Explanation = input.Kind == OutcomeKind.Refused ? input.Explanation!.Trim() : null,
        InterruptReason = input.Kind == OutcomeKind.Interrupted ? input.InterruptReason : null,
        ReferredToStaffId = input.Kind == OutcomeKind.Referred ? input.ReferredToStaffId : null,
        ReferralInstitutionId = input.Kind == OutcomeKind.Referred && input.ReferredToStaffId is null ? input.ReferralInstitutionId : null,
        Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        RecordedAtUtc = now,
        RecordedByStaffId = staffId,
    };

    /// <summary>What an outcome lacks (a refusal's active legal basis and explanation, …), the same at a desk and on the road.</summary>
    internal static async Task<DeskProblem?> CheckOutcomeAsync(ClientDeskDb db, OutcomeInput input, CancellationToken ct)
    {
        switch (input.Kind)
        {
            case OutcomeKind.Refused when input.LegalBasisId is not { } basis || !await db.LegalBases.AnyAsync(b => b.Id == basis && b.IsActive, ct):
                return DeskProblem.MissingLegalBasis;
            case OutcomeKind.Refused when string.IsNullOrWhiteSpace(input.Explanation):
                return DeskProblem.MissingExplanation;
            case OutcomeKind.Interrupted when input.InterruptReason is null || !Enum.IsDefined(input.InterruptReason.Value):
                return DeskProblem.MissingInterruptReason;
            case OutcomeKind.Referred when input.ReferredToStaffId is { } colleague:
                return await db.Users.AnyAsync(u => u.Id == colleague && u.IsActive, ct) ? null : DeskProblem.MissingReferral;
            case OutcomeKind.Referred when input.ReferralInstitutionId is { } institution:
                return await db.ReferralInstitutions.AnyAsync(r => r.Id == institution && r.IsActive, ct) ? null : DeskProblem.MissingReferral;
            case OutcomeKind.Referred:
                return DeskProblem.MissingReferral;
            default:
                return null;
        }
    }

    private async Task<bool> IsValidTargetAsync(int locationId, TransferTarget target, CancellationToken ct)
    {
        var named = (target.ServiceId is null ? 0 : 1) + (target.DeskId is null ? 0 : 1) + (target.StaffMemberId is null ? 0 : 1);
        if (named != 1)
        {
            return false;
        }

        if (target.ServiceId is { } service)
        {
            return await db.Services.AnyAsync(s => s.Id == service && s.IsActive && s.Locations.Any(l => l.Id == locationId), ct);
        }

        if (target.DeskId is { } desk)
        {
            return await db.Desks.AnyAsync(d => d.Id == desk && d.IsActive && d.LocationId == locationId, ct);
        }

        return await db.Users.AnyAsync(u => u.Id == target.StaffMemberId && u.IsActive && u.Locations.Any(l => l.Id == locationId), ct);
    }

    private Task<bool> HasClientAsync(string staffId, CancellationToken ct) =>
        db.Tickets.AnyAsync(t => t.StaffMemberId == staffId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct);

    private Task<Ticket> LoadAsync(int ticketId, CancellationToken ct) =>
        db.Tickets.AsNoTracking().Include(t => t.Service).Include(t => t.Desk).Include(t => t.Outcome)
            .SingleAsync(t => t.Id == ticketId, ct);

    /// <summary>Loads one of this staff member's tickets in an allowed state, applies the change and saves it under the version token.</summary>
    private async Task<DeskResult> ChangeMineAsync(
        string staffId, int ticketId, TicketStatus[] allowed, Func<Ticket, DeskProblem?> change, CancellationToken ct)
    {
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !allowed.Contains(ticket.Status) || ticket.StaffMemberId != staffId)
        {
            return DeskResult.Failed(ticket?.Status == TicketStatus.Finished ? DeskProblem.OutcomeAlreadyRecorded : DeskProblem.NotYours);
        }

        if (change(ticket) is { } problem)
        {
            return DeskResult.Failed(problem);
        }

        ticket.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Failed(DeskProblem.ChangedMeanwhile);
        }

        await events.ChangedAsync(ticket.LocationId, ct);
        return DeskResult.Done(await LoadAsync(ticketId, ct));
    }
}
