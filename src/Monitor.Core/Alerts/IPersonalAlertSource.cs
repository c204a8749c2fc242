namespace Monitor.Core.Alerts;

/// <summary>
/// Alerts meant for one user only (the firms on their enterprise watch list), read when a digest of a subscription
/// that user created is composed. The source decides what the user may still see and audits the read; the e-mail
/// stage only lays the alerts out.
/// </summary>
public interface IPersonalAlertSource
{
    /// <summary>The alerts raised for <paramref name="userName"/> after <paramref name="afterUtc"/> up to and including <paramref name="untilUtc"/>.</summary>
    IReadOnlyList<PersonalAlert> Read(string userName, DateTime afterUtc, DateTime untilUtc);
}

/// <summary>
/// One personal alert as a digest lists it (severity: info, warning or critical). <paramref name="PagePath"/> is the
/// dashboard page, relative to its base address, that lists every alert of this kind for the user (the digest links
/// the ones it leaves out there); null links them to the Alerts page of their group.
/// </summary>
public sealed record PersonalAlert(
    string Key,
    DateTime RaisedAt,
    string Severity,
    DateOnly? Period,
    string Title,
    string TitleZh,
    string? Message,
    string? MessageZh,
    string GroupLabel,
    string GroupLabelZh,
    string? PagePath = null);
