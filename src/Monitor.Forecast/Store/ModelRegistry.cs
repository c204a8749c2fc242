using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Store;

/// <summary>The forecast stage's model registry (table forecast_models): what was chosen per frequency, on which window, how well it backtested.</summary>
public static class ModelRegistry
{
    /// <summary>Records a frequency's plan; backtest means come from the accuracy rows the run merged for that frequency.</summary>
    public static void Record(DuckDBConnection connection, long runId, Shards.FrequencyPlan plan, DateTime trainedAt)
    {
        var id = Monitor.Core.Store.MonitorStore.NextId(connection, "forecast_model_seq");
        plan.Plan.Models.TryGetValue(PipelinePlan.ModelKey(MemberForecasts.GlobalMember, null), out var zip);
        Sql.Execute(connection, null, """
            INSERT INTO forecast_models (model_id, run_id, frequency, model, model_version, trained_at, train_start, train_end, series_count,
                training_rows, backtest_smape, backtest_mase, backtest_cov80, backtest_cov95, model_zip)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, avg(a.smape), avg(a.mase), avg(a.cov80), avg(a.cov95), $11
            FROM forecast_accuracy a JOIN series s USING (series_id) WHERE a.run_id = $2 AND s.frequency = $3
            """,
            id, runId, plan.Frequency, plan.Plan.Chosen.Name, ForecastWriter.ModelVersion, trainedAt, plan.TrainStart, plan.TrainEnd, plan.SeriesCount,
            zip is null ? null : plan.Plan.GlobalRows, zip);
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
}
