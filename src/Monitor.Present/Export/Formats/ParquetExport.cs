using DuckDB.NET.Data;
using Monitor.Core.Store;

namespace Monitor.Present.Export.Formats;

/// <summary>
/// Parquet is written by DuckDB itself (<c>COPY (query) TO 'file' (FORMAT parquet)</c>), streaming and typed. COPY takes no
/// parameter for its target, so the path is checked (absolute, plain characters, folder exists) and quoted as a literal.
/// Rows come in storage order: a global sort would hold the whole result in memory, so readers sort by series_id, step.
/// </summary>
public static class ParquetExport
{
    public static ExportResult Write(DuckDBConnection connection, ForecastExportQuery query, string path)
    {
        var target = CheckTarget(path);
        using var command = query.CreateCommand(connection);
        command.CommandText = $"COPY ({query.UnorderedSql}) TO {SqlIdentifier.Literal(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)";
        var rows = Convert.ToInt64(command.ExecuteNonQuery());
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(DISTINCT series_id) FROM read_parquet({SqlIdentifier.Literal(target)})";
        return new ExportResult(ExportFormat.Parquet, rows, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The full path of a writable Parquet target, or an exception naming what is wrong with it.</summary>
    public static string CheckTarget(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("the output path is empty");
        var full = Path.GetFullPath(path);
        if (full.Any(char.IsControl)) throw new ArgumentException($"the output path contains control characters: '{path}'");
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) throw new ArgumentException($"the output folder does not exist: '{folder}'");
        return full;
    }
}
