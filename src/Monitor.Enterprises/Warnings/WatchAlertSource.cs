using System.Globalization;
using Monitor.Core.Alerts;
using Monitor.Core.Audit;
using Monitor.Enterprises.Access;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// Watch alerts for the e-mail digests of subscriptions a user created. Firms are read through <see cref="FirmReader"/>
/// as that user (via "email"): audited, and limited to the user's scope at the time the digest is written, so a user
/// whose scope was removed gets no firm in the e-mail. Nothing is read, nor audited, when no alert was raised.
/// </summary>
public sealed class WatchAlertSource(WatchList watchList, FirmReader reader) : IPersonalAlertSource
{
    /// <summary>The audit target of the e-mail's reads.</summary>
    public const string AuditTarget = "email-digest watch alerts";

    /// <summary>Where the digest sends a reader for the watched firms it leaves out: the Enterprises page's watch list.</summary>
    public const string WatchListPage = "/Enterprises#watchlist";

    public IReadOnlyList<PersonalAlert> Read(string userName, DateTime afterUtc, DateTime untilUtc)
    {
        if (watchList.AlertsRaised(userName, afterUtc, untilUtc) == 0) return [];
        try
        {
            return reader.WatchAlerts(new AuditActor(userName, "email"), AuditTarget, afterUtc, untilUtc).Select(ToAlert).ToList();
        }
        catch (FirmAccessDeniedException)
        {
            return []; // refused and audited by the reader
        }
    }

    private static PersonalAlert ToAlert(WatchAlertRow row)
    {
        var w = row.Warning;
        var score = w.Score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : null;
        return new PersonalAlert($"watch:{w.EnterpriseId}:{w.Period:yyyy-MM}:{w.Kind}", row.RaisedAt, "warning", w.Period,
            $"Watched firm {w.Name}: {WarningKinds.Label(w.Kind, false)}", $"重点企业 {w.Name}：{WarningKinds.Label(w.Kind, true)}",
            $"{w.EnterpriseId} · region {w.RegionCode} · industry {w.IndustryCode}" + (score is null ? "" : $" · score {score}"),
            $"{w.EnterpriseId} · 地区 {w.RegionCode} · 行业 {w.IndustryCode}" + (score is null ? "" : $" · 得分 {score}"),
            "Watched firms", "重点企业名单", WatchListPage);
    }
}
