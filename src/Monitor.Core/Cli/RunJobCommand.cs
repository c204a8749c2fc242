using System.CommandLine;
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
public sealed class RunJobCommand(string name, string jobKey, IServiceProvider services, RunJobCommand.AsOfRun? asOfRun = null) : ICliCommand
{
    /// <summary>The job's read-only run as of a past instant; returns its summary.</summary>
    public delegate Task<string> AsOfRun(IServiceProvider services, CommandLineArgs args, DateTime asOf, CancellationToken cancellationToken);

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
        catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException and not CommandLineException)
        {
            await args.Error.WriteLineAsync($"monitor {name}: {ex.Message.Split('\n')[0]}");
            return 1;
        }
    }

    /// <summary>
    /// Registers the verb <paramref name="name"/> that runs <paramref name="jobKey"/>, described in help by
    /// <paramref name="description"/>; with <paramref name="asOfRun"/> it also takes <c>--as-of DATE</c> and the
    /// <paramref name="asOfOptions"/> that run reads.
    /// </summary>
    public static IServiceCollection Register(IServiceCollection services, string name, string jobKey, string description,
        AsOfRun? asOfRun = null, Func<IEnumerable<Option>>? asOfOptions = null) =>
        services.AddCliVerb(new CliVerb(() => Define(name, description, asOfRun is not null, asOfOptions), sp => new RunJobCommand(name, jobKey, sp, asOfRun)));

    private static Command Define(string name, string description, bool asOf, Func<IEnumerable<Option>>? asOfOptions)
    {
        var command = new Command(name, description);
        if (!asOf) return command;
        command.Options.Add(new Option<string>("--as-of") { Description = "compute from what was known at this date and print it; nothing is written to the store", HelpName = "DATE" });
        foreach (var option in asOfOptions?.Invoke() ?? []) command.Options.Add(option);
        return command;
    }
}
