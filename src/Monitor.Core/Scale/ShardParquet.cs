using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Core.Scale;

/// <summary>
/// Shard files as Parquet, through a private in-memory DuckDB (workers have no store): rows are appended to a table of
/// the given shape and copied to a temporary file that is renamed when complete.
/// </summary>
public static class ShardParquet
{
    /// <summary>
    /// Writes the rows that <paramref name="fill"/> appends to a table declared by <paramref name="columns"/> ("a VARCHAR, b DOUBLE").
    /// Without dictionary encoding: a Parquet dictionary keeps one entry for values that compare equal, so a -0.0 after a
    /// 0.0 came back as 0.0 (seen with DuckDB 1.5.6), and which one came first depended on how the series were split.
    /// Plain encoding gives every double back bit for bit, so one shard and many give the same results.
    /// </summary>
    public static void Write(string path, string columns, Action<DuckDBAppender> fill)
    {
        using var connection = Open();
        Write(connection, path, columns, fill);
    }

    /// <summary>The same on a private connection already open (<see cref="Open"/>): several files through one DuckDB, which costs a few tens of milliseconds to open.</summary>
    public static void Write(DuckDBConnection connection, string path, string columns, Action<DuckDBAppender> fill)
    {
        Sql.Execute(connection, null, $"CREATE OR REPLACE TABLE rows ({columns})");
        using (var appender = connection.CreateAppender("rows")) fill(appender);
        Copy(connection, "rows", path);
        Sql.Execute(connection, null, "DROP TABLE rows");
    }

    /// <summary>
    /// Writes a table or a parenthesised query of <paramref name="connection"/> (the store's or a private one) to
    /// <paramref name="path"/> atomically, with the same encoding as <see cref="Write(string, string, Action{DuckDBAppender})"/>.
    /// </summary>
    public static void Copy(DuckDBConnection connection, string tableOrQuery, string path) =>
        ShardRun.WriteAtomically(path, temporary => Sql.Execute(connection, null, $"COPY {tableOrQuery} TO '{Escape(temporary)}' (FORMAT parquet, DICTIONARY_SIZE_LIMIT 0)"));

    /// <summary>Reads a Parquet file row by row with <paramref name="select"/> over "rows" (e.g. "SELECT * FROM rows ORDER BY 1").</summary>
    public static void Read(string path, string select, Action<DuckDBDataReader> row)
    {
        using var connection = Open();
        Read(connection, path, select, row);
    }

    /// <summary>The same on a private connection already open (<see cref="Open"/>).</summary>
    public static void Read(DuckDBConnection connection, string path, string select, Action<DuckDBDataReader> row) => ReadFrom(connection, $"'{Escape(path)}'", select, row);

    /// <summary>Reads every shard's output <paramref name="name"/> as one table "rows", shard after shard (for a merge), on a private connection.</summary>
    public static void ReadOutputs(DuckDBConnection connection, ShardRun run, string name, string select, Action<DuckDBDataReader> row) =>
        ReadFrom(connection, Outputs(run, name), select, row);

    private static void ReadFrom(DuckDBConnection connection, string files, string select, Action<DuckDBDataReader> row)
    {
        Sql.Execute(connection, null, $"CREATE OR REPLACE VIEW rows AS SELECT * FROM read_parquet({files})");
        using var command = connection.CreateCommand();
        command.CommandText = select;
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    /// <summary>Every shard's output <paramref name="name"/> as a SQL list for read_parquet([...]) in a merge.</summary>
    public static string Outputs(ShardRun run, string name = "output") =>
        "[" + string.Join(", ", Enumerable.Range(0, run.ShardCount).Select(shard => $"'{Escape(run.Output(shard, name))}'")) + "]";

    /// <summary>A Parquet path quoted for a SQL literal (paths are ours, but a folder name may hold a quote).</summary>
    public static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>
    /// A private in-memory DuckDB for computing a shard from its files (workers have no store). Unbounded, DuckDB
    /// takes up to 80 % of the machine; a large shard passes the store's memory limit and a folder to spill to.
    /// </summary>
    public static DuckDBConnection Open(string? memoryLimit = null, string? spillFolder = null)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        if (memoryLimit is not null) Sql.Execute(connection, null, $"SET memory_limit = '{SqlIdentifier.CheckSize(memoryLimit)}'");
        if (spillFolder is not null) Sql.Execute(connection, null, $"SET temp_directory = '{Escape(spillFolder)}'");
        return connection;
    }
}
