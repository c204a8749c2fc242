using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Ingest.Tests.Sources.Api;

/// <summary>What the test server answers one request: status, body, type, headers; a declared length longer than the body cuts the connection mid-body.</summary>
internal sealed record Reply(int Status, string Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null, long? DeclaredLength = null, bool Chunked = false);

/// <summary>An HTTP server on 127.0.0.1 for the API tests: answers each request with the test's function and keeps every URL asked for.</summary>
internal sealed class ApiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public ApiServer(Func<HttpListenerRequest, Reply> answer)
    {
        Base = $"http://127.0.0.1:{FreePort()}/";
        _listener.Prefixes.Add(Base);
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                Requests.Enqueue(context.Request.Url!);
                Answer(context, answer(context.Request));
            }
        });
    }

    /// <summary>The server's root URL, ending in '/'.</summary>
    public string Base { get; }

    public ConcurrentQueue<Uri> Requests { get; } = new();

    private static void Answer(HttpListenerContext context, Reply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        if (reply.Chunked) response.SendChunked = true;
        else response.ContentLength64 = reply.DeclaredLength ?? bytes.Length;
        try
        {
            response.OutputStream.Write(bytes);
            if (reply.DeclaredLength is not null) { response.Abort(); return; }
            response.Close();
        }
        catch (HttpListenerException)
        {
            // The client went away: nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>A clock whose delays end at once (on the thread pool), keeping each wait asked for: back-off is tested without sleeping.</summary>
internal sealed class RecordedDelays : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waits.Enqueue(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Done();
    }

    private sealed class Done : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
