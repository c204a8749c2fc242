using Monitor.Present.Email.Delivery;

namespace Monitor.Present.Tests.Email.Support;

/// <summary>
/// Hands the message to the real transport, then never returns: the process "dies" after the SMTP server accepted the
/// message and before the outbox could record it (nothing after this point runs, as with a killed process).
/// </summary>
public sealed class CrashAfterAcceptance(IMailTransport inner) : IMailTransport
{
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the inner transport has delivered.</summary>
    public Task Accepted => _accepted.Task;

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await inner.SendAsync(message, cancellationToken);
        _accepted.SetResult();
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
        throw new InvalidOperationException("unreachable");
    }
}
