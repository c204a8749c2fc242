using Monitor.Core.Cli;
using Monitor.Core.Jobs;

namespace Monitor.Present.Email;

/// <summary>
/// <c>monitor email-digest</c>: one run of the digest job (claim what is due, send what the outbox holds), recorded in
/// job_runs like a scheduled run. For hosts without the job server, and to flush the outbox after fixing SMTP settings.
/// </summary>
public sealed class EmailDigestCommand(JobRunner runner) : ICliCommand
{
    public string Name => "email-digest";

    public string Usage => "email-digest                send the e-mail digests due now and retry the outbox (what the every-minute job does)";

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            await output.WriteLineAsync(await runner.RunAsync(JobKeys.EmailDigest, cancellationToken));
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"monitor email-digest: {ex.Message}");
            return 1;
        }
    }
}
