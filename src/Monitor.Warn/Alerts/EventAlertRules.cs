using System.Globalization;
using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;

namespace Monitor.Warn.Alerts;

/// <summary>Alerts raised by events: an anomaly at the latest period, a recent turning point of a composite, a late release.</summary>
public sealed class EventAlertRules(AlertPolicy policy)
{
    /// <summary>One condition per anomaly kind: active when the series' latest period carries an anomaly of that kind.</summary>
    public IEnumerable<AlertCondition> Anomalies(string seriesId, string name, string nameZh, DateOnly latestPeriod, IReadOnlyList<AnomalyFinding> findings)
    {
        foreach (var kind in AnomalyKinds.All)
        {
            var hit = findings.Where(f => f.Kind == kind && f.Period == latestPeriod).MaxBy(f => Math.Abs(f.Score));
            var score = hit is null ? 0 : Math.Abs(hit.Score);
            var severity = score >= policy.AnomalyCriticalScore ? AlertRules.Critical : score >= policy.AnomalyWarningScore ? AlertRules.Warning : AlertRules.Info;
            yield return new AlertCondition($"{AlertRules.Anomaly}:{kind}:{seriesId}", AlertRules.Anomaly, seriesId, hit?.Period ?? latestPeriod, hit is not null,
                severity, null,
                $"{name}: {KindEnglish(kind)} in {latestPeriod:yyyy-MM}", $"{nameZh}：{latestPeriod:yyyy年M月}{KindChinese(kind)}",
                hit?.Explanation ?? "", hit?.ExplanationZh ?? "");
        }
    }

    /// <summary>Active when the latest turning point of a cycle is dated within the recency window of its last reading.</summary>
    public AlertCondition TurningPoint(string indexCode, string name, string nameZh, DateOnly lastReading, DateOnly? point, bool isPeak)
    {
        var recent = point is { } p && ((lastReading.Year - p.Year) * 12) + lastReading.Month - p.Month <= policy.TurningPointRecency;
        var kind = isPeak ? "peak" : "trough";
        return new AlertCondition($"{AlertRules.TurningPoint}:{indexCode}", AlertRules.TurningPoint, null, point, recent,
            isPeak ? AlertRules.Warning : AlertRules.Info, null,
            $"{name}: {kind} dated {point:yyyy-MM}", $"{nameZh}：{point:yyyy年M月}出现{(isPeak ? "峰" : "谷")}",
            $"The {name} cycle turned ({kind}) in {point:yyyy-MM}; Bry–Boschan dating on the smoothed cycle to {lastReading:yyyy-MM}.",
            $"{nameZh}周期于 {point:yyyy年M月}出现{(isPeak ? "峰值，景气可能转弱" : "谷底，景气可能回升")}（Bry–Boschan 定期，数据截至 {lastReading:yyyy年M月}）。");
    }

    /// <summary>Active while the leading composite's warning rule (scored by evaluate-warnings) is on at the latest month.</summary>
    public static AlertCondition RecessionRisk(string indexCode, string name, string nameZh, DateOnly period, bool active, DateOnly? since) =>
        new($"{AlertRules.RecessionRisk}:{indexCode}", AlertRules.RecessionRisk, null, period, active, AlertRules.Critical, "red",
            $"{name}: recession risk", $"{nameZh}：经济衰退风险",
            $"The {name} has signalled a downturn since {since:yyyy-MM}: 6-month growth in the bottom quarter of its history, most components falling, flat yield curve (8 of 9 US recessions since 1960 caught, median lead 12.5 months, 2 false alarms).",
            $"{nameZh}自 {since:yyyy年M月}起发出下行信号：6 个月增速处于历史最低四分之一、多数成分下降、收益率曲线平坦（1960 年以来美国 9 次衰退中提前识别 8 次，中位提前 12.5 个月，误报 2 次）。");

    /// <summary>Active when the period after the latest one should have been released by now (period end + grace days).</summary>
    public AlertCondition NoData(string seriesId, string name, string nameZh, Frequency frequency, DateOnly latestPeriod, DateTime nowUtc)
    {
        var due = ReleaseStatus.Due(frequency, latestPeriod, policy);
        var late = DateOnly.FromDateTime(nowUtc) > due;
        var expected = frequency.AddPeriods(latestPeriod, 1);
        return new AlertCondition($"{AlertRules.NoData}:{seriesId}", AlertRules.NoData, seriesId, expected, late, AlertRules.Warning, null,
            $"{name}: no data for {expected:yyyy-MM}", $"{nameZh}：{expected:yyyy年M月}数据未到",
            string.Create(CultureInfo.InvariantCulture, $"The value for {expected:yyyy-MM} was due by {due:yyyy-MM-dd}; the latest is {latestPeriod:yyyy-MM}. Its light is not shown as normal."),
            string.Create(CultureInfo.InvariantCulture, $"{expected:yyyy年M月}数据应于 {due:yyyy-MM-dd} 前发布，最新仅到 {latestPeriod:yyyy年M月}；信号灯不按正常处理。"));
    }

    private static string KindEnglish(string kind) => kind switch
    {
        AnomalyKinds.Interval => "value outside its forecast interval",
        AnomalyKinds.LevelShift => "level shift",
        AnomalyKinds.Seasonal => "spike against its seasonal pattern",
        _ => "moves against its peers",
    };

    private static string KindChinese(string kind) => kind switch
    {
        AnomalyKinds.Interval => "数值超出预测区间",
        AnomalyKinds.LevelShift => "水平突变",
        AnomalyKinds.Seasonal => "偏离季节性规律",
        _ => "与同类走势背离",
    };
}
