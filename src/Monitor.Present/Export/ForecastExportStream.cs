using DuckDB.NET.Data;

namespace Monitor.Present.Export;

/// <summary>
/// Reads a whole export in series order, a batch of series at a time: DuckDB then sorts a few thousand rows per
/// batch instead of the whole result, which keeps a 10,000-series export well under 200 MB of memory.
/// </summary>
public static class ForecastExportStream
{
    public const int SeriesPerBatch = 2500;

    /// <summary>Every row of the export (typed as <see cref="ExportRows"/>; the array is reused between rows).</summary>
    public static IEnumerable<object?[]> Read(DuckDBConnection connection, ExportFilter filter, int seriesPerBatch = SeriesPerBatch)
    {
        var ids = new ForecastExportQuery(filter).SeriesIds(connection);
        for (var start = 0; start < ids.Count; start += seriesPerBatch)
        {
            var last = ids[Math.Min(start + seriesPerBatch, ids.Count) - 1];
            using var command = new ForecastExportQuery(filter, ids[start], last).CreateCommand(connection);
            using var reader = command.ExecuteReader();
            foreach (var row in new ExportRows(reader).Read()) yield return row;
        }
    }
}
