using DuckDB.NET.Data;

namespace Monitor.Present.Email.Store;

/// <summary>Small helpers for the e-mail module's parameterised DuckDB statements.</summary>
internal static class EmailSql
{
    /// <summary>Adds positional parameters $1, $2 … in order; null becomes SQL NULL.</summary>
    public static void Parameters(DuckDBCommand command, params object?[] values)
    {
        foreach (var value in values) command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
    }

    /// <summary>Runs one statement (optionally inside a transaction) and returns the rows it changed.</summary>
    public static int Execute(DuckDBConnection connection, DuckDBTransaction? transaction, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Parameters(command, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Another transaction won the same row or key: DuckDB reports a duplicate key or a write-write conflict.</summary>
    public static bool IsConflict(DuckDBException ex) =>
        ex.Message.Contains("Conflict", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("Constraint", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);
}
