using Monitor.Core.Text;
using System.Data;
using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Present.Export.Formats;

namespace Monitor.Present.Export.Query;

/// <summary>
/// Runs one analyst-written statement in a sandbox: DuckDB's own parser must see exactly one SELECT (or WITH … SELECT)
/// — <c>json_serialize_sql</c> serialises nothing else — on a store file opened READ_ONLY (nothing is written, the
/// write-ahead log is not merged into the file) with external access off (no read_csv/read_text/read_blob/glob of
/// other files, no network), extension auto-install and auto-load off, and the configuration locked so the query cannot
/// turn any of that back on. It also runs inside a transaction that is always rolled back.
/// </summary>
public sealed class ReadOnlyQuery(MonitorStore store)
{
    /// <summary>DuckDB settings of the sandbox connection, applied when the database is opened.</summary>
    public const string SandboxSettings =
        "access_mode=READ_ONLY;enable_external_access=false;autoinstall_known_extensions=false;autoload_known_extensions=false;lock_configuration=true";

    /// <summary>The longest query text accepted: analyst SQL is a screenful, not a megabyte (issue #16, length limits).</summary>
    public const int MaxSqlLength = 20_000;

    /// <summary>Writes the result as CSV with a header (RFC 4180, formula-guarded text); returns the number of rows.</summary>
    public long WriteCsv(string sql, TextWriter output)
    {
        using var connection = OpenSandbox();
        if (Rejection(connection, sql) is { } reason) throw new QueryRejectedException(reason);
        using var transaction = connection.BeginTransaction();
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = Execute(command);
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

    /// <summary>
    /// A connection of its own on the store file with <see cref="SandboxSettings"/>. A store in memory (tests) cannot be
    /// opened twice, so there the same settings are applied to a connection of the shared database (lock included).
    /// </summary>
    private DuckDBConnection OpenSandbox()
    {
        if (store.DatabasePath == ":memory:")
        {
            var shared = store.Open();
            using var command = shared.CreateCommand();
            command.CommandText = "SELECT current_setting('lock_configuration')";
            if (command.ExecuteScalar() is not true)
            {
                command.CommandText = "SET enable_external_access = false; SET autoinstall_known_extensions = false; " +
                                      "SET autoload_known_extensions = false; SET lock_configuration = true";
                command.ExecuteNonQuery();
            }
            return shared;
        }
        if (!File.Exists(store.DatabasePath)) throw new QueryRejectedException($"store {store.DatabasePath} does not exist");
        var connection = new DuckDBConnection($"Data Source={store.DatabasePath};{SandboxSettings}");
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new QueryRejectedException($"store {store.DatabasePath} cannot be opened read-only: {ex.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Runs the query; a file, network or extension access refused by the sandbox becomes a one-line refusal.</summary>
    private static DuckDBDataReader Execute(DuckDBCommand command)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("Permission Error", StringComparison.OrdinalIgnoreCase)
                                         || ex.Message.Contains("disabled by configuration", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryRejectedException("queries may read only the store, not files, the network or extensions: " + ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>Why the statement is refused, or null for a single query.</summary>
    public static string? Rejection(DuckDBConnection connection, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return "the query is empty";
        if (sql.Length > MaxSqlLength) return $"the query has {sql.Length} characters; at most {MaxSqlLength} are accepted";
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
