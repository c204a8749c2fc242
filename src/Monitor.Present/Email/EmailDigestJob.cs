using Monitor.Core.Jobs;
using Monitor.Present.Email.Delivery;
using Monitor.Present.Email.Digest;

namespace Monitor.Present.Email;

/// <summary>
/// Every minute: claims the digests that have fallen due and sends what the outbox holds (new, retries, abandoned).
/// Safe to run twice at once or to retry: the outbox key and the send lease decide who sends.
/// </summary>
public sealed class EmailDigestJob(DigestPlanner planner, OutboxSender sender) : IMonitorJob
{
    public string Key => JobKeys.EmailDigest;

    public string Name => "E-mail digests";

    public string? DefaultCron => "* * * * *";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var claims = planner.ClaimDue(cancellationToken);
        var sent = await sender.SendDueAsync(cancellationToken);
        var summary = $"digests claimed {claims.Claimed}, delivered {sent.Delivered}, retrying {sent.Retrying}, failed {sent.Failed}";
        // Failing the run records it in job_runs and lets Hangfire retry; what was claimed or sent stays done.
        if (claims.Errors.Count > 0)
            throw new InvalidOperationException($"{summary}; {claims.Errors.Count} subscription(s) not processed: {string.Join("; ", claims.Errors)}");
        return summary;
    }
}
