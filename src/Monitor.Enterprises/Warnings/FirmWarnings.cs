using Microsoft.Extensions.Options;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Warnings;

/// <summary>
/// Computes every firm-level warning of the current vintage set-wise in DuckDB (no loop per firm) and replaces
/// enterprise_warnings in one transaction:
/// fall — output below FallRatio of the same month a year earlier and PeerGapPoints below the median of its
/// industry division that month; silent — SilentMonths months in a row without a report, after which it reported
/// again; exit — the same, but it never reported again; divergence — electricity's year-on-year ratio below
/// DivergenceRatio times output's. A warning that was not there before the run becomes a watch alert for each user
/// who watches the firm and whose scope covers it (<see cref="WatchAlerts"/>), in the same transaction.
/// </summary>
public sealed class FirmWarnings(MonitorStore store, TimeProvider clock, IOptions<EnterpriseOptions> options)
{
    /// <summary>Rebuilds the warnings; returns how many there are and how many watch alerts they raised.</summary>
    public WarningRun Run()
    {
        var o = options.Value.Warnings;
        using var connection = store.Open();
        Sql.Execute(connection, null, "BEGIN TRANSACTION");
        try
        {
            Sql.Execute(connection, null, $"""
                CREATE OR REPLACE TEMP TABLE {WatchAlerts.Fresh} AS
                WITH firm AS (
                    SELECT enterprise_id, period, indicator, value, region_code, industry_code FROM enterprise_current
                    WHERE indicator IN ('output', 'electricity')),
                yoy AS (
                    SELECT a.enterprise_id, a.period, a.indicator, a.region_code, a.industry_code, a.value / b.value AS ratio
                    FROM firm a JOIN firm b ON b.enterprise_id = a.enterprise_id AND b.indicator = a.indicator
                                            AND b.period = CAST(a.period - INTERVAL 12 MONTH AS DATE)
                    WHERE b.value > 0),
                peers AS (
                    SELECT substr(industry_code, 1, 2) AS division, period, median(ratio) AS median_ratio
                    FROM yoy WHERE indicator = 'output' GROUP BY ALL),
                falls AS (
                    SELECT y.enterprise_id, y.period, 'fall' AS kind, y.ratio AS score, y.region_code, y.industry_code
                    FROM yoy y JOIN peers p ON p.division = substr(y.industry_code, 1, 2) AND p.period = y.period
                    WHERE y.indicator = 'output' AND y.ratio < $1 AND 100 * (y.ratio - p.median_ratio) < -$2),
                divergence AS (
                    SELECT e.enterprise_id, e.period, 'divergence', e.ratio / q.ratio, e.region_code, e.industry_code
                    FROM yoy e JOIN yoy q ON q.enterprise_id = e.enterprise_id AND q.period = e.period AND q.indicator = 'output'
                    WHERE e.indicator = 'electricity' AND q.ratio > 0 AND e.ratio / q.ratio < $3),
                reports AS (
                    SELECT enterprise_id, period, any_value(region_code) AS region_code, any_value(industry_code) AS industry_code,
                           lead(period) OVER (PARTITION BY enterprise_id ORDER BY period) AS next_period
                    FROM enterprise_current GROUP BY enterprise_id, period),
                panel_end AS (SELECT max(period) AS last FROM enterprise_current),
                gaps AS (
                    SELECT r.enterprise_id, r.period, r.next_period, r.region_code, r.industry_code,
                           coalesce(r.next_period, CAST(e.last + INTERVAL 1 MONTH AS DATE)) AS gap_end
                    FROM reports r, panel_end e),
                silences AS (
                    -- every month from the k-th without a report until it reports again (or the panel ends)
                    SELECT enterprise_id, CAST(unnest(range(CAST(period + to_months($4) AS TIMESTAMP), CAST(gap_end AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE),
                           CASE WHEN next_period IS NULL THEN 'exit' ELSE 'silent' END, datediff('month', period, gap_end) - 1, region_code, industry_code
                    FROM gaps WHERE datediff('month', period, gap_end) - 1 >= $4)
                SELECT *, $5 AS computed_at FROM falls UNION ALL SELECT *, $5 FROM divergence UNION ALL SELECT *, $5 FROM silences
                """, o.FallRatio, o.PeerGapPoints, o.DivergenceRatio, o.SilentMonths, Now());
            var alerts = WatchAlerts.Raise(connection, Now());
            Sql.Execute(connection, null, "DELETE FROM enterprise_warnings");
            var rows = Sql.Execute(connection, null, $"INSERT INTO enterprise_warnings SELECT * FROM {WatchAlerts.Fresh}");
            Sql.Execute(connection, null, $"DROP TABLE {WatchAlerts.Fresh}");
            Sql.Execute(connection, null, "COMMIT");
            return new WarningRun(rows, alerts);
        }
        catch
        {
            Sql.Execute(connection, null, "ROLLBACK");
            throw;
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>What a warnings run did: firm warnings now stored, and watch alerts raised for new ones.</summary>
public sealed record WarningRun(long Warnings, long WatchAlerts);
