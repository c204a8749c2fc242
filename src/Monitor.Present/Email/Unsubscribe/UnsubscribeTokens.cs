using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace Monitor.Present.Email.Unsubscribe;

/// <summary>
/// Signed unsubscribe tokens "&lt;subscription id&gt;.&lt;HMAC-SHA256&gt;": anyone holding the link of a digest can
/// unsubscribe that subscription without signing in, and nobody can forge one for another subscription.
/// </summary>
public sealed class UnsubscribeTokens(SigningKey key)
{
    public string Create(long subscriptionId) =>
        subscriptionId.ToString(CultureInfo.InvariantCulture) + "." + Base64Url.EncodeToString(Sign(subscriptionId));

    /// <summary>The subscription a token was issued for, or null when it is malformed or its signature does not match.</summary>
    public long? Verify(string? token)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        byte[] signature;
        try { signature = Base64Url.DecodeFromChars(parts[1]); }
        catch (FormatException) { return null; }
        return CryptographicOperations.FixedTimeEquals(signature, Sign(id)) ? id : null;
    }

    /// <summary>The public link of the unsubscribe page (GET confirms, POST unsubscribes, RFC 8058 one-click too).</summary>
    public string Link(string baseUrl, long subscriptionId) =>
        baseUrl.TrimEnd('/') + "/unsubscribe?token=" + Uri.EscapeDataString(Create(subscriptionId));

    private byte[] Sign(long subscriptionId) =>
        HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes("monitor-unsubscribe:v1:" + subscriptionId.ToString(CultureInfo.InvariantCulture)));
}
