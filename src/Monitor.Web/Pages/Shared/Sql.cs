using System.Data;
using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Web.Pages.Shared;

/// <summary>The page queries' one way to read rows: parameters only ($1, $2 …), one connection per call.</summary>
public static class Sql
{
    public static List<T> Rows<T>(MonitorStore store, string sql, Func<IDataRecord, T> map, params object[] values)
    {
        using var connection = store.Open();
        return Rows(connection, sql, map, values);
    }

    public static List<T> Rows<T>(DuckDBConnection connection, string sql, Func<IDataRecord, T> map, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value));
        var result = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(map(reader));
        return result;
    }

    /// <summary>"$n, $n+1, …" for an IN list whose values are passed as parameters after <paramref name="before"/> others.</summary>
    public static string Placeholders(int count, int before = 0) =>
        count == 0 ? "NULL" : string.Join(", ", Enumerable.Range(before + 1, count).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string? Text(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static double? Number(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToDouble(row.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static long Count(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? 0 : Convert.ToInt64(row.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime? Time(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetDateTime(ordinal);

    public static DateOnly Day(this IDataRecord row, int ordinal) => DateOnly.FromDateTime(row.GetDateTime(ordinal));
}
