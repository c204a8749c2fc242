using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Monitor.Present.Email.Digest;

namespace Monitor.Present.Email.Delivery;

/// <summary>
/// Sends through an SMTP server with MailKit. 4xx replies and connection trouble are transient (retried with back-off),
/// 5xx replies permanent (recorded as failed).
/// </summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        // The whole attempt ends well inside the send lease, so no second sender can start while this one still talks.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.SendLease / 2);
        try
        {
            await client.ConnectAsync(settings.SmtpHost ?? "", settings.SmtpPort, TlsMode(settings.TlsMode), deadline.Token);
            if (!string.IsNullOrEmpty(settings.UserName))
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", deadline.Token);
            var reply = await client.SendAsync(DigestMessage.FromBytes(message.Mime), deadline.Token);
            await DisconnectQuietly(client);
            return DeliveryResult.Sent(reply);
        }
        catch (SmtpCommandException ex)
        {
            await DisconnectQuietly(client);
            var code = (int)ex.StatusCode;
            var error = $"{code} {ex.Message.Trim()}";
            return code >= 500 ? DeliveryResult.Permanent(error) : DeliveryResult.Transient(error);
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            await DisconnectQuietly(client);
            return DeliveryResult.Transient($"{ex.GetType().Name}: {ex.Message.Trim()}");
        }
    }

    public static SecureSocketOptions TlsMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        "auto" or null or "" => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Email:TlsMode '{mode}' is not one of auto, starttls, ssl, none"),
    };

    /// <summary>Connection trouble, protocol hiccups, timeouts and authentication refusals may pass; retry them.</summary>
    private static bool IsTransient(Exception ex) => ex is SmtpProtocolException or IOException or SocketException or TimeoutException
        or ServiceNotConnectedException or OperationCanceledException or AuthenticationException or SslHandshakeException;

    private static async Task DisconnectQuietly(SmtpClient client)
    {
        if (!client.IsConnected) return;
        try { await client.DisconnectAsync(quit: true, CancellationToken.None); }
        catch (Exception ex) when (IsTransient(ex)) { /* the message's fate is already decided */ }
    }
}
