using Monitor.Core.Cli;
using Monitor.Web;

namespace Monitor.Cli;

/// <summary><c>monitor serve [--db FILE] [--urls URL]</c>: runs the web host and job server, as command 1 of the README does.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public string Name => "serve";

    public string Usage => "serve [--db FILE] [--urls URL]   run the dashboard and the job server";

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var hostArgs = new List<string>();
        if (args.Get("urls") is { } urls) hostArgs.Add($"--urls={urls}");
        if (args.Get("db") is { } db) hostArgs.Add($"--Store:Path={Path.GetFullPath(db)}");
        return Task.FromResult(MonitorWebHost.Run([.. hostArgs]));
    }
}
