using Monitor.Core.Text;
using System.Data;
using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Export.Formats;

namespace Monitor.Present.Export.Query;

/// <summary>
/// Runs one analyst-written statement read-only: DuckDB's own parser must see exactly one SELECT (or WITH … SELECT)
/// — <c>json_serialize_sql</c> serialises nothing else — and it runs inside a transaction that is always rolled back.
/// </summary>
public sealed class ReadOnlyQuery(MonitorStore store)
{
    /// <summary>Writes the result as CSV with a header (RFC 4180, formula-guarded text); returns the number of rows.</summary>
    public long WriteCsv(string sql, TextWriter output)
    {
        using var connection = store.Open();
        if (Rejection(connection, sql) is { } reason) throw new QueryRejectedException(reason);
        using var transaction = connection.BeginTransaction();
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
            CsvField.WriteRecord(output, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
            long rows = 0;
            while (reader.Read())
            {
                CsvField.WriteRecord(output, Enumerable.Range(0, reader.FieldCount).Select(i => Format(reader, i, types[i])));
                rows++;
            }
            return rows;
        }
        finally
        {
            transaction.Rollback();
        }
    }

    /// <summary>Why the statement is refused, or null for a single query.</summary>
    public static string? Rejection(DuckDBConnection connection, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return "the query is empty";
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_serialize_sql($1::VARCHAR)::JSON";
        command.Parameters.Add(new DuckDBParameter(sql));
        string json;
        try
        {
            json = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }
        catch (DuckDBException ex)
        {
            return "the query does not parse: " + ex.Message.Split('\n')[0];
        }
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "not a query";
            return message is not null && message.Contains("SELECT", StringComparison.OrdinalIgnoreCase)
                ? "only a single SELECT or WITH query is allowed (the store is read-only here)"
                : "the query does not parse: " + message;
        }
        var statements = root.GetProperty("statements").GetArrayLength();
        return statements == 1 ? null : $"only one statement is allowed, found {statements}";
    }

    private static string Format(IDataRecord reader, int ordinal, string type)
    {
        if (reader.IsDBNull(ordinal)) return "";
        var value = reader.GetValue(ordinal);
        return value is DateTime day && type.Equals("Date", StringComparison.OrdinalIgnoreCase)
            ? CsvValue.Format(DateOnly.FromDateTime(day))
            : CsvValue.Format(value);
    }
}

/// <summary>The statement given to <see cref="ReadOnlyQuery"/> is not a single read-only query; the message says why.</summary>
public sealed class QueryRejectedException(string message) : Exception(message);
