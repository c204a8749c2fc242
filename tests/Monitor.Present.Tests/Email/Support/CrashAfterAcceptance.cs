using Monitor.Present.Email.Delivery;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>Hands the message to the real transport, then "dies" before the outbox can record the acceptance.</summary>
public sealed class CrashAfterAcceptance(IMailTransport inner) : IMailTransport
{
    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await inner.SendAsync(message, cancellationToken);
        throw new ProcessDiedException();
    }
}

/// <summary>Stands for the process being killed at that point.</summary>
public sealed class ProcessDiedException : Exception
{
    public ProcessDiedException() : base("process died between SMTP acceptance and the outbox update")
    {
    }
}
