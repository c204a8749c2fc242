using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Monitor.Present.Email.Digest;

/// <summary>
/// Builds the MIME message of a digest: text and HTML alternatives, charts as related PNG parts by Content-ID,
/// RFC 2369 / RFC 8058 List-Unsubscribe headers, and a Message-ID derived from the outbox idempotency key, so every
/// copy of the same digest carries the same Message-ID.
/// </summary>
public static class DigestMessage
{
    public static MimeMessage Build(string from, string to, string idempotencyKey, DateTimeOffset date, DigestContent content, string unsubscribeUrl)
    {
        var sender = MailboxAddress.Parse(from);
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        message.Date = date;
        message.MessageId = MessageIdFor(idempotencyKey, sender);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html };
        foreach (var chart in content.Charts)
        {
            var image = body.LinkedResources.Add(chart.ContentId.Split('@')[0] + ".png", chart.Png, new ContentType("image", "png"));
            image.ContentId = chart.ContentId;
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>"digest.&lt;hash of the key&gt;@&lt;sender domain&gt;": the same key always gives the same Message-ID.</summary>
    public static string MessageIdFor(string idempotencyKey, MailboxAddress sender) => $"digest.{Hash(idempotencyKey)}@{Domain(sender)}";

    /// <summary>A Content-ID for the n-th chart of a digest, unique to that digest.</summary>
    public static string ChartContentId(string idempotencyKey, int index, string from) =>
        $"chart{index}.{Hash(idempotencyKey)[..12]}@{Domain(MailboxAddress.Parse(from))}";

    public static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return stream.ToArray();
    }

    public static MimeMessage FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MimeMessage.Load(stream);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static string Domain(MailboxAddress sender) => sender.Domain is { Length: > 0 } domain ? domain : "monitor.local";
}
