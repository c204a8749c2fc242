using System.Globalization;
using Monitor.Core.Store;

namespace Monitor.Present.Charts;

/// <summary>
/// A cheap stamp of "has anything in the store changed?", read from the small bookkeeping tables that every writer touches
/// when it finishes (job_runs, ingest_runs, forecast_runs, alert_events, alerts). Caches keyed by it never serve stale data.
/// </summary>
public sealed class StoreChangeToken(MonitorStore store)
{
    public string Current()
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT coalesce(max(job_run_id), 0) FROM job_runs), (SELECT max(finished_at) FROM job_runs),
                   (SELECT coalesce(max(run_id), 0) FROM ingest_runs), (SELECT max(finished_at) FROM ingest_runs),
                   (SELECT coalesce(max(run_id), 0) FROM forecast_runs), (SELECT max(finished_at) FROM forecast_runs),
                   (SELECT coalesce(max(event_id), 0) FROM alert_events), (SELECT max(updated_at) FROM alerts)
            """;
        using var row = command.ExecuteReader();
        row.Read();
        var parts = new string[row.FieldCount];
        for (var i = 0; i < parts.Length; i++)
            parts[i] = row.IsDBNull(i) ? "-" : Convert.ToString(row.GetValue(i), CultureInfo.InvariantCulture)!;
        return string.Join('|', parts);
    }
}
