using DuckDB.NET.Data;

namespace Monitor.Forecast.Store;

/// <summary>The forecast stage's model version and its one statement helper (rows arrive through shard merges).</summary>
internal static class ForecastWriter
{
    public const string ModelVersion = "forecast-1";

    public static void Execute(DuckDBConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var v in values) command.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
        command.ExecuteNonQuery();
    }
}
