using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Testing;

/// <summary>One-line SQL for tests (seeding, reading one value) with positional parameters ($1, $2, …); null binds SQL NULL.</summary>
public static class StoreSql
{
    public static void Execute(DuckDBConnection connection, string sql, params object?[] values)
    {
        using var command = Command(connection, sql, values);
        command.ExecuteNonQuery();
    }

    public static void Execute(MonitorStore store, string sql, params object?[] values)
    {
        using var connection = store.Open();
        Execute(connection, sql, values);
    }

    public static object? Scalar(DuckDBConnection connection, string sql, params object?[] values)
    {
        using var command = Command(connection, sql, values);
        return command.ExecuteScalar();
    }

    public static object? Scalar(MonitorStore store, string sql, params object?[] values)
    {
        using var connection = store.Open();
        return Scalar(connection, sql, values);
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, object?[] values) => Sql.Command(connection, null, sql, values);
}
