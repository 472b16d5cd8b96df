using System.Globalization;

namespace ClientDesk.Platform;

/// <summary>
/// A clock that starts at a configured instant and runs on in real time from there, for training, demos and
/// acceptance testing (Clock:StartAt, e.g. "2026-03-17T08:25:00+02:00"). Without the setting the real clock is used.
/// </summary>
internal sealed class DemoClock(DateTimeOffset startAt, TimeProvider real) : TimeProvider
{
    private readonly long startedTimestamp = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => startAt.ToUniversalTime() + real.GetElapsedTime(startedTimestamp);

    public override TimeZoneInfo LocalTimeZone => RigaTime.Zone;

    public static IServiceCollection AddClock(IServiceCollection services, IConfiguration configuration)
    {
        var startAt = configuration["Clock:StartAt"];
        if (string.IsNullOrWhiteSpace(startAt))
        {
            services.AddSingleton(TimeProvider.System);
            return services;
        }

        if (!DateTimeOffset.TryParse(startAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new InvalidOperationException($"Clock:StartAt '{startAt}' is not an instant such as 2026-03-17T08:25:00+02:00.");
        }

        services.AddSingleton<TimeProvider>(new DemoClock(instant, TimeProvider.System));
        return services;
    }
}

/// <summary>The agency's time zone: promises to people are local dates and times in Riga.</summary>
public static class RigaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime Now(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime);

    /// <summary>Today's date in Riga.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    /// <summary>
    /// The instant of a local date and time in Riga. A time that does not exist (the hour skipped when clocks go
    /// forward, 03:00–04:00 on the last Sunday of March) is read as the same time after the change (+1 hour); a time
    /// that happens twice (03:00–04:00 on the last Sunday of October) is read as its first occurrence (summer time).
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
