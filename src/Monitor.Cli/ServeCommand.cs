using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Monitor.Core.Cli;

namespace Monitor.Cli;

/// <summary><c>monitor serve [--urls URL] [--db FILE]</c>: runs the web host (dashboard, API, job server) as a child process (<see cref="WebHostProcess"/>).</summary>
internal sealed class ServeCommand : ICliVerb
{
    public static Command Define() => new("serve", "run the dashboard, the API and the job server (the Monitor.Web host) until stopped")
    {
        new Option<string>("--urls") { Description = "addresses to listen on, e.g. http://127.0.0.1:5080", HelpName = "URL" },
    };

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var hostArgs = new List<string>();
        if (args.Get("urls") is { } urls) hostArgs.Add($"--urls={urls}");
        if (args.Database is { } db) hostArgs.Add($"--Store:Path={Path.GetFullPath(db)}");
        return WebHostProcess.RunAsync("serve", hostArgs, args, cancellationToken);
    }
}

/// <summary>
/// Runs the web app's own build output as a child process: found through <c>MONITOR_WEB_HOST</c> (Monitor.Web.dll or
/// its folder) or else the path recorded at build time (Monitor.Cli.csproj references Monitor.Web for build order only).
/// The command line thus has no compile-time dependency on Monitor.Web (it carries no ASP.NET Core, Hangfire or Scalar).
/// The child shares this console and working directory, Ctrl+C and SIGTERM reach it, and its exit code is returned.
/// </summary>
internal static class WebHostProcess
{
    public const string WebHostVariable = "MONITOR_WEB_HOST";

    /// <summary>
    /// Starts <c>dotnet Monitor.Web.dll</c> with <paramref name="hostArgs"/> and waits for it to stop. <paramref name="environment"/>:
    /// variables the child gets unless this process already has them (the operator's setting wins).
    /// </summary>
    public static async Task<int> RunAsync(string verb, IEnumerable<string> hostArgs, CommandLineArgs args, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var webHost = LocateWebHost();
        if (webHost is null)
        {
            await args.Error.WriteLineAsync($"monitor {verb}: the web host (Monitor.Web.dll) is not built; run `dotnet build src/Monitor.Web` or set {WebHostVariable}");
            return 1;
        }
        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
        start.ArgumentList.Add(webHost);
        foreach (var arg in hostArgs) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            if (Environment.GetEnvironmentVariable(name) is null) start.Environment[name] = value;
        using var child = Process.Start(start)!;
        using var forward = ForwardStopSignals(child);
        try
        {
            await child.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Stop(child);
            await child.WaitForExitAsync(CancellationToken.None);
        }
        return child.ExitCode;
    }

    internal static string? LocateWebHost()
    {
        var configured = Environment.GetEnvironmentVariable(WebHostVariable);
        var candidate = configured is { Length: > 0 }
            ? Directory.Exists(configured) ? Path.Combine(configured, "Monitor.Web.dll") : configured
            : typeof(WebHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "MonitorWebHost")?.Value;
        return candidate is not null && File.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    /// <summary>The dotnet host running this process (so the child uses the same runtime), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    /// <summary>
    /// Ctrl+C reaches the child through the terminal already; this process only waits for it. SIGTERM (a service
    /// manager's stop) is passed on, so the host shuts down gracefully.
    /// </summary>
    private static IDisposable ForwardStopSignals(Process child)
    {
        ConsoleCancelEventHandler wait = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += wait;
        var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Stop(child);
        });
        return new Unsubscribe(() =>
        {
            Console.CancelKeyPress -= wait;
            term.Dispose();
        });
    }

    private static void Stop(Process child)
    {
        if (child.HasExited) return;
        if (OperatingSystem.IsWindows() || Kill(child.Id, Sigterm) != 0) child.Kill(entireProcessTree: true);
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
