using Monitor.Core.Cli;
using Monitor.Core.Jobs;

namespace Monitor.Warn.Cli;

/// <summary>
/// <c>monitor warn</c>: runs the warn job inline (recorded in job_runs) and prints its one-line summary. The job runner is
/// resolved only when the verb runs, so listing verbs or running evaluate-warnings never opens the store.
/// </summary>
public sealed class WarnCommand(IServiceProvider services) : ICliCommand
{
    public string Name => "warn";

    public string Usage => "warn    run the early-warning stage now (anomalies, lights, composites, alerts)";

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var runner = (JobRunner)services.GetService(typeof(JobRunner))!;
            await output.WriteLineAsync(await runner.RunAsync(JobKeys.Warn, cancellationToken));
            return 0;
        }
        catch (Exception ex) when (ex is not Core.Store.StoreUnavailableException and not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"monitor warn: {ex.Message.Split('\n')[0]}");
            return 1;
        }
    }
}
