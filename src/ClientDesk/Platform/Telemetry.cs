using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ClientDesk.Platform;

internal static class Telemetry
{
    /// <summary>Traces and metrics go out over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT (or Telemetry:OtlpEndpoint) is set.</summary>
    public static IServiceCollection AddClientDeskTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ClientDesk"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.RecordException = true).AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentationIfAvailable().AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        return services;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", Notifications.OutboxDispatcher.MeterName);
}
