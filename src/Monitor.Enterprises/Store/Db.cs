using System.Globalization;
using DuckDB.NET.Data;

namespace Monitor.Enterprises.Store;

/// <summary>Positional-parameter ($1, $2 …) statements on one connection, for the module's set-wise SQL.</summary>
internal static class Db
{
    public static int Run(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.Prepare(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Count(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.Prepare(sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Reads every row of a query through <paramref name="map"/>.</summary>
    public static List<T> Rows<T>(this DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map, params object?[] parameters)
    {
        using var command = connection.Prepare(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    private static DuckDBCommand Prepare(this DuckDBConnection connection, string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }

    /// <summary>A string literal for SQL text that cannot take parameters (file paths in table functions).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
