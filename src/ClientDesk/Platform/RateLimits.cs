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
        var perKeyMinute = configuration.GetValue("RateLimiting:ApiKeyPostsPerMinute", 600);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // API callers get a ProblemDetails answer; pages get the error page (status code pages re-execute).
            options.OnRejected = async (rejected, ct) =>
            {
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = "60";
                    await rejected.HttpContext.Response.WriteAsJsonAsync(
                        new Microsoft.AspNetCore.Mvc.ProblemDetails
                        {
                            Status = StatusCodes.Status429TooManyRequests,
                            Title = "Too many requests",
                            Detail = "Too many POSTs from this address (or with this API key) in a minute. Wait a minute and try again.",
                        },
                        (System.Text.Json.JsonSerializerOptions?)null,
                        "application/problem+json",
                        ct);
                }
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                // The error page re-executes the refused POST; it must not be refused again.
                HttpMethods.IsPost(context.Request.Method) && context.Features.Get<IStatusCodeReExecuteFeature>() is null
                    // A machine client with its own key has its own, larger limit (a wrong key is refused with 401 anyway).
                    ? context.Request.Headers[Access.ApiKeys.Header].ToString() is var key && Access.ApiKeys.LooksLikeKey(key)
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            "key:" + key,
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = perKeyMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                        : RateLimitPartition.GetFixedWindowLimiter(
                            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
        });
        return services;
    }
}
