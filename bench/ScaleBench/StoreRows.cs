using DuckDB.NET.Data;

namespace ScaleBench;

/// <summary>Reads a finished store read-only: its forecast rows as text (to compare runs exactly) and single numbers.</summary>
public static class StoreRows
{
    public static List<string> Forecasts(string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_id, step, period, model, point, lo80, hi80, lo95, hi95 FROM forecasts ORDER BY series_id, step";
        using var r = command.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i) is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public static long Scalar(string database, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
