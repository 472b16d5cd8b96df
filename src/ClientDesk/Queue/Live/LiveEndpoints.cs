using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using ClientDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Queue.Live;

/// <summary>
/// The queue's Server-Sent Events: <c>/queue/{slug}/events</c> (event <c>lobby</c>: the lobby view, public, no personal
/// data) and <c>/queue/tickets/{id}/events?token=…</c> (event <c>ticket</c>: the ticket view). Each sends the current
/// state on connect and again on every change; a comment every 15 s keeps proxies from closing the stream.
/// </summary>
internal static class LiveEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>camelCase, statuses by name ("Waiting", "Called").</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Each view's encoded event, for as long as the view lives (views are pushed under one event name each).</summary>
    private static readonly ConditionalWeakTable<object, byte[]> Frames = new();

    public static IEndpointRouteBuilder MapQueueLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/queue/{slug}/events", LobbyEventsAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/queue/tickets/{id:int}/events", TicketEventsAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LobbyEventsAsync(
        string slug, HttpContext context, ClientDeskDb db, QueueState state, LobbyBroadcaster broadcaster, IHostApplicationLifetime lifetime)
    {
        var locationId = await db.Locations.Where(l => l.Slug == slug).Select(l => (int?)l.Id).SingleOrDefaultAsync(context.RequestAborted);
        if (locationId is not { } id)
        {
            return TypedResults.NotFound();
        }

        // Subscribe before the first read, so that no change between the two is missed.
        using var subscription = broadcaster.SubscribeLobby(id);
        var current = await state.LobbyAsync(id, context.RequestAborted);
        await StreamAsync(context, lifetime, "lobby", current!, subscription.Views);
        return TypedResults.Empty;
    }

    private static async Task<IResult> TicketEventsAsync(
        int id, string? token, HttpContext context, Tickets tickets, QueueState state, LobbyBroadcaster broadcaster, IHostApplicationLifetime lifetime)
    {
        if (await tickets.FindByTokenAsync(id, token, context.RequestAborted) is not { } ticket)
        {
            return TypedResults.NotFound();
        }

        using var subscription = broadcaster.SubscribeTicket(ticket.LocationId, ticket.Id);
        var current = await state.TicketAsync(ticket.Id, context.RequestAborted);
        await StreamAsync(context, lifetime, "ticket", current!, subscription.Views);
        return TypedResults.Empty;
    }

    private static async Task StreamAsync<T>(HttpContext context, IHostApplicationLifetime lifetime, string eventName, T first, ChannelReader<T> views)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.WriteAsync("retry: 3000\n\n", ct);
            await WriteEventAsync(response, eventName, first, ct);
            var wait = views.WaitToReadAsync(ct).AsTask();
            while (true)
            {
                var beat = Task.Delay(Heartbeat, ct);
                if (await Task.WhenAny(wait, beat) == beat)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    continue;
                }

                if (!await wait)
                {
                    return;
                }

                // Only the newest view matters: a display that fell behind skips straight to it.
                var latest = default(T);
                while (views.TryRead(out var view))
                {
                    latest = view;
                }

                await WriteEventAsync(response, eventName, latest!, ct);
                wait = views.WaitToReadAsync(ct).AsTask();
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the app is stopping: the stream simply ends.
        }
    }

    private static async Task WriteEventAsync<T>(HttpResponse response, string eventName, T view, CancellationToken ct)
    {
        // The broadcaster pushes one view object to every display: it is encoded once, not once per display.
        var frame = Frames.GetValue(view!, v => Encoding.UTF8.GetBytes($"event: {eventName}\ndata: {JsonSerializer.Serialize(v, v.GetType(), Json)}\n\n"));
        await response.Body.WriteAsync(frame, ct);
        await response.Body.FlushAsync(ct);
    }
}
