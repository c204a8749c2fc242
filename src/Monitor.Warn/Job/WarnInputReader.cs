using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Warn.Anomalies;

namespace Monitor.Warn.Job;

/// <summary>Reads the warn stage's inputs from the store in three scans (catalogue, current observations, one-step forecasts).</summary>
public sealed class WarnInputReader(MonitorStore store, SeriesReader series)
{
    public WarnInputs Read()
    {
        var catalogue = series.Catalogue();
        using var connection = store.Open();
        return new WarnInputs(catalogue, ReadObservations(connection), ReadOneStep(connection));
    }

    private static Dictionary<string, List<Observation>> ReadObservations(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_id, period, value FROM observations WHERE known_to IS NULL ORDER BY series_id, period";
        var result = new Dictionary<string, List<Observation>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        List<Observation>? current = null;
        string? currentId = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (id != currentId)
            {
                currentId = id;
                current = [];
                result[id] = current;
            }
            current!.Add(new Observation(DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetDouble(2)));
        }
        return result;
    }

    private static Dictionary<string, List<OneStepForecast>> ReadOneStep(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT f.series_id, f.period, f.expected, f.lo80, f.hi80, f.lo95, f.hi95, coalesce(f.actual, o.value), f.model
            FROM one_step_forecasts f
            LEFT JOIN observations o ON o.series_id = f.series_id AND o.period = f.period AND o.known_to IS NULL
            WHERE coalesce(f.actual, o.value) IS NOT NULL
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
