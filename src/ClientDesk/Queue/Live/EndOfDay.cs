using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Live;

/// <summary>
/// End of day (issue 5, item 5): once the last window of a location's day has ended, its tickets still Waiting,
/// Called or Parked are closed with <see cref="Reason"/>; leftovers of earlier days are closed too (at start-up, or
/// after a day the app did not run). Nothing is deleted; Serving tickets stay for the staff member to finish.
/// </summary>
public sealed class EndOfDay(ClientDeskDb db, CalendarStore calendars, IQueueEvents events)
{
    /// <summary>The reason stored on the ticket (Latvian, as the record is kept; the pages translate it).</summary>
    public const string Reason = "Darba laika beigas";

    /// <summary>Closes what is left at every location as of <paramref name="instant"/>; returns how many tickets it closed.</summary>
    public async Task<int> CloseAsync(DateTimeOffset instant, CancellationToken ct = default)
    {
        var local = TimeZoneInfo.ConvertTime(instant, RigaTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var calendar = await calendars.GetAsync(db, ct);
        var locations = await db.Tickets.AsNoTracking()
            .Where(t => t.Date <= today && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Parked))
            .Select(t => t.LocationId).Distinct().ToListAsync(ct);
        var closed = 0;
        foreach (var locationId in locations)
        {
            var windows = calendar.Day(locationId, today).Windows;
            var todayIsOver = windows.Count == 0 || time >= windows.Max(w => w.End);
            var lastDate = todayIsOver ? today : today.AddDays(-1);
            var version = Guid.NewGuid();
            var count = await db.Tickets
                .Where(t => t.LocationId == locationId && t.Date <= lastDate
                    && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Parked))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TicketStatus.Closed)
                    .SetProperty(t => t.ClosedReason, Reason)
                    .SetProperty(t => t.ActivePersonKey, (string?)null)
                    .SetProperty(t => t.Version, version), ct);
            if (count > 0)
            {
                closed += count;
                await events.ChangedAsync(locationId, ct);
            }
        }

        return closed;
    }
}

/// <summary>Runs <see cref="EndOfDay"/> at start-up and then every minute, on the app's clock.</summary>
public sealed class EndOfDayService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EndOfDayService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await scope.ServiceProvider.GetRequiredService<EndOfDay>().CloseAsync(clock.GetUtcNow(), stoppingToken);
                if (closed > 0)
                {
                    log.LogInformation("Closed {Count} queue tickets at the end of the day.", closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Closing the queue's day failed; trying again in a minute.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
