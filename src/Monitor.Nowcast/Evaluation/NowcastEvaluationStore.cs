using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Evaluation;

/// <summary>What an evaluation run left in the store: its scored nowcasts in order, the EM fits (warm-up years included) and their problems.</summary>
public sealed record NowcastEvaluationResult(IReadOnlyList<EvaluatedNowcast> Rows, int Fits, double FitSeconds, IReadOnlyList<string> Problems);

/// <summary>The nowcast_evaluations table (nowcast schema 002): written by the evaluation's merge, read back for the report.</summary>
public static class NowcastEvaluationStore
{
    private const string Columns = "run_id, quarter, month, scored, shard, actual, mean, sd, model_mean, model_sd, product_sd, ar1, ms, cpu_ms, reestimated, fit_seconds, em_iterations, problem";

    /// <summary>Inserts a run's rows on <paramref name="connection"/> (inside the merge's transaction).</summary>
    public static int Write(DuckDBConnection connection, long runId, IEnumerable<(int Shard, CorrectedNowcast Row)> rows)
    {
        var written = 0;
        foreach (var (shard, row) in rows)
        {
            var m = row.Model;
            written += Sql.Execute(connection, null, $"INSERT INTO nowcast_evaluations ({Columns}) VALUES ({Sql.Placeholders(18)})",
                runId, m.Quarter, m.Month, row.Scored, shard, m.Actual, row.Nowcast.Mean, row.Nowcast.StandardDeviation, m.Model.Mean, m.Model.StandardDeviation,
                row.Product?.StandardDeviation, m.Ar1, m.Milliseconds, m.CpuMilliseconds, m.Reestimated, m.FitSeconds, m.EmIterations, m.Problem);
        }
        return written;
    }

    public static NowcastEvaluationResult Read(MonitorStore store, long runId)
    {
        using var connection = store.Open();
        var rows = Sql.Rows(connection, """
            SELECT quarter, month, actual, mean, sd, ar1, ms, cpu_ms, model_mean, model_sd, product_sd, reestimated
            FROM nowcast_evaluations WHERE run_id = $1 AND scored ORDER BY quarter, month
            """, r => new EvaluatedNowcast(r.GetFieldValue<DateOnly>(0), r.GetInt32(1), r.GetDouble(2), new NowcastDensity(r.GetDouble(3), r.GetDouble(4)),
                r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), new NowcastDensity(r.GetDouble(8), r.GetDouble(9)),
                r.IsDBNull(10) ? null : new NowcastDensity(r.GetDouble(3), r.GetDouble(10)), r.GetBoolean(11)), runId);
        var (fits, seconds) = Sql.Rows(connection, "SELECT count(*) FILTER (WHERE reestimated), coalesce(sum(fit_seconds), 0) FROM nowcast_evaluations WHERE run_id = $1",
            r => ((int)r.Count(0), r.GetDouble(1)), runId).Single();
        var problems = Sql.Rows(connection, "SELECT problem FROM nowcast_evaluations WHERE run_id = $1 AND problem IS NOT NULL ORDER BY quarter, month",
            r => r.GetString(0), runId);
        return new NowcastEvaluationResult(rows, fits, seconds, problems.Distinct().ToList());
    }
}
