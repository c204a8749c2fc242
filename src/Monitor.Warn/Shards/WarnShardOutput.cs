using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Job;
using Monitor.Warn.Lights;

namespace Monitor.Warn.Shards;

/// <summary>
/// A warn shard's outcomes as typed Parquet columns, keyed by catalogue position (ord): one row per series in "output"
/// (written last, so its presence means the shard is complete), and one row per light, metric value and finding in
/// their own files. Of the seasonal scores only the candidates for a finding travel, with the shard's per-dataset,
/// per-month tallies that decide common shocks (counts add up over shards; every score did not need to reach the
/// owner). Doubles travel as Parquet DOUBLE, so every value comes back bit for bit (<see cref="ShardParquet.Write(string, string, Action{DuckDBAppender})"/>),
/// which the equality of one and many shards needs. The catalogue row and the light rule are not shipped: the merge
/// takes them from the run's context and settings, as the shard did.
/// </summary>
public static class WarnShardOutput
{
    private const string LightsFile = "lights";
    private const string MetricFile = "metric";
    private const string FindingsFile = "findings";
    private const string SeasonalFile = "seasonal";
    private const string TallyFile = "tally";

    /// <summary>
    /// Writes the per-row files on two threads, in halves of about the same size (the lights; the metric values, findings,
    /// seasonal candidates and tallies), each through its own private DuckDB; then the per-series file.
    /// </summary>
    public static void Write(ShardRun run, int shard, IReadOnlyList<SeriesOutcome> outcomes, IReadOnlyDictionary<string, Dictionary<DateOnly, ShockTally>> seasonalTallies)
    {
        using var first = ShardParquet.Open();
        using var second = ShardParquet.Open();
        Parallel.Invoke(() => WriteLights(first, run, shard, outcomes), () => WriteScores(second, run, shard, outcomes, seasonalTallies));
        ShardParquet.Write(first, run.Output(shard), "ord INTEGER, latest DATE, fallback BOOLEAN, metric VARCHAR, metric_start DATE, spring_festival BOOLEAN", appender =>
        {
            foreach (var o in outcomes)
            {
                appender.CreateRow().AppendValue(o.Order).AppendValue(o.Latest).AppendValue(o.Fallback).AppendValue(o.Lights?.Metric.ToString())
                    .AppendValue(o.Lights?.MetricStart).AppendValue(o.Seasonal?.SpringFestival).EndRow();
            }
        });
    }

    private static void WriteLights(DuckDBConnection connection, ShardRun run, int shard, IReadOnlyList<SeriesOutcome> outcomes)
    {
        ShardParquet.Write(connection, run.Output(shard, LightsFile), "ord INTEGER, period DATE, metric DOUBLE, c1 DOUBLE, c2 DOUBLE, c3 DOUBLE, c4 DOUBLE, points INTEGER", appender =>
        {
            foreach (var o in outcomes)
            {
                foreach (var l in o.Lights?.Lights ?? [])
                {
                    appender.CreateRow().AppendValue(o.Order).AppendValue(l.Period).AppendValue(l.Metric).AppendValue(l.CheckPoints.C1).AppendValue(l.CheckPoints.C2)
                        .AppendValue(l.CheckPoints.C3).AppendValue(l.CheckPoints.C4).AppendValue(l.Points).EndRow();
                }
            }
        });
    }

    private static void WriteScores(DuckDBConnection connection, ShardRun run, int shard, IReadOnlyList<SeriesOutcome> outcomes,
        IReadOnlyDictionary<string, Dictionary<DateOnly, ShockTally>> seasonalTallies)
    {
        ShardParquet.Write(connection, run.Output(shard, MetricFile), "ord INTEGER, value DOUBLE", appender =>
        {
            foreach (var o in outcomes)
                foreach (var value in o.Lights?.MetricValues ?? []) appender.CreateRow().AppendValue(o.Order).AppendValue(value).EndRow();
        });
        ShardParquet.Write(connection, run.Output(shard, TallyFile), "dataset VARCHAR, period DATE, scored INTEGER, extreme INTEGER", appender =>
        {
            foreach (var (dataset, months) in seasonalTallies)
                foreach (var (period, tally) in months) appender.CreateRow().AppendValue(dataset).AppendValue(period).AppendValue(tally.Scored).AppendValue(tally.Extreme).EndRow();
        });
        ShardParquet.Write(connection, run.Output(shard, FindingsFile),
            "ord INTEGER, period DATE, kind VARCHAR, score DOUBLE, actual DOUBLE, expected DOUBLE, lo DOUBLE, hi DOUBLE, explanation VARCHAR, explanation_zh VARCHAR", appender =>
            {
                foreach (var o in outcomes)
                {
                    foreach (var f in o.Findings)
                    {
                        appender.CreateRow().AppendValue(o.Order).AppendValue(f.Period).AppendValue(f.Kind).AppendValue(f.Score).AppendValue(f.Actual)
                            .AppendValue(f.Expected).AppendValue(f.Lo).AppendValue(f.Hi).AppendValue(f.Explanation).AppendValue(f.ExplanationZh).EndRow();
                    }
                }
            });
        ShardParquet.Write(connection, run.Output(shard, SeasonalFile), "ord INTEGER, period DATE, actual DOUBLE, expected DOUBLE, lo DOUBLE, hi DOUBLE, z DOUBLE", appender =>
        {
            foreach (var o in outcomes)
            {
                foreach (var s in o.Seasonal?.Scores ?? [])
                    appender.CreateRow().AppendValue(o.Order).AppendValue(s.Period).AppendValue(s.Actual).AppendValue(s.Expected).AppendValue(s.Lo).AppendValue(s.Hi).AppendValue(s.Z).EndRow();
            }
        });
    }

