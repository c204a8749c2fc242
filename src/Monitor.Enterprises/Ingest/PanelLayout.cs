using System.IO.Compression;
using System.Text;
using Monitor.Core.Store;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// The enterprise panel layout and how DuckDB reads each file format of it (CSV, CSV.GZ, Parquet) with its own
/// readers, so a large file is never walked row by row in C#.
/// </summary>
public static class PanelLayout
{
    /// <summary>The columns of the layout, in order.</summary>
    public static readonly string[] Columns =
        ["enterprise_id", "enterprise_name", "region_code", "industry_code", "size_class", "indicator", "period", "value", "unit"];

    /// <summary>The size classes of 《统计上大中小微型企业划分办法》.</summary>
    public static readonly string[] SizeClasses = ["large", "medium", "small", "micro"];

    /// <summary>True for Parquet files (rows are then numbered from 1 instead of lines).</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A SQL table expression with the layout's columns as text (period, value included), so that a bad cell reaches
    /// validation instead of failing the reader with a message that names no field.
    /// </summary>
    public static string Source(string path)
    {
        var file = SqlIdentifier.Literal(Path.GetFullPath(path));
        if (IsParquet(path))
            return $"(SELECT {string.Join(", ", Columns.Select(c => $"CAST({c} AS VARCHAR) AS {c}"))} FROM read_parquet({file}))";
        var columns = string.Join(", ", Columns.Select(c => $"'{c}': 'VARCHAR'"));
        return $"read_csv({file}, header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', columns = {{{columns}}})";
    }

    /// <summary>
    /// The typed projection every check and the store use: trimmed codes, the month as a DATE (from YYYY-MM or
    /// YYYY-MM-DD), the value as a DOUBLE; a cell that does not convert becomes NULL and is rejected by validation.
    /// </summary>
    public static string Projection(string source) => $"""
        SELECT trim(enterprise_id) AS enterprise_id, trim(enterprise_name) AS enterprise_name, trim(region_code) AS region_code,
               trim(industry_code) AS industry_code, lower(trim(size_class)) AS size_class, trim(indicator) AS indicator,
               CAST(try_strptime(trim(period), ['%Y-%m', '%Y-%m-%d']) AS DATE) AS period,
               TRY_CAST(trim(value) AS DOUBLE) AS value, nullif(trim(unit), '') AS unit,
               period AS period_text, value AS value_text
        FROM {source}
        """;

    /// <summary>The header problem of a file, or null when its columns are the layout's (CSV: in order).</summary>
    public static string? HeaderProblem(string path, IReadOnlyList<string>? parquetColumns)
    {
        if (parquetColumns is not null)
        {
            var missing = Columns.Where(c => !parquetColumns.Contains(c, StringComparer.Ordinal)).ToList();
            return missing.Count == 0 ? null : $"missing column(s) {string.Join(", ", missing)}; the layout is {string.Join(",", Columns)}";
        }
        using var stream = File.OpenRead(path);
        using Stream body = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()?.Trim();
        if (string.IsNullOrEmpty(header)) return "empty file (no header)";
        var names = header.Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        return names.SequenceEqual(Columns, StringComparer.Ordinal)
            ? null
            : $"header is '{(header.Length > 200 ? header[..200] + "…" : header)}'; expected {string.Join(",", Columns)}";
    }
}
