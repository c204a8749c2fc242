using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Jobs;
using Monitor.Core.Store;

namespace Monitor.Core.Cli;

/// <summary>
/// A verb that runs one pipeline job inline through the <see cref="JobRunner"/> (so the run is recorded in job_runs like a
/// scheduled one) and prints the job's one-line summary; the one way stages expose "run now" on the command line.
/// A job that can look back takes <c>--as-of DATE</c>: it then computes from what was known at that date
/// (<see cref="RealTime.AsOf"/>) and prints what it would have said, writing nothing to the store.
/// </summary>
public sealed class RunJobCommand(string name, string jobKey, string usage, IServiceProvider services, RunJobCommand.AsOfRun? asOfRun = null) : ICliCommand
{
    /// <summary>The job's read-only run as of a past instant; returns its summary.</summary>
    public delegate Task<string> AsOfRun(IServiceProvider services, CommandLineArgs args, DateTime asOf, CancellationToken cancellationToken);

    public string Name => name;

    public string Usage => usage;

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            if (asOfRun is not null && args.GetDate("as-of") is { } asOf)
            {
                await output.WriteLineAsync(await asOfRun(services, args, asOf, cancellationToken));
                return 0;
            }
            var runner = services.GetRequiredService<JobRunner>();
            await output.WriteLineAsync(await runner.RunAsync(jobKey, cancellationToken));
            return 0;
        }
        catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"monitor {name}: {ex.Message.Split('\n')[0]}");
            return 1;
        }
    }

    /// <summary>Registers the verb for <paramref name="jobKey"/>.</summary>
    public static IServiceCollection Register(IServiceCollection services, string name, string jobKey, string usage, AsOfRun? asOfRun = null) =>
        services.AddSingleton<ICliCommand>(sp => new RunJobCommand(name, jobKey, usage, sp, asOfRun));
}
