using System.Globalization;
using Monitor.Core.Store;

namespace Monitor.Testing;

/// <summary>Every table the warn stage writes, row by row as text, to compare two runs exactly.</summary>
public static class WarnTables
{
    /// <summary>One query per table, without the ids its sequences hand out (they move on between runs).</summary>
    public static IReadOnlyList<string> Queries { get; } =
    [
        "SELECT * EXCLUDE (run_id) FROM anomalies",
        "SELECT * FROM signal_lights",
        "SELECT * FROM warn_light_config",
        "SELECT * FROM composite_readings",
        "SELECT * FROM composite_contributions",
        "SELECT * FROM turning_points",
        "SELECT * EXCLUDE (alert_id) FROM alerts",
        "SELECT a.dedup_key, e.* EXCLUDE (event_id, alert_id) FROM alert_events e JOIN alerts a USING (alert_id)",
        "SELECT * FROM alert_grouping",
    ];

    /// <summary>The rows of each of <see cref="Queries"/>, sorted, each as "|v1|v2|…|" (doubles round-trip exactly).</summary>
    public static List<string>[] Snapshot(MonitorStore store) => Queries.Select(select => Sql.Rows(store, $"SELECT * FROM ({select}) ORDER BY ALL", r =>
        "|" + string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))) + "|")).ToArray();

    /// <summary>Asserts that two snapshots hold the same rows, table by table (and that the expected one wrote every table).</summary>
    public static void AssertEqual(List<string>[] expected, List<string>[] actual, string what)
    {
        for (var t = 0; t < Queries.Count; t++)
        {
            Assert.IsNotEmpty(expected[t], Queries[t]);
            CollectionAssert.AreEqual(expected[t], actual[t], $"{what}: {Queries[t]}");
        }
    }
}