    /// <summary>
    /// Every shard's outcomes in catalogue order, and the seasonal tallies summed over shards. Each file is read once over
    /// all shards (the same halves as written, on two threads) and its rows go to the bucket of their series: the rows of
    /// one series are in one shard, in the order the shard wrote them (a scan without ORDER BY keeps it).
    /// </summary>
    public static (List<SeriesOutcome> Outcomes, Dictionary<string, Dictionary<DateOnly, ShockTally>> SeasonalTallies) Read(
        ShardRun run, WarnComputation computation, IReadOnlyList<SeriesInfo> catalogue)
    {
        using var first = ShardParquet.Open();
        using var second = ShardParquet.Open();
        var rows = new RowsBySeries(catalogue.Count);
        Parallel.Invoke(() => ReadLights(first, run, rows), () => ReadScores(second, run, catalogue, rows));
        var outcomes = new SeriesOutcome?[catalogue.Count];
        ShardParquet.ReadOutputs(first, run, "output", "SELECT ord, latest, fallback, metric, metric_start, spring_festival FROM rows", r =>
        {
            var order = r.GetInt32(0);
            var series = catalogue[order];
            var lights = r.IsDBNull(3) ? null
                : computation.Lights(series, Enum.Parse<LightMetricKind>(r.GetString(3)), [.. rows.Metric[order] ?? []], r.GetFieldValue<DateOnly>(4), rows.Lights[order] ?? []);
            var seasonal = r.IsDBNull(5) ? null : new SeasonalSeriesScores(series.SeriesId, r.GetBoolean(5), rows.Seasonal[order] ?? []);
            outcomes[order] = new SeriesOutcome(order, series, r.GetFieldValue<DateOnly>(1), lights, rows.Findings[order] ?? [], r.GetBoolean(2), seasonal);
        });
        return ([.. outcomes.OfType<SeriesOutcome>()], rows.Tallies);
    }

    private static void ReadLights(DuckDBConnection connection, ShardRun run, RowsBySeries rows) =>
        Buckets(connection, run, LightsFile, "SELECT ord, period, metric, c1, c2, c3, c4, points FROM rows", rows.Lights, r =>
            new LightReading(r.GetFieldValue<DateOnly>(1), r.GetDouble(2), new CheckPoints(r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6)), r.GetInt32(7)));

    private static void ReadScores(DuckDBConnection connection, ShardRun run, IReadOnlyList<SeriesInfo> catalogue, RowsBySeries rows)
    {
        Buckets(connection, run, MetricFile, "SELECT ord, value FROM rows", rows.Metric, r => r.GetDouble(1));
        Buckets(connection, run, FindingsFile, "SELECT ord, period, kind, score, actual, expected, lo, hi, explanation, explanation_zh FROM rows", rows.Findings, r =>
            new AnomalyFinding(catalogue[r.GetInt32(0)].SeriesId, r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetDouble(3), r.Number(4), r.Number(5), r.Number(6), r.Number(7),
                r.GetString(8), r.GetString(9)));
        Buckets(connection, run, SeasonalFile, "SELECT ord, period, actual, expected, lo, hi, z FROM rows", rows.Seasonal, r =>
            new SeasonalScore(r.GetFieldValue<DateOnly>(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6)));
        ShardParquet.ReadOutputs(connection, run, TallyFile, "SELECT dataset, period, sum(scored)::INTEGER, sum(extreme)::INTEGER FROM rows GROUP BY ALL", r =>
        {
            if (!rows.Tallies.TryGetValue(r.GetString(0), out var months)) rows.Tallies[r.GetString(0)] = months = [];
            months[r.GetFieldValue<DateOnly>(1)] = new ShockTally(r.GetInt32(2), r.GetInt32(3));
        });
    }

    /// <summary>The per-row files' rows, bucket k holding the rows of catalogue position k.</summary>
    private sealed class RowsBySeries(int count)
    {
        public List<LightReading>?[] Lights { get; } = new List<LightReading>?[count];

        public List<double>?[] Metric { get; } = new List<double>?[count];

        public List<AnomalyFinding>?[] Findings { get; } = new List<AnomalyFinding>?[count];

        public List<SeasonalScore>?[] Seasonal { get; } = new List<SeasonalScore>?[count];

        public Dictionary<string, Dictionary<DateOnly, ShockTally>> Tallies { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Puts the rows of every shard's file <paramref name="name"/> into <paramref name="buckets"/> by series (the select's first column is ord).</summary>
    private static void Buckets<T>(DuckDBConnection connection, ShardRun run, string name, string select, List<T>?[] buckets, Func<DuckDBDataReader, T> row) =>
        ShardParquet.ReadOutputs(connection, run, name, select, r => (buckets[r.GetInt32(0)] ??= []).Add(row(r)));
}
