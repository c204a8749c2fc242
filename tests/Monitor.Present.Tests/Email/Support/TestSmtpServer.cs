using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>
/// An SMTP server on 127.0.0.1 (SmtpServer package) that keeps what it accepts. <see cref="Reply"/> decides the reply
/// to the n-th message (1-based): accept, 451 (try later) or 550 (refused).
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _attempts;

    private TestSmtpServer(Func<int, int> reply)
    {
        Reply = reply;
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new KeepingStore(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        WaitUntilListening();
    }

    public int Port { get; }

    /// <summary>SMTP reply code for the n-th DATA transfer.</summary>
    public Func<int, int> Reply { get; set; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>Messages handed over so far, accepted or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public static TestSmtpServer Accepting() => new(_ => 250);

    /// <summary>Replies 451 to the first <paramref name="refusals"/> messages, then accepts.</summary>
    public static TestSmtpServer RefusingFirst(int refusals) => new(n => n <= refusals ? 451 : 250);

    public static TestSmtpServer Rejecting() => new(_ => 550);

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(x => x.Address == address)).ToList();

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        try { _running.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { /* cancelled on purpose */ }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void WaitUntilListening()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new InvalidOperationException($"test SMTP server did not start on port {Port}");
    }

    private sealed class KeepingStore(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref owner._attempts);
            var code = owner.Reply(attempt);
            if (code != 250) return Task.FromResult(new SmtpServer.Protocol.SmtpResponse((SmtpReplyCode)code, code >= 500 ? "mailbox unavailable" : "try again later"));
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Received.Enqueue(MimeMessage.Load(stream));
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}
