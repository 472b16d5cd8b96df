using System.Globalization;
using Npgsql;

namespace ClientDesk.Queue.Live;

/// <summary>
/// On PostgreSQL every instance may serve displays, so a change is announced to all of them with
/// <c>NOTIFY queue_changed, '&lt;locationId&gt;'</c>; <see cref="QueueChangeListener"/> on each instance (this one
/// included) hears it and feeds its <see cref="LobbyBroadcaster"/>.
/// </summary>
public sealed class PostgresQueueEvents(QueueNotifyConnection connection, LobbyBroadcaster broadcaster, ILogger<PostgresQueueEvents> log)
    : IQueueEvents
{
    public const string Channel = "queue_changed";

    public async Task ChangedAsync(int locationId, CancellationToken ct = default)
    {
        try
        {
            await using var command = connection.DataSource.CreateCommand("SELECT pg_notify(@channel, @location)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("location", locationId.ToString(CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The change is saved; at least this instance's displays learn of it. The others catch up at the next change.
            log.LogWarning(e, "NOTIFY for location {LocationId} failed.", locationId);
            broadcaster.Changed(locationId);
        }
    }
}

/// <summary>The database connection string as a data source of its own, for NOTIFY and the LISTEN connection.</summary>
public sealed class QueueNotifyConnection(IConfiguration configuration) : IDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(configuration.GetConnectionString("ClientDesk")!);

    public void Dispose() => DataSource.Dispose();
}

/// <summary>
/// Holds one connection that LISTENs to <c>queue_changed</c> and passes each location id to the broadcaster. When
/// the connection drops it reconnects with a growing pause (up to 30 s) and then refreshes everything watched,
/// since notifications sent meanwhile are lost.
/// </summary>
public sealed class QueueChangeListener(QueueNotifyConnection connection, LobbyBroadcaster broadcaster, ILogger<QueueChangeListener> log)
    : BackgroundService
{
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before they act).</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listen = await connection.DataSource.OpenConnectionAsync(stoppingToken);
                listen.Notification += (_, e) =>
                {
                    if (int.TryParse(e.Payload, NumberStyles.Integer, CultureInfo.InvariantCulture, out var locationId))
                    {
                        broadcaster.Changed(locationId);
                    }
                };
                await using (var command = new NpgsqlCommand($"LISTEN {PostgresQueueEvents.Channel}", listen))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                listening.TrySetResult();
                broadcaster.ChangedEverywhere();
                pause = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await listen.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Listening to queue changes failed; trying again in {Pause}.", pause);
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
