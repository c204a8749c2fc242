using Monitor.Core.Domain;
using Monitor.Warn.Alerts;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Lights;

namespace Monitor.Warn.Job;

/// <summary>Turns the computed lights, anomalies, composites and release dates into alert conditions.</summary>
public sealed class AlertAnalysis(WarnOptions options)
{
    private readonly LightAlertRule _lights = new(options.Alerts);
    private readonly EventAlertRules _events = new(options.Alerts);

    public void Evaluate(WarnInputs inputs, WarnResults results, DateTime nowUtc)
    {
        var anomaliesBySeries = results.Anomalies.GroupBy(a => a.SeriesId).ToDictionary(g => g.Key, g => (IReadOnlyList<AnomalyFinding>)g.ToList(), StringComparer.Ordinal);
        var lightsBySeries = results.Lights.ToDictionary(l => l.Series.SeriesId, StringComparer.Ordinal);
        foreach (var series in inputs.Catalogue)
        {
            if (!inputs.Observations.TryGetValue(series.SeriesId, out var observations) || observations.Count == 0) continue;
            var name = series.Name;
            var nameZh = series.DisplayName(chinese: true);
            var latest = observations[^1].Period;
            results.Alerts.Add(_events.NoData(series.SeriesId, name, nameZh, series.Frequency, latest, nowUtc));
            results.Alerts.AddRange(_events.Anomalies(series.SeriesId, name, nameZh, latest, anomaliesBySeries.GetValueOrDefault(series.SeriesId) ?? []));
            if (lightsBySeries.TryGetValue(series.SeriesId, out var lights) && lights.Lights.Count > 0)
                results.Alerts.AddRange(_lights.Evaluate(series.SeriesId, name, nameZh, lights.Lights.Select(l => (l.Period, l.Points)).ToList()));
        }
        CompositeAlerts(results);
    }

    private void CompositeAlerts(WarnResults results)
    {
        var warning = results.Readings.Where(r => r.IndexCode == CompositeAnalysis.WarningIndex && r.Colour is not null)
            .Select(r => (r.Period, LightColours.Points(r.Colour!))).ToList();
        if (warning.Count > 0) results.Alerts.AddRange(_lights.Evaluate(CompositeAnalysis.WarningIndex, "Warning index", "预警指数", warning));
        if (results.RecessionRisk is { } risk)
        {
            var definition = options.EffectiveComposites.First(c => c.Code == risk.IndexCode);
            results.Alerts.Add(EventAlertRules.RecessionRisk(risk.IndexCode, definition.Name, definition.NameZh, risk.Period, risk.Active, risk.Since));
        }
        foreach (var definition in options.EffectiveComposites)
        {
            var code = CompositeAnalysis.CycleCode(definition.Code);
            var readings = results.Readings.Where(r => r.IndexCode == code).ToList();
            if (readings.Count == 0) continue;
            var last = results.TurningPoints.Where(p => p.IndexCode == code).OrderBy(p => p.Period).LastOrDefault();
            results.Alerts.Add(_events.TurningPoint(code, definition.Name, definition.NameZh, readings[^1].Period, last?.Period, last?.Kind == "peak"));
        }
    }
}
