using DuckDB.NET.Data;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Evaluation.Shards;

/// <summary>
/// The Parquet files of a nowcast-evaluation run: the panel (the run's context, one file every shard reads), each
/// shard's quarters, and each shard's model nowcasts.
/// </summary>
internal static class NowcastEvaluationFiles
{
    private const string Panel = "panel.parquet";

    /// <summary>The indicators the settings use and the target, long: only the values present (a missing value is a missing row).</summary>
    public static void WritePanel(ShardRun run, UsPanel panel, IReadOnlyList<string> indicators) =>
        ShardParquet.Write(run.Context(Panel), "series VARCHAR, is_target BOOLEAN, t INTEGER, value DOUBLE", appender =>
        {
            void Append(string series, bool target, double[] values)
            {
                for (var t = 0; t < values.Length; t++)
                    if (double.IsFinite(values[t])) appender.CreateRow().AppendValue(series).AppendValue(target).AppendValue(t).AppendValue(values[t]).EndRow();
            }
            foreach (var code in indicators) Append(code, false, panel.Monthly[code]);
            Append("target", true, panel.Target);
        });

    public static UsPanel ReadPanel(ShardRun run, NowcastEvaluationContext context)
    {
        var monthly = context.Settings.Indicators.ToDictionary(code => code, _ => Missing(context.PanelMonths), StringComparer.Ordinal);
        var target = Missing(context.PanelMonths);
        ShardParquet.Read(run.Context(Panel), "SELECT series, is_target, t, value FROM rows", r =>
        {
            var values = r.GetBoolean(1) ? target : monthly[r.GetString(0)];
            values[r.GetInt32(2)] = r.GetDouble(3);
        });
        return new UsPanel(context.PanelStart, context.PanelMonths, monthly, new Dictionary<string, string>(context.Groups, StringComparer.Ordinal), target);
    }

    public static void WriteQuarters(string path, IEnumerable<DateOnly> quarters) =>
        ShardParquet.Write(path, "quarter DATE", appender =>
        {
            foreach (var quarter in quarters) appender.CreateRow().AppendValue(quarter).EndRow();
        });

    public static List<DateOnly> ReadQuarters(string path)
    {
        var quarters = new List<DateOnly>();
        ShardParquet.Read(path, "SELECT quarter FROM rows ORDER BY quarter", r => quarters.Add(r.GetFieldValue<DateOnly>(0)));
        return quarters;
    }

    public static void WriteNowcasts(string path, int shard, IEnumerable<ModelNowcast> rows) =>
        ShardParquet.Write(path, """
            shard INTEGER, quarter DATE, month INTEGER, actual DOUBLE, model_mean DOUBLE, model_sd DOUBLE, ar1 DOUBLE, ms DOUBLE, cpu_ms DOUBLE,
            reestimated BOOLEAN, fit_seconds DOUBLE, em_iterations INTEGER, problem VARCHAR, product_sd DOUBLE
            """, appender =>
        {
            foreach (var n in rows)
                appender.CreateRow().AppendValue(shard).AppendValue(n.Quarter).AppendValue(n.Month).AppendValue(n.Actual).AppendValue(n.Model.Mean)
                    .AppendValue(n.Model.StandardDeviation).AppendValue(n.Ar1).AppendValue(n.Milliseconds).AppendValue(n.CpuMilliseconds)
                    .AppendValue(n.Reestimated).AppendValue(n.FitSeconds).AppendValue(n.EmIterations).AppendValue(n.Problem).AppendValue(n.ProductSd).EndRow();
        });

    /// <summary>Every shard's model nowcasts in (quarter, month) order, with the shard that made each (read on the owner's connection).</summary>
    public static List<(int Shard, ModelNowcast Nowcast)> ReadNowcasts(DuckDBConnection connection, ShardRun run) =>
        Sql.Rows(connection, $"""
            SELECT shard, quarter, month, actual, model_mean, model_sd, ar1, ms, cpu_ms, reestimated, fit_seconds, em_iterations, problem, product_sd
            FROM read_parquet({ShardParquet.Outputs(run)}) ORDER BY quarter, month
            """, r => (r.GetInt32(0), new ModelNowcast(r.GetFieldValue<DateOnly>(1), r.GetInt32(2), r.GetDouble(3),
                new NowcastDensity(r.GetDouble(4), r.GetDouble(5)), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetBoolean(9), r.GetDouble(10),
                r.GetInt32(11), r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetDouble(13))));

    private static double[] Missing(int months) => Enumerable.Repeat(double.NaN, months).ToArray();
}
