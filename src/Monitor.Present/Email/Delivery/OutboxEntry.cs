namespace Monitor.Present.Email.Delivery;

/// <summary>Outbox states: claimed and waiting, being sent under a lease, waiting for a retry, and the three ends.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Retry = "retry";
    public const string Sent = "sent";
    public const string Written = "written";
    public const string Failed = "failed";
}

/// <summary>A claimed digest to be inserted into the outbox, with the cursor move it stands for.</summary>
public sealed record OutboxClaim(
    string IdempotencyKey,
    long SubscriptionId,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    long FromEventId,
    long ToEventId,
    int EventCount,
    string Recipient,
    string Subject,
    string MessageId,
    byte[] Mime);

/// <summary>One outbox row as the outbox page and the tests see it.</summary>
public sealed record OutboxEntry(
    string IdempotencyKey,
    long SubscriptionId,
    DateTime PeriodEnd,
    int EventCount,
    string Recipient,
    string Subject,
    string MessageId,
    string Status,
    int Attempts,
    DateTime NextAttemptAt,
    string? LastError,
    string? DeliveredTo,
    DateTime CreatedAt,
    DateTime? FinishedAt);

/// <summary>A message this sender now owns (leased) and must try to deliver.</summary>
public sealed record OutboxMessage(string IdempotencyKey, long SubscriptionId, string Recipient, byte[] Mime, int Attempts, long FromEventId, long ToEventId);

/// <summary>Outbox idempotency keys: one per (subscription, digest period).</summary>
public static class OutboxKeys
{
    public static string Digest(long subscriptionId, Schedule.DigestPeriod period) =>
        $"digest:{subscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{period.Key}";
}
