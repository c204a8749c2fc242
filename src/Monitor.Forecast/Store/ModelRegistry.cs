using DuckDB.NET.Data;
using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Store;

/// <summary>The forecast stage's model registry (table forecast_models): what was chosen per frequency, on which window, how well it backtested.</summary>
public static class ModelRegistry
{
    public static void Record(DuckDBConnection connection, long runId, string frequency, PipelineResult result, DateOnly trainStart, DateOnly trainEnd, DateTime trainedAt)
    {
        var scores = result.Validation.Where(s => s is not null).Select(s => s!).ToList();
        var id = Monitor.Core.Store.MonitorStore.NextId(connection, "forecast_model_seq");
        ForecastWriter.Execute(connection, """
            INSERT INTO forecast_models (model_id, run_id, frequency, model, model_version, trained_at, train_start, train_end, series_count,
                training_rows, backtest_smape, backtest_mase, backtest_cov80, backtest_cov95, model_zip)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """,
            id, runId, frequency, result.Chosen.Name, ForecastWriter.ModelVersion, trainedAt, trainStart, trainEnd, result.Forecasts.Count,
            result.GlobalModel is null ? null : result.GlobalRows,
            Mean(scores.Select(s => s.Smape)), Mean(scores.Select(s => s.Mase)), Mean(scores.Select(s => s.Cov80)), Mean(scores.Select(s => s.Cov95)),
            result.GlobalModel);
    }

    /// <summary>The latest registry row of a frequency: (model, zip size in bytes), or null.</summary>
    public static (string Model, long ZipBytes)? Latest(DuckDBConnection connection, string frequency)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model, coalesce(octet_length(model_zip), 0) FROM forecast_models WHERE frequency = $1 ORDER BY model_id DESC LIMIT 1";
        command.Parameters.Add(new DuckDBParameter(frequency));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    private static double? Mean(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? null : finite.Average();
    }
}
