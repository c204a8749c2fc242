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
/// each shard's firms, all their rows of the current vintage, split by a hash of the firm id. Compute (anywhere): the
/// firm's own warnings (divergence, silent, exit) and its fall candidates, plus every year-on-year output ratio.
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
            ShardRun.WriteAtomically(run.Input(shard), temporary => Sql.Execute(connection, null,
                $"COPY (SELECT enterprise_id, period, indicator, value, region_code, industry_code FROM enterprise_current {split}) TO '{ShardParquet.Escape(temporary)}' (FORMAT parquet)"));
        }
        return new StagePreparation(true, context.PanelEnd is null ? "enterprise warnings: no enterprise panel loaded" : $"enterprise warnings: panel to {context.PanelEnd:yyyy-MM}");
    }

    public void Compute(ShardRun run, int shard, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var o = context.Settings;
        // The shard's joins over a large panel would otherwise take most of the machine's memory.
        using var connection = ShardParquet.Open(store.MemoryLimit, Path.Combine(run.Folder, $"spill-{shard:D4}"));
        Sql.Execute(connection, null, $"CREATE VIEW firm_rows AS SELECT * FROM read_parquet('{ShardParquet.Escape(run.Input(shard))}')");
        Sql.Execute(connection, null, """
            CREATE TEMP TABLE yoy AS
            WITH firm AS (SELECT * FROM firm_rows WHERE indicator IN ('output', 'electricity'))
            SELECT a.enterprise_id, a.period, a.indicator, a.region_code, a.industry_code, a.value / b.value AS ratio
            FROM firm a JOIN firm b ON b.enterprise_id = a.enterprise_id AND b.indicator = a.indicator
                                    AND b.period = CAST(a.period - INTERVAL 12 MONTH AS DATE)
            WHERE b.value > 0
            """);
        Sql.Execute(connection, null, """
            CREATE TEMP TABLE found AS
            WITH falls AS (
                -- candidates: the peer condition needs every shard's ratios and is applied when merging
                SELECT enterprise_id, period, 'fall' AS kind, ratio AS score, region_code, industry_code
                FROM yoy WHERE indicator = 'output' AND ratio < $1),
            divergence AS (
                SELECT e.enterprise_id, e.period, 'divergence', e.ratio / q.ratio, e.region_code, e.industry_code
                FROM yoy e JOIN yoy q ON q.enterprise_id = e.enterprise_id AND q.period = e.period AND q.indicator = 'output'
                WHERE e.indicator = 'electricity' AND q.ratio > 0 AND e.ratio / q.ratio < $2),
            reports AS (
                SELECT enterprise_id, period, any_value(region_code) AS region_code, any_value(industry_code) AS industry_code,
                       lead(period) OVER (PARTITION BY enterprise_id ORDER BY period) AS next_period
                FROM firm_rows GROUP BY enterprise_id, period),
            gaps AS (
                SELECT enterprise_id, period, next_period, region_code, industry_code,
                       coalesce(next_period, CAST(CAST($4 AS DATE) + INTERVAL 1 MONTH AS DATE)) AS gap_end
                FROM reports),
            silences AS (
                -- every month from the k-th without a report until it reports again (or the panel ends)
                SELECT enterprise_id, CAST(unnest(range(CAST(period + to_months($3) AS TIMESTAMP), CAST(gap_end AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE),
                       CASE WHEN next_period IS NULL THEN 'exit' ELSE 'silent' END, datediff('month', period, gap_end) - 1, region_code, industry_code
                FROM gaps WHERE datediff('month', period, gap_end) - 1 >= $3)
            SELECT * FROM falls UNION ALL SELECT * FROM divergence UNION ALL SELECT * FROM silences
            """, o.FallRatio, o.DivergenceRatio, o.SilentMonths, context.PanelEnd?.ToDateTime(TimeOnly.MinValue));
        cancellationToken.ThrowIfCancellationRequested();
        ShardRun.WriteAtomically(run.Output(shard, Ratios), temporary => Sql.Execute(connection, null,
            $"COPY (SELECT substr(industry_code, 1, 2) AS division, period, ratio FROM yoy WHERE indicator = 'output') TO '{ShardParquet.Escape(temporary)}' (FORMAT parquet)"));
        // The output file last: its presence says the shard is complete.
        ShardRun.WriteAtomically(run.Output(shard), temporary => Sql.Execute(connection, null, $"COPY found TO '{ShardParquet.Escape(temporary)}' (FORMAT parquet)"));
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
