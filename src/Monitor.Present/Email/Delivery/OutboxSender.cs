using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monitor.Present.Email.Delivery;

/// <summary>Sends every due outbox message under its lease and records the outcome: sent, retry with back-off, or failed.</summary>
public sealed class OutboxSender(Outbox outbox, IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
{
    /// <summary>Due keys read per query; a pass reads batch after batch until none is left.</summary>
    internal int BatchSize { get; set; } = 100;

    public async Task<SendReport> SendDueAsync(CancellationToken cancellationToken)
    {
        var report = new SendReport();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        // Due keys come in batches; keep going until a batch brings nothing new (a key another run is sending, or one
        // this pass already tried, is not tried twice).
        while (outbox.DueKeys(Now(), BatchSize).Where(tried.Add).ToList() is { Count: > 0 } batch)
        {
            foreach (var key in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = Now();
                if (outbox.TryLease(key, now, now + options.Value.SendLease) is not { } message) continue;
                Record(message, await TrySendAsync(message, cancellationToken), report);
            }
        }
        return report;
    }

    /// <summary>An unexpected error of the transport (a full disk for .eml files, a bug) counts as transient, so it is retried and shown.</summary>
    private async Task<DeliveryResult> TrySendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await transport.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "e-mail {Key}: transport error", message.IdempotencyKey);
            return DeliveryResult.Transient($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Delay before attempt n+1 after n failed attempts: base × 2^(n−1), at most the configured maximum.</summary>
    public static TimeSpan Backoff(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks));
        return delay < baseDelay ? baseDelay : delay;
    }

    private void Record(OutboxMessage message, DeliveryResult result, SendReport report)
    {
        var now = Now();
        var settings = options.Value;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Accepted:
                outbox.MarkDelivered(message.IdempotencyKey, result.AcceptedStatus, result.Detail, now);
                report.Delivered++;
                break;
            case DeliveryOutcome.Transient when message.Attempts < settings.MaxAttempts:
                var next = now + Backoff(message.Attempts, settings.RetryBaseDelay, settings.RetryMaxDelay);
                outbox.MarkRetry(message.IdempotencyKey, $"attempt {message.Attempts}: {result.Detail}", next);
                logger.LogWarning("e-mail {Key} to {Recipient}: transient failure, retry at {Next:O}: {Error}", message.IdempotencyKey, message.Recipient, next, result.Detail);
                report.Retrying++;
                break;
            default:
                var reason = result.Outcome == DeliveryOutcome.Permanent ? result.Detail : $"gave up after {message.Attempts} attempts: {result.Detail}";
                outbox.MarkFailed(message, reason, now);
                logger.LogError("e-mail {Key} to {Recipient} failed: {Error}", message.IdempotencyKey, message.Recipient, reason);
                report.Failed++;
                break;
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Counts of one sending pass.</summary>
public sealed class SendReport
{
    public int Delivered { get; set; }
    public int Retrying { get; set; }
    public int Failed { get; set; }
}
