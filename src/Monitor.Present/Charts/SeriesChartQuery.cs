using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Present.Charts;

/// <summary>Reads a series chart's inputs from the store (history as of a vintage, the latest forecast run, anomalies).</summary>
public sealed class SeriesChartQuery(MonitorStore store, SeriesReader reader)
{
    /// <summary>The data stamp of a series: latest vintage, forecast run to draw, latest anomaly detection; one round trip.</summary>
    public ChartStamp Stamp(string seriesId, DateTime? asOf)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT max(greatest(known_from, coalesce(known_to, known_from))) FROM observations WHERE series_id = $1),
              (SELECT f.run_id FROM (SELECT DISTINCT run_id FROM forecasts WHERE series_id = $1 AND vintage <= $2) f
                 LEFT JOIN forecast_runs r ON r.run_id = f.run_id
                 ORDER BY coalesce(r.status = 'succeeded', false) DESC, f.run_id DESC LIMIT 1),
              (SELECT max(detected_at) FROM anomalies WHERE series_id = $1)
            """;
        command.Parameters.Add(new DuckDBParameter(seriesId));
        command.Parameters.Add(new DuckDBParameter(asOf ?? DateTime.MaxValue));
        using var row = command.ExecuteReader();
        row.Read();
        return new ChartStamp(
            row.IsDBNull(0) ? null : row.GetDateTime(0),
            row.IsDBNull(1) ? null : row.GetInt64(1),
            row.IsDBNull(2) ? null : row.GetDateTime(2));
    }

    /// <summary>The chart's inputs for the stamp's forecast run.</summary>
    public SeriesChartData Load(string seriesId, DateTime? asOf, ChartStamp stamp)
    {
        using var connection = store.Open();
        var history = SeriesReader.History(connection, seriesId, asOf);
        var forecast = stamp.ForecastRun is { } run ? Forecast(connection, seriesId, run) : [];
        return new SeriesChartData(reader.Find(seriesId), history, forecast, Anomalies(connection, seriesId, asOf));
    }

    private static List<ForecastPoint> Forecast(DuckDBConnection connection, string seriesId, long runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT period, point, lo80, hi80, lo95, hi95 FROM forecasts WHERE run_id = $1 AND series_id = $2 ORDER BY step";
        command.Parameters.Add(new DuckDBParameter(runId));
        command.Parameters.Add(new DuckDBParameter(seriesId));
        var result = new List<ForecastPoint>();
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            result.Add(new ForecastPoint(DateOnly.FromDateTime(row.GetDateTime(0)), row.GetDouble(1),
                Nullable(row, 2), Nullable(row, 3), Nullable(row, 4), Nullable(row, 5)));
        }
        return result;
    }

    private static List<AnomalyMark> Anomalies(DuckDBConnection connection, string seriesId, DateTime? asOf)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT period, actual, kind FROM anomalies WHERE series_id = $1 AND detected_at <= $2 ORDER BY period";
        command.Parameters.Add(new DuckDBParameter(seriesId));
        command.Parameters.Add(new DuckDBParameter(asOf ?? DateTime.MaxValue));
        var result = new List<AnomalyMark>();
        using var row = command.ExecuteReader();
        while (row.Read()) result.Add(new AnomalyMark(DateOnly.FromDateTime(row.GetDateTime(0)), Nullable(row, 1), row.GetString(2)));
        return result;
    }

    private static double? Nullable(System.Data.IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetDouble(ordinal);
}
