using Monitor.Core.Domain;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Warn.Anomalies;

namespace Monitor.Warn.Shards;

/// <summary>One series handed to a warn shard: its catalogue position, observations and stored one-step forecasts (null: none).</summary>
public sealed record WarnShardSeries(int Order, List<Observation> Observations, List<OneStepForecast>? OneStep);

/// <summary>
/// A warn shard's input as typed Parquet columns, keyed by catalogue position (ord): the observations, and the stored
/// one-step forecasts. The catalogue row itself is in the run's context. Rows are written in catalogue order and read
/// back in file order (DuckDB keeps insertion order for a scan without ORDER BY), so no sort is needed.
/// </summary>
public static class WarnShardInput
{
    private const string OneStepFile = "onestep";

    public static void Write(ShardRun run, int shard, IReadOnlyList<WarnShardSeries> series)
    {
        using var connection = ShardParquet.Open();
        ShardParquet.Write(connection, run.Input(shard), "ord INTEGER, period DATE, value DOUBLE", appender =>
        {
            foreach (var s in series)
                foreach (var o in s.Observations) appender.CreateRow().AppendValue(s.Order).AppendValue(o.Period).AppendValue(o.Value).EndRow();
        });
        ShardParquet.Write(connection, run.Input(shard, OneStepFile),
            "ord INTEGER, period DATE, expected DOUBLE, lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE, actual DOUBLE, model VARCHAR", appender =>
            {
                foreach (var s in series)
                {
                    foreach (var f in s.OneStep ?? [])
                    {
                        appender.CreateRow().AppendValue(s.Order).AppendValue(f.Period).AppendValue(f.Expected).AppendValue(f.Lo80).AppendValue(f.Hi80)
                            .AppendValue(f.Lo95).AppendValue(f.Hi95).AppendValue(f.Actual).AppendValue(f.Model).EndRow();
                    }
                }
            });
    }

    public static List<WarnShardSeries> Read(ShardRun run, int shard)
    {
        using var connection = ShardParquet.Open();
        var oneStep = new Dictionary<int, List<OneStepForecast>>();
        ShardParquet.Read(connection, run.Input(shard, OneStepFile), "SELECT ord, period, expected, lo80, hi80, lo95, hi95, actual, model FROM rows", r =>
        {
            var order = r.GetInt32(0);
            if (!oneStep.TryGetValue(order, out var list)) oneStep[order] = list = [];
            list.Add(new OneStepForecast(r.GetFieldValue<DateOnly>(1), r.GetDouble(2), r.Number(3), r.Number(4),
                r.Number(5), r.Number(6), r.GetDouble(7), r.GetString(8)));
        });
        var series = new List<WarnShardSeries>();
        ShardParquet.Read(connection, run.Input(shard), "SELECT ord, period, value FROM rows", r =>
        {
            var order = r.GetInt32(0);
            if (series.Count == 0 || series[^1].Order != order) series.Add(new WarnShardSeries(order, [], oneStep.GetValueOrDefault(order)));
            series[^1].Observations.Add(new Observation(r.GetFieldValue<DateOnly>(1), r.GetDouble(2)));
        });
        return series;
    }
}
