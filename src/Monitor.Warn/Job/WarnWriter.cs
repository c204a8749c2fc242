using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Warn.Job;

/// <summary>
/// Writes the warn stage's results in the caller's transaction (the owner's merge of a sharded run): anomalies; lights
/// and their configuration; composites with contributions and turning points. Each group replaces what it owns, so a
/// rerun on the same data writes the same rows; an anomaly seen before keeps its first run_id and detected_at.
/// </summary>
public static class WarnWriter
{
    public static void WriteAnomalies(DuckDBConnection connection, DuckDBTransaction? transaction, WarnResults results, long runId, DateTime now)
    {
        var seen = new Dictionary<(string, DateOnly, string), (long, DateTime)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT series_id, period, kind, run_id, detected_at FROM anomalies";
            using var reader = read.ExecuteReader();
            while (reader.Read())
                seen[(reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2))] = (reader.GetInt64(3), reader.GetDateTime(4));
        }
        Sql.Execute(connection, transaction, "DELETE FROM anomalies");
        using var appender = connection.CreateAppender("anomalies");
        foreach (var a in results.Anomalies.DistinctBy(a => (a.SeriesId, a.Period, a.Kind)))
        {
            var (firstRun, firstSeen) = seen.TryGetValue((a.SeriesId, a.Period, a.Kind), out var s) ? s : (runId, now);
            appender.CreateRow().AppendValue(a.SeriesId).AppendValue(a.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(a.Kind).AppendValue(a.Score)
                .AppendValue(a.Actual).AppendValue(a.Expected).AppendValue(a.Lo).AppendValue(a.Hi)
                .AppendValue(a.Explanation).AppendValue(a.ExplanationZh).AppendValue(firstRun).AppendValue(firstSeen).EndRow();
        }
    }

    /// <summary>
    /// Lights of one config version. Lights of a period depend only on data up to it, so a series whose earlier lights are
    /// unchanged only gets its new periods appended, an unchanged series is skipped, and a revised one is rewritten.
    /// </summary>
    public static void WriteLights(DuckDBConnection connection, DuckDBTransaction? transaction, WarnResults results, int configVersion, DateTime now)
    {
        var previous = LightState(connection, configVersion);
        Sql.Execute(connection, transaction, "DELETE FROM warn_light_config WHERE config_version = $1", configVersion);
        var plans = results.Lights.Select(l => (Series: l, Plan: LightWritePlan.For(l.Lights, previous.GetValueOrDefault(l.Series.SeriesId)))).ToList();
        Sql.Execute(connection, transaction, "CREATE OR REPLACE TEMP TABLE warn_rewrite (series_id VARCHAR)");
        using (var rewrite = connection.CreateAppender("warn_rewrite"))
        {
            foreach (var (series, plan) in plans.Where(p => p.Plan.Rewrite)) rewrite.CreateRow().AppendValue(series.Series.SeriesId).EndRow();
        }
        Sql.Execute(connection, transaction, "DELETE FROM signal_lights WHERE config_version = $1 AND series_id IN (SELECT series_id FROM warn_rewrite)", configVersion);
        Sql.Execute(connection, transaction, "DROP TABLE warn_rewrite");
        using (var appender = connection.CreateAppender("signal_lights"))
        {
            foreach (var (series, plan) in plans)
            {
                foreach (var light in series.Lights.Skip(plan.FirstToWrite))
                {
                    appender.CreateRow().AppendValue(series.Series.SeriesId).AppendValue(light.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(configVersion)
                        .AppendValue(light.Metric).AppendValue(light.Points).AppendValue(light.Colour).AppendValue(now).EndRow();
                }
            }
        }
        using (var appender = connection.CreateAppender("warn_light_config"))
        {
            foreach (var (series, plan) in plans)
            {
                var rule = series.Rule;
                var latest = series.Lights.Count > 0 ? series.Lights[^1] : null;
                var method = rule.Fixed is not null ? "fixed" : $"expanding percentiles {string.Join('/', rule.Percentiles)} (min {rule.MinimumHistory})";
                appender.CreateRow().AppendValue(configVersion).AppendValue(series.Series.SeriesId).AppendValue(method).AppendValue(series.Metric.ToString())
                    .AppendValue(rule.Weight).AppendValue(series.Series.CounterCyclical)
                    .AppendValue(latest?.CheckPoints.C1).AppendValue(latest?.CheckPoints.C2).AppendValue(latest?.CheckPoints.C3).AppendValue(latest?.CheckPoints.C4)
                    .AppendValue(now).AppendValue(latest?.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(plan.Hash).EndRow();
            }
        }
    }

    private static Dictionary<string, (DateOnly? LastPeriod, long Hash)> LightState(DuckDBConnection connection, int configVersion)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_id, last_period, lights_hash FROM warn_light_config WHERE config_version = $1 AND lights_hash IS NOT NULL";
        command.Parameters.Add(new DuckDBParameter(configVersion));
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, (DateOnly?, long)>(StringComparer.Ordinal);
        while (reader.Read())
            result[reader.GetString(0)] = (reader.IsDBNull(1) ? null : DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetInt64(2));
        return result;
    }

    public static void WriteComposites(DuckDBConnection connection, DuckDBTransaction? transaction, WarnResults results, DateTime now)
    {
        foreach (var code in results.IndexCodes.Concat(results.TurningPoints.Select(p => p.IndexCode)).Distinct(StringComparer.Ordinal))
        {
            Sql.Execute(connection, transaction, "DELETE FROM composite_readings WHERE index_code = $1", code);
            Sql.Execute(connection, transaction, "DELETE FROM composite_contributions WHERE index_code = $1", code);
            Sql.Execute(connection, transaction, "DELETE FROM turning_points WHERE index_code = $1", code);
        }
        using (var appender = connection.CreateAppender("composite_readings"))
        {
            foreach (var r in results.Readings)
                appender.CreateRow().AppendValue(r.IndexCode).AppendValue(r.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(r.Value).AppendValue(r.Colour).AppendValue(now).EndRow();
        }
        using (var appender = connection.CreateAppender("composite_contributions"))
        {
            foreach (var c in results.Contributions)
                appender.CreateRow().AppendValue(c.IndexCode).AppendValue(c.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(c.SeriesId).AppendValue(c.Contribution).EndRow();
        }
        using (var appender = connection.CreateAppender("turning_points"))
        {
            foreach (var p in results.TurningPoints)
                appender.CreateRow().AppendValue(p.IndexCode).AppendValue(p.Period.ToDateTime(TimeOnly.MinValue)).AppendValue(p.Kind).EndRow();
        }
    }
}
