using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Forecast.Ensemble;
using Monitor.Forecast.Store;

namespace Monitor.Forecast.Shards;

/// <summary>The Parquet files of a forecast shard: its input histories, and its forecasts, accuracy and one-step rows.</summary>
internal static class ForecastShardFiles
{
    public const string ForecastColumns = "series_id, model, model_version, train_end, vintage, step, period, point, lo80, hi80, lo95, hi95, fallback_reason";
    public const string AccuracyColumns = "series_id, model, smape, mase, cov80, cov95, origins, sample";
    public const string OneStepColumns = "series_id, period, model, expected, lo80, hi80, lo95, hi95, actual";

    public static void WriteInput(string path, IReadOnlyList<ShardSeries> series) =>
        ShardParquet.Write(path, "series_id VARCHAR, frequency VARCHAR, first_period DATE, vintage TIMESTAMP, idx INTEGER, value DOUBLE", appender =>
        {
            foreach (var s in series)
                for (var i = 0; i < s.Grid.Values.Length; i++)
                    appender.CreateRow().AppendValue(s.Id).AppendValue(s.Grid.Frequency.Code()).AppendValue(s.Grid.FirstPeriod).AppendValue(s.Vintage)
                        .AppendValue(i).AppendValue(s.Grid.Values[i]).EndRow();
        });

    public static List<ShardSeries> ReadInput(string path)
    {
        var rows = new List<(string Id, string Frequency, DateOnly First, DateTime Vintage, double Value)>();
        ShardParquet.Read(path, "SELECT series_id, frequency, first_period, vintage, value FROM rows ORDER BY series_id, idx", r =>
            rows.Add((r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetDateTime(3), r.GetDouble(4))));
        return rows.GroupBy(r => r.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                return new ShardSeries(g.Key, new SeriesGrid(first.First, g.Select(r => r.Value).ToArray(), FrequencyExtensions.ParseFrequency(first.Frequency)), first.Vintage);
            }).ToList();
    }

    /// <summary>Inserts every shard's rows under the stage's run id; returns (series written, fallbacks, catalogue size).</summary>
    public static (int Series, int Fallbacks, int Catalogue) Merge(DuckDBConnection connection, ShardRun run, long forecastRunId)
    {
        string List(string name) => ShardParquet.Outputs(run, name);
        Sql.Execute(connection, null, $"INSERT INTO forecasts (run_id, {ForecastColumns}) SELECT $1, {ForecastColumns} FROM read_parquet({List("forecasts")})", forecastRunId);
        Sql.Execute(connection, null, $"INSERT INTO forecast_accuracy (run_id, {AccuracyColumns}) SELECT $1, {AccuracyColumns} FROM read_parquet({List("accuracy")})", forecastRunId);
        Sql.Execute(connection, null, $"DELETE FROM one_step_forecasts WHERE series_id IN (SELECT series_id FROM read_parquet({List("output")}))");
        Sql.Execute(connection, null, $"INSERT INTO one_step_forecasts (run_id, {OneStepColumns}) SELECT $1, {OneStepColumns} FROM read_parquet({List("onestep")})", forecastRunId);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(*) FILTER (WHERE fallback), (SELECT count(*) FROM series) FROM read_parquet({List("output")})";
        using var r = command.ExecuteReader();
        r.Read();
        return (Convert.ToInt32(r.GetValue(0)), Convert.ToInt32(r.GetValue(1)), Convert.ToInt32(r.GetValue(2)));
    }

}

/// <summary>A shard's rows as they are computed; written as four Parquet files, the "output" list of series last (it marks the shard complete).</summary>
internal sealed class ForecastShardOutput
{
    private readonly List<(ShardSeries Series, SeriesForecast Forecast, ValidationScore? Score, string OneStepModel, IReadOnlyList<OneStepForecast> OneStep)> _rows = [];

    public void Add(ShardSeries series, SeriesForecast forecast, ValidationScore? score, string oneStepModel, IReadOnlyList<OneStepForecast> oneStep) =>
        _rows.Add((series, forecast, score, oneStepModel, oneStep));

    public void Write(ShardRun run, int shard)
    {
        ShardParquet.Write(run.Output(shard, "forecasts"),
            "series_id VARCHAR, model VARCHAR, model_version VARCHAR, train_end DATE, vintage TIMESTAMP, step INTEGER, period DATE, point DOUBLE, lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE, fallback_reason VARCHAR",
            appender =>
            {
                foreach (var (series, forecast, _, _, _) in _rows) AppendForecast(appender, series, forecast);
            });
        ShardParquet.Write(run.Output(shard, "accuracy"), "series_id VARCHAR, model VARCHAR, smape DOUBLE, mase DOUBLE, cov80 DOUBLE, cov95 DOUBLE, origins INTEGER, sample VARCHAR", appender =>
        {
            foreach (var (series, forecast, score, _, _) in _rows.Where(r => r.Score is not null))
                appender.CreateRow().AppendValue(series.Id).AppendValue(forecast.Model).AppendValue(score!.Smape)
                    .AppendValue(double.IsFinite(score.Mase) ? score.Mase : null).AppendValue(score.Cov80).AppendValue(score.Cov95).AppendValue(score.Origins).AppendValue(score.Sample).EndRow();
        });
        ShardParquet.Write(run.Output(shard, "onestep"),
            "series_id VARCHAR, period DATE, model VARCHAR, expected DOUBLE, lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE, actual DOUBLE", appender =>
            {
                foreach (var (series, _, _, model, oneStep) in _rows)
                    foreach (var o in oneStep)
                        appender.CreateRow().AppendValue(series.Id).AppendValue(series.Grid.Period(o.Index)).AppendValue(model)
                            .AppendValue(o.Expected).AppendValue(o.Lo80).AppendValue(o.Hi80).AppendValue(o.Lo95).AppendValue(o.Hi95).AppendValue(o.Actual).EndRow();
            });
        ShardParquet.Write(run.Output(shard), "series_id VARCHAR, fallback BOOLEAN", appender =>
        {
            foreach (var (series, forecast, _, _, _) in _rows) appender.CreateRow().AppendValue(series.Id).AppendValue(forecast.FallbackReason is not null).EndRow();
        });
    }

    /// <summary>Periods the series never publishes (merged Jan–Feb releases) get no row; step counts the releases ahead.</summary>
    private static void AppendForecast(DuckDBAppender appender, ShardSeries series, SeriesForecast forecast)
    {
        var grid = series.Grid;
        var neverPublished = grid.NeverPublished();
        var step = 0;
        for (var k = 0; k < forecast.Point.Length; k++)
        {
            var index = grid.Values.Length + k;
            if (grid.CyclePosition(index) is { } position && neverPublished.Contains(position)) continue;
            appender.CreateRow()
                .AppendValue(series.Id).AppendValue(forecast.Model).AppendValue(ForecastWriter.ModelVersion)
                .AppendValue(grid.LastPeriod).AppendValue(series.Vintage).AppendValue(++step).AppendValue(grid.Period(index))
                .AppendValue(forecast.Point[k]).AppendValue(forecast.Lo80[k]).AppendValue(forecast.Hi80[k])
                .AppendValue(forecast.Lo95[k]).AppendValue(forecast.Hi95[k]).AppendValue(forecast.FallbackReason)
                .EndRow();
        }
    }
}
