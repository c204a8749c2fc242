using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Jobs;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// The firm-level warnings in shards (set-wise DuckDB SQL in each shard, never a loop per firm). Prepare (owner): writes
/// each shard's firms, split by a hash of the firm id, as one row per firm and month with output and electricity side
/// by side (<see cref="FirmMonths"/>). Compute (anywhere): one join of each month to the same month a year earlier
/// gives the year-on-year ratios, one window over each firm's months its gaps; from them the firm's own warnings
/// (divergence, silent, exit) and its fall candidates, plus every year-on-year output ratio.
/// Merge (owner): the industry-peer medians from all shards' ratios decide which candidates are falls; watch alerts are
/// raised for warnings the table did not hold, and the table is replaced, in the caller's transaction. A median does
/// not add up over shards, so the ratios travel to the owner; it is the same multiset as one run over all firms, so
/// every shard count gives the same rows. After the merge the stress index is republished. The embedded default runs
/// this with one shard in-process.
/// </summary>
/// <remarks>
/// fall — output below FallRatio of the same month a year earlier and PeerGapPoints below the median of its industry
/// division that month; silent — SilentMonths months in a row without a report, after which it reported again;
/// exit — the same, but it never reported again; divergence — electricity's year-on-year ratio below DivergenceRatio
/// times output's.
/// </remarks>
/// <param name="stress">Lazy, because a worker (no store, no ingest) builds this stage but never merges.</param>
public sealed class FirmWarningsShardStage(MonitorStore store, Lazy<StressIndex> stress, IOptions<EnterpriseOptions> options, TimeProvider clock) : IShardedStage
{
    private const string Ratios = "ratios";

    public string Key => JobKeys.EnterpriseWarnings;

