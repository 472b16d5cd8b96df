using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ClientDesk.Tests.Notifications;

/// <summary>A real SMTP server in the test process on a free loopback port, keeping every message it receives.</summary>
internal sealed class MailServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public MailServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>The app's settings for sending here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:SecureSocketOptions"] = "None",
    };

    /// <summary>Starts listening; returns once a connection is accepted.</summary>
    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Yield();
            }
        }

        Assert.Fail("The test SMTP server did not start listening.");
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            server.Shutdown();
            await stop.CancelAsync();
            try
            {
                await running!;
            }
            catch (OperationCanceledException)
            {
            }
        }

        stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
