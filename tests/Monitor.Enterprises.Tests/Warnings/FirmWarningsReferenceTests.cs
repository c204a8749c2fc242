using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Store;
using Monitor.Enterprises.Warnings;

namespace Monitor.Enterprises.Tests.Warnings;

/// <summary>
/// The warnings as computed since session 7 (firm-months side by side, one join a year back, a window for gaps) flag
/// exactly what the session-6 SQL flagged (self-joins over the raw rows), kept here as the reference.
/// </summary>
[TestClass]
public sealed class FirmWarningsReferenceTests
{
    // The session-6 rules over every current row at once (one shard), peers applied in the same statement.
    private const string Reference = """
        WITH firm_rows AS (SELECT enterprise_id, period, indicator, value, region_code, industry_code FROM enterprise_current),
        yoy AS (
            SELECT a.enterprise_id, a.period, a.indicator, a.region_code, a.industry_code, a.value / b.value AS ratio
            FROM firm_rows a JOIN firm_rows b ON b.enterprise_id = a.enterprise_id AND b.indicator = a.indicator
                                             AND b.period = CAST(a.period - INTERVAL 12 MONTH AS DATE)
            WHERE a.indicator IN ('output', 'electricity') AND b.value > 0),
        peers AS (SELECT substr(industry_code, 1, 2) AS division, period, median(ratio) AS median_ratio FROM yoy WHERE indicator = 'output' GROUP BY ALL),
        falls AS (
            SELECT y.enterprise_id, y.period, 'fall' AS kind, y.ratio AS score, y.region_code, y.industry_code
            FROM yoy y JOIN peers p ON p.division = substr(y.industry_code, 1, 2) AND p.period = y.period
            WHERE y.indicator = 'output' AND y.ratio < $1 AND 100 * (y.ratio - p.median_ratio) < -$5),
        divergence AS (
            SELECT e.enterprise_id, e.period, 'divergence', e.ratio / q.ratio, e.region_code, e.industry_code
            FROM yoy e JOIN yoy q ON q.enterprise_id = e.enterprise_id AND q.period = e.period AND q.indicator = 'output'
            WHERE e.indicator = 'electricity' AND q.ratio > 0 AND e.ratio / q.ratio < $2),
        reports AS (
            SELECT enterprise_id, period, any_value(region_code) AS region_code, any_value(industry_code) AS industry_code,
                   lead(period) OVER (PARTITION BY enterprise_id ORDER BY period) AS next_period
            FROM firm_rows GROUP BY enterprise_id, period),
        gaps AS (
            SELECT *, coalesce(next_period, CAST(CAST($4 AS DATE) + INTERVAL 1 MONTH AS DATE)) AS gap_end FROM reports),
        silences AS (
            SELECT enterprise_id, CAST(unnest(range(CAST(period + to_months($3) AS TIMESTAMP), CAST(gap_end AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE),
                   CASE WHEN next_period IS NULL THEN 'exit' ELSE 'silent' END, datediff('month', period, gap_end) - 1, region_code, industry_code
            FROM gaps WHERE datediff('month', period, gap_end) - 1 >= $3)
        SELECT kind || ' ' || enterprise_id || ' ' || period || ' ' || score || ' ' || region_code || ' ' || industry_code
        FROM (SELECT * FROM falls UNION ALL SELECT * FROM divergence UNION ALL SELECT * FROM silences) ORDER BY ALL
        """;

    [TestMethod]
    [DataRow(0.7, 0.75, 3, 20.0, DisplayName = "default thresholds")]
    [DataRow(1.2, 0.9, 4, 5.0, DisplayName = "loose thresholds: falls hang on the peer medians, silences of exactly four months")]
    public void NewQueriesFlagExactlyWhatTheSelfJoinsFlagged(double fallRatio, double divergenceRatio, int silentMonths, double peerGap)
    {
        using var owned = SampleFixture.OwnStore();
        var store = owned.Store;
        var settings = new WarningOptions { FallRatio = fallRatio, DivergenceRatio = divergenceRatio, SilentMonths = silentMonths, PeerGapPoints = peerGap };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));

        new FirmWarnings(store, clock, Options.Create(new EnterpriseOptions { Warnings = settings })).Run();

        var panelEnd = Sql.Rows(store, "SELECT max(period) FROM enterprise_current", r => r.GetDateTime(0)).Single();
        var expected = Sql.Rows(store, Reference, r => r.GetString(0), fallRatio, divergenceRatio, silentMonths, panelEnd, peerGap);
        var actual = Sql.Rows(store, """
            SELECT kind || ' ' || enterprise_id || ' ' || period || ' ' || score || ' ' || region_code || ' ' || industry_code
            FROM enterprise_warnings ORDER BY ALL
            """, r => r.GetString(0));
        foreach (var kind in new[] { "fall ", "divergence ", "silent ", "exit " })
            Assert.IsTrue(expected.Any(w => w.StartsWith(kind, StringComparison.Ordinal)), $"the sample gives '{kind.Trim()}' warnings to compare");
        CollectionAssert.AreEqual(expected, actual, $"{expected.Count} reference warnings against {actual.Count}");
    }
}
