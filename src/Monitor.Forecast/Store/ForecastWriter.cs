using DuckDB.NET.Data;
using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Store;

/// <summary>
/// Writes one series' forecasts, backtest accuracy and one-step history in one transaction (all or nothing). Periods the
/// series never publishes (merged Jan–Feb releases) get no forecast row; step counts the releases ahead.
/// </summary>
internal static class ForecastWriter
{
    public const string ModelVersion = "forecast-1";

    public static void WriteSeries(DuckDBConnection connection, long runId, SeriesGrid grid, DateTime vintage,
        SeriesForecast forecast, ValidationScore? score, string oneStepModel, IReadOnlyList<OneStepForecast> oneStep)
    {
        using var transaction = connection.BeginTransaction();
        var id = forecast.Id;
        var neverPublished = grid.NeverPublished();
        using (var appender = connection.CreateAppender("forecasts"))
        {
            var step = 0;
            for (var k = 0; k < forecast.Point.Length; k++)
            {
                var index = grid.Values.Length + k;
                if (grid.CyclePosition(index) is { } position && neverPublished.Contains(position)) continue;
                appender.CreateRow()
                    .AppendValue(runId).AppendValue(id).AppendValue(forecast.Model).AppendValue(ModelVersion)
                    .AppendValue(grid.LastPeriod).AppendValue(vintage).AppendValue(++step).AppendValue(grid.Period(index))
                    .AppendValue(forecast.Point[k]).AppendValue(forecast.Lo80[k]).AppendValue(forecast.Hi80[k])
                    .AppendValue(forecast.Lo95[k]).AppendValue(forecast.Hi95[k]).AppendValue(forecast.FallbackReason)
                    .EndRow();
            }
        }
        if (score is not null)
        {
            Execute(connection, "INSERT INTO forecast_accuracy (run_id, series_id, model, smape, mase, cov80, cov95, origins) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                runId, id, forecast.Model, score.Smape, double.IsFinite(score.Mase) ? score.Mase : null, score.Cov80, score.Cov95, score.Origins);
        }
        Execute(connection, "DELETE FROM one_step_forecasts WHERE series_id = $1", id);
        using (var appender = connection.CreateAppender("one_step_forecasts"))
        {
            foreach (var o in oneStep)
            {
                appender.CreateRow()
                    .AppendValue(id).AppendValue(grid.Period(o.Index)).AppendValue(runId).AppendValue(oneStepModel)
                    .AppendValue(o.Expected).AppendValue(o.Lo80).AppendValue(o.Hi80).AppendValue(o.Lo95).AppendValue(o.Hi95).AppendValue(o.Actual)
                    .EndRow();
            }
        }
        transaction.Commit();
    }

    public static void Execute(DuckDBConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var v in values) command.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
        command.ExecuteNonQuery();
    }
}
