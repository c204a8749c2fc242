namespace Monitor.Present.Email.Digest;

/// <summary>A rendered digest: subject, plain-text and HTML parts, and the chart images the HTML refers to by cid.</summary>
public sealed record DigestContent(string Subject, string Text, string Html, IReadOnlyList<ChartImage> Charts);

/// <summary>A PNG chart embedded in the HTML part as &lt;img src="cid:ContentId"&gt;.</summary>
public sealed record ChartImage(string SeriesId, string ContentId, byte[] Png, string Caption);

/// <summary>Everything the composer needs besides the events: language, zone, links and charts.</summary>
public sealed record DigestContext(bool Chinese, TimeZoneInfo Zone, string DashboardUrl, string UnsubscribeUrl, int MaxEvents, IReadOnlyList<ChartImage> Charts);
