using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Jobs;
using Monitor.Core.Store;

namespace Monitor.Core.Cli;

/// <summary>
/// A verb that runs one pipeline job inline through the <see cref="JobRunner"/> (so the run is recorded in job_runs like a
/// scheduled one) and prints the job's one-line summary; the one way stages expose "run now" on the command line.
/// </summary>
public sealed class RunJobCommand(string name, string jobKey, IServiceProvider services) : ICliCommand
{
    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var runner = services.GetRequiredService<JobRunner>();
            await output.WriteLineAsync(await runner.RunAsync(jobKey, cancellationToken));
            return 0;
        }
        catch (Exception ex) when (ex is not StoreUnavailableException and not OperationCanceledException)
        {
            await args.Error.WriteLineAsync($"monitor {name}: {ex.Message.Split('\n')[0]}");
            return 1;
        }
    }

    /// <summary>Registers the verb <paramref name="name"/> that runs <paramref name="jobKey"/>, described in help by <paramref name="description"/>.</summary>
    public static IServiceCollection Register(IServiceCollection services, string name, string jobKey, string description) =>
        services.AddCliVerb(new CliVerb(() => new Command(name, description), sp => new RunJobCommand(name, jobKey, sp)));
}
