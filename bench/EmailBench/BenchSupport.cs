using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Charts;
using SmtpServer;
using SmtpServer.Storage;

namespace EmailBench;

/// <summary>A clock the benchmark moves by hand (digest periods depend on it).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Draws a plain ScottPlot line chart per series, at the size e-mails use.</summary>
public sealed class BenchChartRenderer : IChartRenderer
{
    public int Calls { get; private set; }

    public string SeriesSvg(string seriesId, ChartRequest request) => Plot(seriesId).GetSvgXml(request.Width, request.Height);

    public byte[] SeriesPng(string seriesId, ChartRequest request)
    {
        Calls++;
        return Plot(seriesId).GetImageBytes(request.Width, request.Height, ScottPlot.ImageFormat.Png);
    }

    private static ScottPlot.Plot Plot(string seriesId)
    {
        var plot = new ScottPlot.Plot();
        var ys = Enumerable.Range(0, 120).Select(i => Math.Sin(i / 6.0) + i / 40.0).ToArray();
        plot.Add.Signal(ys);
        plot.Title(seriesId);
        return plot;
    }
}

/// <summary>An SMTP sink on 127.0.0.1 that accepts and counts every message.</summary>
public sealed class SinkSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _received;

    public SinkSmtpServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Counting(this));
        _server = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build(), services);
        _running = _server.StartAsync(_stop.Token);
        Thread.Sleep(200);
    }

    public int Port { get; }

    public int Received => Volatile.Read(ref _received);

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        try { _running.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { /* stopped */ }
    }

    private sealed class Counting(SinkSmtpServer owner) : MessageStore
    {
        public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._received);
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        }
    }
}

/// <summary>Series, alerts and alert events written with plain SQL, as the warning stage would.</summary>
public static class BenchData
{
    public static void Seed(MonitorStore store, int series, int alerts, DateTime at)
    {
        using var connection = store.Open();
        for (var s = 0; s < series; s++)
            Execute(connection, "INSERT INTO series (series_id, dataset, code, name, name_zh, domain, frequency) VALUES ($1, 'bench', $1, $2, $3, 'macro', 'M')",
                $"bench:s{s}", $"Series {s}", $"序列 {s}");
        string[] colours = ["red", "yellow", "lightblue", "blue"];
        string[] severities = ["critical", "warning", "info", "warning"];
        for (var a = 1; a <= alerts; a++)
        {
            Execute(connection, """
                INSERT INTO alerts (alert_id, dedup_key, rule, series_id, severity, colour, state, title, title_zh, opened_at, updated_at)
                VALUES ($1, $2, 'light', $3, $4, $5, 'open', $6, $7, $8, $8)
                """, (long)a, $"bench:{a}", $"bench:s{a % series}", severities[a % 4], colours[a % 4], $"Alert {a}", $"预警 {a}", at);
            Execute(connection, "INSERT INTO alert_events (event_id, alert_id, occurred_at, event, severity) VALUES ($1, $1, $2, 'opened', $3)",
                (long)a, at, severities[a % 4]);
        }
    }

    private static void Execute(DuckDBConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        command.ExecuteNonQuery();
    }
}
