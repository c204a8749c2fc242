using System.Globalization;
using DuckDB.NET.Data;

namespace Monitor.Ingest.Vintage;

/// <summary>Small helpers to run parameterised statements ($1, $2 …) on a connection, optionally inside a transaction.</summary>
internal static class Sql
{
    public static int Execute(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Long(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static object? Scalar(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static DuckDBCommand Command(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }
}
