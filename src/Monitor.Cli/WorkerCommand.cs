using System.CommandLine;
using Monitor.Core.Cli;

namespace Monitor.Cli;

/// <summary>
/// <c>monitor worker</c>: a shard worker of a scaled-out deployment (docs/scale.md): the host with <c>Scale:Role=worker</c>,
/// a Hangfire server on the shared PostgreSQL job storage with no web and no store, taking only shard jobs.
/// </summary>
internal sealed class WorkerCommand : ICliVerb
{
    public static Command Define() => new("worker", "run a shard worker (no web, no store) on the shared job storage until stopped; see docs/scale.md")
    {
        new Option<string>("--postgres") { Description = "the job storage's connection string (else JobStorage:ConnectionString / JobStorage__ConnectionString)", HelpName = "CONNECTION" },
        new Option<string>("--shard-root") { Description = "the shared folder of shard files (else Scale:ShardRoot)", HelpName = "DIR" },
        new Option<int>("--threads") { Description = "shards computed at once (else JobStorage:WorkerCount)", HelpName = "N" },
    };

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var hostArgs = new List<string> { "--Scale:Role=worker" };
        if (args.Get("postgres") is { } postgres) hostArgs.AddRange(["--JobStorage:Kind=postgres", $"--JobStorage:ConnectionString={postgres}"]);
        if (args.Get("shard-root") is { } root) hostArgs.Add($"--Scale:ShardRoot={Path.GetFullPath(root)}");
        if (args.Has("threads")) hostArgs.Add($"--JobStorage:WorkerCount={args.Value<int>("threads")}");
        return WebHostProcess.RunAsync("worker", hostArgs, args, cancellationToken, WorkerEnvironment);
    }

    /// <summary>
    /// Workstation GC for a worker: the web host's default, server GC, gives every process one heap and GC threads per core,
    /// which a worker computing one shard at a time does not use, and several workers on one machine would multiply
    /// (ScaleBench's workers ran this way). DOTNET_gcServer=1 in the environment keeps server GC.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> WorkerEnvironment { get; } = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" };
}
