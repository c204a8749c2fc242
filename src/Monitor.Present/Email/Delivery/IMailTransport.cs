namespace Monitor.Present.Email.Delivery;

/// <summary>Hands a stored message to the outside world: an SMTP server, or a folder of .eml files.</summary>
public interface IMailTransport
{
    /// <summary>Delivers the message; never throws for SMTP failures, it classifies them instead.</summary>
    Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>How an attempt ended: accepted (sent, or written to a file), worth retrying, or refused for good.</summary>
public enum DeliveryOutcome
{
    Accepted,
    Transient,
    Permanent,
}

/// <summary>The outcome of one attempt, the outbox status it leads to, and the server reply, file path or error.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string Detail, string AcceptedStatus = OutboxStatus.Sent)
{
    public static DeliveryResult Sent(string reply) => new(DeliveryOutcome.Accepted, reply);

    public static DeliveryResult Written(string path) => new(DeliveryOutcome.Accepted, path, OutboxStatus.Written);

    public static DeliveryResult Transient(string error) => new(DeliveryOutcome.Transient, error);

    public static DeliveryResult Permanent(string error) => new(DeliveryOutcome.Permanent, error);
}
