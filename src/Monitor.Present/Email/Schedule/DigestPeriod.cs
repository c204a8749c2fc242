using System.Globalization;

namespace Monitor.Present.Email.Schedule;

/// <summary>One digest period of one subscription: (Start, End] in UTC; the digest is due from End on.</summary>
public readonly record struct DigestPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Stable text of the period end, the second half of the outbox idempotency key.</summary>
    public string Key => End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
