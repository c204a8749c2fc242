using Monitor.Core.Domain;
using Monitor.Warn.Alerts;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Lights;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Job;

/// <summary>Turns the computed lights, anomalies, composites and release dates into alert conditions, each tagged with its group.</summary>
public sealed class AlertAnalysis(WarnOptions options)
{
    private readonly LightAlertRule _lights = new(options.Alerts);
    private readonly EventAlertRules _events = new(options.Alerts);

    /// <summary>Conditions of every catalogue series with data (<paramref name="latest"/>: its latest period), then of the composites.</summary>
    public void Evaluate(IReadOnlyList<SeriesInfo> catalogue, IReadOnlyDictionary<string, DateOnly> latest, WarnResults results, EconomySets economies, DateTime nowUtc)
    {
        var anomaliesBySeries = results.Anomalies.GroupBy(a => a.SeriesId).ToDictionary(g => g.Key, g => (IReadOnlyList<AnomalyFinding>)g.ToList(), StringComparer.Ordinal);
        var lightsBySeries = results.Lights.ToDictionary(l => l.Series.SeriesId, StringComparer.Ordinal);
        var groups = new AlertGrouping(options.Alerts, economies, catalogue);
        foreach (var series in catalogue)
        {
            if (!latest.TryGetValue(series.SeriesId, out var last)) continue;
            var name = series.Name;
            var nameZh = series.DisplayName(chinese: true);
            var family = groups.Family(series);
            results.Alerts.Add(_events.NoData(series.SeriesId, name, nameZh, series.Frequency, last, nowUtc) with { Group = groups.Source(series) });
            results.Alerts.AddRange(_events.Anomalies(series.SeriesId, name, nameZh, last, anomaliesBySeries.GetValueOrDefault(series.SeriesId) ?? [])
                .Select(c => c with { Group = family }));
            if (lightsBySeries.TryGetValue(series.SeriesId, out var lights) && lights.Lights.Count > 0)
                results.Alerts.AddRange(_lights.Evaluate(series.SeriesId, name, nameZh, lights.Lights.Select(l => (l.Period, l.Points)).ToList())
                    .Select(c => c with { Group = family }));
        }
        CompositeAlerts(results, groups);
    }

    private void CompositeAlerts(WarnResults results, AlertGrouping groups)
    {
        foreach (var index in results.Readings.Where(r => r.IndexCode.StartsWith(CompositeAnalysis.WarningIndex, StringComparison.Ordinal) && r.Colour is not null)
                     .GroupBy(r => r.IndexCode, StringComparer.Ordinal))
        {
            var economy = index.Key == CompositeAnalysis.WarningIndex ? "" : index.Key[(CompositeAnalysis.WarningIndex.Length + 1)..].ToUpperInvariant();
            var suffix = economy.Length == 0 ? "" : $" ({economy})";
            var suffixZh = economy.Length == 0 ? "" : $"（{economy}）";
            var warning = index.Select(r => (r.Period, LightColours.Points(r.Colour!))).ToList();
            var group = groups.Index(index.Key, economy, "Warning index" + suffix, "预警指数" + suffixZh);
            results.Alerts.AddRange(_lights.Evaluate(index.Key, "Warning index" + suffix, "预警指数" + suffixZh, warning).Select(c => c with { Group = group }));
        }
        if (results.RecessionRisk is { } risk)
        {
            var definition = options.EffectiveComposites.First(c => c.Code == risk.IndexCode);
            results.Alerts.Add(EventAlertRules.RecessionRisk(risk.IndexCode, definition.Name, definition.NameZh, risk.Period, risk.Active, risk.Since)
                with { Group = groups.Index(risk.IndexCode, definition.Economy, definition.Name, definition.NameZh) });
        }
        foreach (var definition in options.EffectiveComposites)
        {
            var code = CompositeAnalysis.CycleCode(definition.Code);
            var readings = results.Readings.Where(r => r.IndexCode == code).ToList();
            if (readings.Count == 0) continue;
            var last = results.TurningPoints.Where(p => p.IndexCode == code).OrderBy(p => p.Period).LastOrDefault();
            results.Alerts.Add(_events.TurningPoint(code, definition.Name, definition.NameZh, readings[^1].Period, last?.Period, last?.Kind == "peak")
                with { Group = groups.Index(definition.Code, definition.Economy, definition.Name, definition.NameZh) });
        }
    }
}
