using Monitor.Core.Domain;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Numerics;

namespace Monitor.Warn.Job;

/// <summary>
/// Cross-sectional outliers: series sharing dataset, indicator code and frequency but differing by region or industry form a
/// panel; each period, each member's light metric (YoY growth or difference) is compared with its peers', and a member is
/// flagged when it becomes an outlier (not again every month it stays one).
/// </summary>
public sealed class PanelAnalysis(WarnOptions options)
{
    private readonly CrossSectionOutlierDetector _detector = new(options.CrossSectionThreshold, rearm: options.CrossSectionRearm);

    public IEnumerable<AnomalyFinding> Detect(IReadOnlyList<SeriesLights> lights)
    {
        var panels = lights
            .Where(l => l.Series.RegionCode is not null || l.Series.IndustryCode is not null)
            .GroupBy(l => (l.Series.Dataset, l.Series.Code, l.Series.Frequency, Regional: l.Series.RegionCode is not null));
        foreach (var panel in panels)
        {
            var members = panel.ToList();
            if (members.Count < 5) continue;
            var byPeriod = new Dictionary<DateOnly, List<PanelValue>>();
            foreach (var m in members)
            {
                var member = m.Series.RegionCode ?? m.Series.IndustryCode ?? m.Series.SeriesId;
                for (var t = 0; t < m.MetricValues.Length; t++)
                {
                    if (!double.IsFinite(m.MetricValues[t])) continue;
                    var period = m.Series.Frequency.AddPeriods(m.MetricStart, t);
                    if (!byPeriod.TryGetValue(period, out var list)) byPeriod[period] = list = [];
                    list.Add(new PanelValue(m.Series.SeriesId, member, m.MetricValues[t]));
                }
            }
            var indicator = members[0].Series.Name;
            var ordered = byPeriod.OrderBy(p => p.Key).Select(p => (p.Key, (IReadOnlyList<PanelValue>)p.Value));
            foreach (var finding in _detector.DetectNew(indicator, ordered)) yield return finding;
        }
    }
}
