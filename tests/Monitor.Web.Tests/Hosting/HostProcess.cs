using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Monitor.Testing;

namespace Monitor.Web.Tests.Hosting;

/// <summary>
/// The web host as a separate process (the built Monitor.Web.dll), on a free loopback port, with its store and job
/// storage in <see cref="Folder"/>; its console output is collected so tests can wait for log lines.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output => string.Join('\n', _lines);

    public static HostProcess Start(string folder, IDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory.Replace(Path.Combine("tests", "Monitor.Web.Tests"), Path.Combine("src", "Monitor.Web"), StringComparison.Ordinal), "Monitor.Web.dll");
        Assert.IsTrue(File.Exists(dll), $"Monitor.Web is built with the tests (project reference): {dll}");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = address.ToString().TrimEnd('/'),
            ["Store__Path"] = Path.Combine(folder, "monitor.duckdb"),
            ["Store__MemoryLimit"] = "512MB",
            ["JobStorage__Kind"] = "sqlite",
            ["JobStorage__SqlitePath"] = Path.Combine(folder, "hangfire.db"),
            ["JobStorage__PollInterval"] = "00:00:01",
            ["Ingest__CacheFolder"] = Path.Combine(folder, "ingest-cache"),
            ["Email__OutboxFolder"] = Path.Combine(folder, "outbox"),
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new HostProcess(Process.Start(start)!, address);
    }

    /// <summary>Waits until a console line contains <paramref name="text"/>; fails with the output so far if it never does.</summary>
    public async Task WaitForLine(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal))) return;
            if (_process.HasExited) Assert.Fail($"the host ended (exit {_process.ExitCode}) before printing '{text}':\n{Output}");
            await Task.Delay(100);
        }
        Assert.Fail($"the host did not print '{text}' within {timeout}:\n{Output}");
    }

    public bool Printed(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL: the process ends at once, with no shutdown code run.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the host shuts down as a service manager would ask it to.</summary>
    public void Stop()
    {
        if (_process.HasExited) return;
        using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        term.WaitForExit();
        if (!_process.WaitForExit(30_000)) KillHard();
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