    public StagePreparation Prepare(ShardRun run, CancellationToken cancellationToken)
    {
        using var connection = store.Open();
        var last = Sql.Scalar(connection, null, "SELECT max(period) FROM enterprise_current") switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => (DateOnly?)null,
        };
        var context = new FirmWarningsContext(options.Value.Warnings, last, clock.GetUtcNow().UtcDateTime);
        ShardRun.WriteAtomically(run.Context("json"), p => File.WriteAllText(p, JsonSerializer.Serialize(context)));
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // DuckDB's hash() is deterministic for one DuckDB version, and only the owner splits, so it is stable enough
            // here; it keeps the split inside one scan per shard instead of a C# pass over every firm id.
            var split = run.ShardCount == 1 ? "" : $"WHERE hash(enterprise_id) % {run.ShardCount} = {shard}";
            ShardParquet.Copy(connection, $"({FirmMonths(split)})", run.Input(shard));
        }
        return new StagePreparation(true, context.PanelEnd is null ? "enterprise warnings: no enterprise panel loaded" : $"enterprise warnings: panel to {context.PanelEnd:yyyy-MM}");
    }

    /// <summary>
    /// A shard's input: one row per firm and month it reported anything, with output and electricity side by side. The
    /// firm's region and class of that month (for silences) and the class on each indicator's row (for falls and
    /// divergences) are kept apart, as the rows may disagree on the class. Months are numbered (year × 12 + month − 1)
    /// so the year-on-year join is on integers. The panel holds one current row per firm, indicator and month, so each
    /// FILTER picks that row's value.
    /// </summary>
    private static string FirmMonths(string where) => $"""
        SELECT enterprise_id, period, year(period) * 12 + month(period) - 1 AS month,
               any_value(region_code) AS region_code, any_value(industry_code) AS industry_code,
               any_value(value) FILTER (WHERE indicator = 'output') AS output,
               any_value(industry_code) FILTER (WHERE indicator = 'output') AS output_industry,
               any_value(value) FILTER (WHERE indicator = 'electricity') AS electricity,
               any_value(industry_code) FILTER (WHERE indicator = 'electricity') AS electricity_industry
        FROM enterprise_current {where} GROUP BY enterprise_id, period
        """;

    public void Compute(ShardRun run, int shard, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var o = context.Settings;
        // The shard's joins over a large panel would otherwise take most of the machine's memory.
        using var connection = ShardParquet.Open(store.MemoryLimit, Path.Combine(run.Folder, $"spill-{shard:D4}"));
        // The shard's rows need no order; without this DuckDB keeps every intermediate in input order.
        Sql.Execute(connection, null, "SET preserve_insertion_order = false");
        Sql.Execute(connection, null, $"CREATE VIEW firm_months AS SELECT * FROM read_parquet('{ShardParquet.Escape(run.Input(shard))}')");
        // One equi-join of each firm-month to the same firm twelve months earlier gives both year-on-year ratios.
        var firm = FirmKey.For(connection, "firm_months");
        Sql.Execute(connection, null, $"""
            CREATE TEMP TABLE yoy AS
            SELECT a.enterprise_id, a.period, a.region_code, a.output_industry, a.electricity_industry,
                   CASE WHEN b.output > 0 THEN a.output / b.output END AS output_ratio,
                   CASE WHEN b.electricity > 0 THEN a.electricity / b.electricity END AS electricity_ratio
            FROM (SELECT *, {firm} AS firm FROM firm_months) a
            JOIN (SELECT {firm} AS firm, month + 12 AS month, output, electricity FROM firm_months) b USING (firm, month)
            WHERE (a.output IS NOT NULL AND b.output > 0) OR (a.electricity IS NOT NULL AND b.electricity > 0)
            """);
        Sql.Execute(connection, null, """
            CREATE TEMP TABLE found AS
            WITH gaps AS (
                SELECT enterprise_id, month, region_code, industry_code, next_month, coalesce(next_month, $4 + 1) AS gap_end
                FROM (SELECT *, lead(month) OVER (PARTITION BY enterprise_id ORDER BY month) AS next_month FROM firm_months)),
            silences AS (
                -- every month from the k-th without a report until it reports again (or the panel ends)
                SELECT enterprise_id, unnest(range(month + $3, gap_end)) AS month, CASE WHEN next_month IS NULL THEN 'exit' ELSE 'silent' END AS kind,
                       gap_end - month - 1 AS months, region_code, industry_code
                FROM gaps WHERE gap_end - month - 1 >= $3)
            -- fall candidates: the peer condition needs every shard's ratios and is applied when merging
            SELECT enterprise_id, period, 'fall' AS kind, output_ratio AS score, region_code, output_industry AS industry_code
            FROM yoy WHERE output_ratio < $1
            UNION ALL
            SELECT enterprise_id, period, 'divergence', electricity_ratio / output_ratio, region_code, electricity_industry
            FROM yoy WHERE output_ratio > 0 AND electricity_ratio / output_ratio < $2
            UNION ALL
            SELECT enterprise_id, make_date(month // 12, month % 12 + 1, 1), kind, months, region_code, industry_code FROM silences
            """, o.FallRatio, o.DivergenceRatio, o.SilentMonths, context.PanelEnd is { } end ? end.Year * 12 + end.Month - 1 : (int?)null);
        cancellationToken.ThrowIfCancellationRequested();
        ShardParquet.Copy(connection, "(SELECT substr(output_industry, 1, 2) AS division, period, output_ratio AS ratio FROM yoy WHERE output_ratio IS NOT NULL)", run.Output(shard, Ratios));
        // The output file last: its presence says the shard is complete.
        ShardParquet.Copy(connection, "found", run.Output(shard));
    }

    public string Merge(ShardRun run, DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var found = ShardParquet.Outputs(run);
        var ratios = ShardParquet.Outputs(run, Ratios);
        Sql.Execute(connection, null, $"""
            CREATE OR REPLACE TEMP TABLE {WatchAlerts.Fresh} AS
            WITH peers AS (
                SELECT division, period, median(ratio) AS median_ratio FROM read_parquet({ratios}) GROUP BY ALL)
            SELECT f.enterprise_id, f.period, f.kind, f.score, f.region_code, f.industry_code, CAST($2 AS TIMESTAMP) AS computed_at
            FROM read_parquet({found}) f LEFT JOIN peers p ON p.division = substr(f.industry_code, 1, 2) AND p.period = f.period
            WHERE f.kind <> 'fall' OR 100 * (f.score - p.median_ratio) < -$1
            """, context.Settings.PeerGapPoints, context.ComputedAt);
        // The table has no key index (it made replacing it the slowest step); a run gives one row per firm, month and
        // kind by construction, and this checks it before anything is replaced.
        var twice = Sql.Long(connection, null, $"SELECT count(*) FROM (SELECT 1 FROM {WatchAlerts.Fresh} GROUP BY enterprise_id, period, kind HAVING count(*) > 1)");
        if (twice > 0)
            throw new ShardException($"enterprise warnings: {twice} (firm, month, kind) found more than once; the stored warnings are kept");
        var alerts = WatchAlerts.Raise(connection, clock.GetUtcNow().UtcDateTime);
        Sql.Execute(connection, null, "DELETE FROM enterprise_warnings");
        var rows = Sql.Execute(connection, null, $"INSERT INTO enterprise_warnings SELECT * FROM {WatchAlerts.Fresh}");
        Sql.Execute(connection, null, $"DROP TABLE {WatchAlerts.Fresh}");
        LastMerged = new WarningRun(rows, alerts);
        return $"enterprise warnings: {rows} firm warnings, {alerts} watch alerts, from {run.ShardCount} shard(s)";
    }

    /// <summary>What the latest merge in this process wrote (the embedded caller reads it right after its run).</summary>
    public WarningRun? LastMerged { get; private set; }

    /// <summary>The stress index is built from the warnings, so it follows every merge (also when shards ran elsewhere).</summary>
    public void Merged(ShardRun run) => stress.Value.Publish();

    public void Fail(ShardRun run, string reason)
    {
        // The stage has no run table of its own: scale_runs holds the reason, and the previous warnings stay in place.
    }

    private static FirmWarningsContext Context(ShardRun run) =>
        JsonSerializer.Deserialize<FirmWarningsContext>(File.ReadAllText(run.Context("json"))) ?? throw new ShardException($"{run.Context("json")} is empty");
}

/// <summary>What every shard of a warnings run shares: the thresholds, the panel's last month and the run's time stamp.</summary>
public sealed record FirmWarningsContext(WarningOptions Settings, DateOnly? PanelEnd, DateTime ComputedAt);
