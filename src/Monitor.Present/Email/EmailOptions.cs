namespace Monitor.Present.Email;

/// <summary>SMTP server, sender, links and delivery policy of the e-mail digests; bound from the "Email" section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP host; empty means no SMTP: messages are written as .eml files to <see cref="OutboxFolder"/>.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>"auto" (STARTTLS when offered), "starttls" (required), "ssl" (TLS on connect, port 465) or "none".</summary>
    public string TlsMode { get; set; } = "auto";

    /// <summary>SMTP user; set it (and <see cref="Password"/>) in the environment: Email__UserName, Email__Password.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address of every digest.</summary>
    public string From { get; set; } = "Monitor <monitor@localhost>";

    /// <summary>
    /// Public address of the dashboard as readers reach it (https://monitor.example.org), used for the unsubscribe link and the
    /// links in each digest. Unset: the general PublicBaseUrl setting, else the host's own first address, with a warning at start-up.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Whether <see cref="BaseUrl"/> came from configuration (Email:BaseUrl or PublicBaseUrl) rather than the host's own address.</summary>
    public bool BaseUrlConfigured { get; set; }

    /// <summary>The general setting for the dashboard's public address, used when Email:BaseUrl is unset.</summary>
    public const string PublicBaseUrlKey = "PublicBaseUrl";

    /// <summary>Fills <see cref="BaseUrl"/> from Email:BaseUrl, PublicBaseUrl, or the first of the host's Urls (in that order).</summary>
    public void ResolveBaseUrl(string? publicBaseUrl, string? hostUrls)
    {
        BaseUrlConfigured = !string.IsNullOrWhiteSpace(BaseUrl) || !string.IsNullOrWhiteSpace(publicBaseUrl);
        if (string.IsNullOrWhiteSpace(BaseUrl)) BaseUrl = publicBaseUrl;
        if (string.IsNullOrWhiteSpace(BaseUrl))
            BaseUrl = (hostUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://127.0.0.1:5080";
        BaseUrl = BaseUrl.TrimEnd('/');
    }

    /// <summary>HMAC key of unsubscribe tokens; unset means a key generated on first start and kept in the store.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where .eml files go when no SMTP host is configured (relative to the Monitor home).</summary>
    public string OutboxFolder { get; set; } = "data/outbox";

    /// <summary>Charts embedded per digest (the top alerts that have a series).</summary>
    public int ChartsPerDigest { get; set; } = 3;

    /// <summary>Alert events listed per digest; the rest are counted in the subject and summarised by a link.</summary>
    public int MaxEventsPerDigest { get; set; } = 50;

    /// <summary>Attempts before a transiently failing digest is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the first retry; doubled after each further failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>SMTP connect/command timeout; must stay well below <see cref="SendLease"/>.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a sender owns a message it is sending; after that the row counts as abandoned by a crash.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(10);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}
