using System.Data;
using System.Globalization;
using DuckDB.NET.Data;

namespace Monitor.Core.Store;

/// <summary>The one data-access helper: parameterised statements ($1, $2 …) and row reads on a DuckDB connection.</summary>
/// <remarks>
/// A small helper rather than Dapper (pinned but unused): every query in the code base uses DuckDB's positional
/// <c>$1</c> placeholders, which Dapper binds only through <c>DynamicParameters</c> named by position (its object
/// parameters need <c>?name?</c> or <c>$name</c> rewrites of every statement), and the readers map columns by ordinal
/// into records that Dapper's by-name mapping would not fit without column aliases. Values are always bound as
/// parameters, never spliced into the text; null binds SQL NULL.
/// </remarks>
public static class Sql
{
    /// <summary>A command for <paramref name="sql"/> with <paramref name="values"/> bound in order; the caller disposes it.</summary>
    public static DuckDBCommand Command(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, values);
        return command;
    }

    /// <summary>Adds <paramref name="values"/> as the next positional parameters of <paramref name="command"/>.</summary>
    public static void Bind(DuckDBCommand command, params object?[] values)
    {
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
    }

    /// <summary>Runs one statement (optionally inside a transaction) and returns the rows it changed.</summary>
    public static int Execute(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is none or it is NULL.</summary>
    public static object? Scalar(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>The first column of the first row as a number; 0 when there is none or it is NULL (counts, sums).</summary>
    public static long Long(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] values) =>
        Scalar(connection, transaction, sql, values) is { } value ? ToLong(value) : 0;

    /// <summary>Every row of <paramref name="sql"/> mapped by <paramref name="map"/>, on a connection of its own.</summary>
    public static List<T> Rows<T>(MonitorStore store, string sql, Func<DuckDBDataReader, T> map, params object?[] values)
    {
        using var connection = store.Open();
        return Rows(connection, sql, map, values);
    }

    /// <summary>Every row of <paramref name="sql"/> mapped by <paramref name="map"/>.</summary>
    public static List<T> Rows<T>(DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map, params object?[] values)
    {
        using var command = Command(connection, null, sql, values);
        var result = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(map(reader));
        return result;
    }

    /// <summary>"$n, $n+1, …" for an IN list whose values are passed as parameters after <paramref name="before"/> others.</summary>
    public static string Placeholders(int count, int before = 0) =>
        count == 0 ? "NULL" : string.Join(", ", Enumerable.Range(before + 1, count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Another transaction won the same row or key: DuckDB reports a duplicate key or a write-write conflict.</summary>
    public static bool IsConflict(DuckDBException ex) =>
        ex.Message.Contains("Conflict", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("Constraint", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);

    public static string? Text(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static double? Number(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToDouble(row.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long Count(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? 0 : ToLong(row.GetValue(ordinal));

    public static DateTime? Time(this IDataRecord row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetDateTime(ordinal);

    public static DateOnly Day(this IDataRecord row, int ordinal) => DateOnly.FromDateTime(row.GetDateTime(ordinal));

    // DuckDB's sum() of BIGINT is a HUGEINT, which arrives as a BigInteger (not IConvertible).
    private static long ToLong(object value) =>
        value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
