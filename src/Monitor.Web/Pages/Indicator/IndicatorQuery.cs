using Monitor.Core.Store;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Indicator;

/// <summary>One indicator's page: vintages, the model and its backtest accuracy, anomalies, lights, composite contributions.</summary>
public sealed class IndicatorQuery(MonitorStore store)
{
    /// <summary>The dates on which values of the series became known (newest first): the as-of picker's choices.</summary>
    public IReadOnlyList<DateTime> Vintages(string seriesId) => Sql.Rows(store, """
        SELECT DISTINCT known_from FROM observations WHERE series_id = $1
        UNION SELECT DISTINCT known_to FROM observations WHERE series_id = $1 AND known_to IS NOT NULL
        ORDER BY 1 DESC LIMIT 60
        """, r => r.GetDateTime(0), seriesId);

    /// <summary>The forecast of the latest run for the series (as of a vintage when given), step by step.</summary>
    public ModelSummary? Model(string seriesId, DateTime? asOf)
    {
        using var connection = store.Open();
        var steps = Sql.Rows(connection, """
            WITH run AS (SELECT max(run_id) AS run_id FROM forecasts WHERE series_id = $1 AND vintage <= $2)
            SELECT f.run_id, f.model, f.model_version, f.train_end, f.fallback_reason, f.period, f.point, f.lo80, f.hi80, f.lo95, f.hi95
            FROM forecasts f JOIN run USING (run_id) WHERE f.series_id = $1 ORDER BY f.step
            """, r => (Run: r.GetInt64(0), Model: r.GetString(1), Version: r.GetString(2), TrainEnd: r.Day(3), Fallback: r.Text(4),
                Step: new ForecastStep(r.Day(5), r.GetDouble(6), r.Number(7), r.Number(8), r.Number(9), r.Number(10))),
            seriesId, asOf ?? DateTime.MaxValue);
        if (steps.Count == 0) return null;
        var first = steps[0];
        var accuracy = Sql.Rows(connection, """
            SELECT model, smape, mase, cov80, cov95, origins, sample FROM forecast_accuracy WHERE series_id = $1 AND run_id <= $2
            ORDER BY run_id DESC LIMIT 1
            """, r => new Accuracy(r.GetString(0), r.Number(1), r.Number(2), r.Number(3), r.Number(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.Text(6) == "out-of-sample"),
            seriesId, first.Run).FirstOrDefault();
        return new ModelSummary(first.Run, first.Model, first.Version, first.TrainEnd, first.Fallback, steps.Select(s => s.Step).ToList(), accuracy);
    }

    public IReadOnlyList<AnomalyRow> Anomalies(string seriesId) => Sql.Rows(store, """
        SELECT period, kind, score, actual, expected, lo, hi, explanation, explanation_zh FROM anomalies
        WHERE series_id = $1 ORDER BY period DESC LIMIT 50
        """, r => new AnomalyRow(r.Day(0), r.GetString(1), r.GetDouble(2), r.Number(3), r.Number(4), r.Number(5), r.Number(6), r.GetString(7), r.Text(8)),
        seriesId);

    public IReadOnlyList<LightHistoryRow> Lights(string seriesId, int months = 24) => Sql.Rows(store, """
        SELECT period, points, colour, metric FROM signal_lights_current WHERE series_id = $1
        ORDER BY period DESC LIMIT $2
        """, r => new LightHistoryRow(r.Day(0), r.GetInt32(1), r.GetString(2), r.GetDouble(3)), seriesId, months);

    /// <summary>How much this series moved each composite index in its latest periods.</summary>
    public IReadOnlyList<ContributionRow> Contributions(string seriesId) => Sql.Rows(store, """
        SELECT index_code, period, contribution FROM composite_contributions WHERE series_id = $1
        QUALIFY row_number() OVER (PARTITION BY index_code ORDER BY period DESC) <= 6
        ORDER BY index_code, period DESC
        """, r => new ContributionRow(r.GetString(0), r.Day(1), r.GetDouble(2)), seriesId);
}

/// <summary>One forecast step with its 80 % and 95 % bounds.</summary>
public sealed record ForecastStep(DateOnly Period, double Point, double? Lo80, double? Hi80, double? Lo95, double? Hi95);

/// <summary>Backtest accuracy of the chosen model (forecast_accuracy), and whether it was scored out of sample.</summary>
public sealed record Accuracy(string Model, double? Smape, double? Mase, double? Cov80, double? Cov95, int? Origins, bool OutOfSample = false);

/// <summary>The forecast run shown on the indicator page: model, steps and accuracy.</summary>
public sealed record ModelSummary(long RunId, string Model, string Version, DateOnly TrainEnd, string? FallbackReason, IReadOnlyList<ForecastStep> Steps, Accuracy? Accuracy);

/// <summary>A flagged period with its score and explanation in both languages.</summary>
public sealed record AnomalyRow(DateOnly Period, string Kind, double Score, double? Actual, double? Expected, double? Lo, double? Hi, string Explanation, string? ExplanationZh);

/// <summary>One month of a series' signal light.</summary>
public sealed record LightHistoryRow(DateOnly Period, int Points, string Colour, double Metric);

/// <summary>A contribution to a composite index (key = index code or series id).</summary>
public sealed record ContributionRow(string Key, DateOnly Period, double Contribution);
