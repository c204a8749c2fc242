using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.RealTime;
using Monitor.Core.Store;
using Monitor.Warn.Anomalies;

namespace Monitor.Warn.Job;

/// <summary>Reads the warn stage's inputs from the store in three scans (catalogue, current observations, one-step forecasts).</summary>
public sealed class WarnInputReader(MonitorStore store, SeriesReader series)
{
    /// <summary>The inputs as known at <paramref name="asOf"/> (null = now), read through <see cref="AsOf"/>.</summary>
    public WarnInputs Read(DateTime? asOf = null)
    {
        var catalogue = series.Catalogue();
        using var connection = store.Open();
        return new WarnInputs(catalogue, AsOf.KnownAll(connection, asOf), ReadOneStep(connection, asOf));
    }

    // As of a past instant, only periods whose actual value was public then are scored, against that value.
    private static Dictionary<string, List<OneStepForecast>> ReadOneStep(DuckDBConnection connection, DateTime? asOf)
    {
        using var command = connection.CreateCommand();
        var actual = asOf is null ? "coalesce(f.actual, o.value)" : "o.value";
        command.CommandText = $"""
            SELECT f.series_id, f.period, f.expected, f.lo80, f.hi80, f.lo95, f.hi95, {actual}, f.model
            FROM one_step_forecasts f
            LEFT JOIN observations o ON o.series_id = f.series_id AND o.period = f.period AND {AsOf.Filter(command, asOf)}
            WHERE {actual} IS NOT NULL
            ORDER BY f.series_id, f.period
            """;
        var result = new Dictionary<string, List<OneStepForecast>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var list)) result[id] = list = [];
            list.Add(new OneStepForecast(DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetDouble(2),
                Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6), reader.GetDouble(7), reader.GetString(8)));
        }
        return result;
    }

    private static double? Nullable(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
