using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;

namespace ClientDesk.Platform;

internal static class RateLimits
{
    /// <summary>
    /// Every POST is limited per client address (RateLimiting:PostsPerMinute, 30 by default): enough for a
    /// person filling in forms, too few for a script guessing passwords or flooding bookings.
    /// </summary>
    public static IServiceCollection AddPublicPostRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimiting:PostsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                // The error page re-executes the refused POST; it must not be refused again.
                HttpMethods.IsPost(context.Request.Method) && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
        });
        return services;
    }
}
