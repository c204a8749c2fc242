using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;

namespace Monitor.Present.Email.Delivery;

/// <summary>
/// The embedded default when no SMTP host is configured: each message becomes data/outbox/&lt;key&gt;.eml. The file name
/// comes from the idempotency key and is written atomically, so a repeated attempt replaces the file instead of adding one.
/// </summary>
public sealed class EmlFileTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public string Folder => MonitorPaths.Resolve(options.Value.OutboxFolder);

    public async Task<DeliveryResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, FileName(message.IdempotencyKey));
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, message.Mime, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return DeliveryResult.Written(path);
    }

    /// <summary>"digest-12-2026-11-30T00-00Z.eml" for key "digest:12:2026-11-30T00:00Z".</summary>
    public static string FileName(string idempotencyKey) =>
        new string(idempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()) + ".eml";
}
