using System.Data.Common;
using System.Globalization;

namespace Monitor.Present.Export;

/// <summary>
/// Streams the rows of an export one at a time, typed per its columns (a forecast export's <see cref="ExportColumns"/> by
/// default): string, long, double, DateOnly or DateTime (null where the store has none). The same buffer is reused for
/// every row: copy what you keep.
/// </summary>
public sealed class ExportRows(DbDataReader reader, IReadOnlyList<ExportColumn>? columns = null)
{
    private readonly IReadOnlyList<ExportColumn> _columns = columns ?? ExportColumns.All;
    private readonly object?[] _row = new object?[(columns ?? ExportColumns.All).Count];

    public IEnumerable<object?[]> Read()
    {
        while (reader.Read())
        {
            for (var i = 0; i < _row.Length; i++) _row[i] = reader.IsDBNull(i) ? null : Typed(_columns[i].Kind, reader.GetValue(i));
            yield return _row;
        }
    }

    private static object Typed(ColumnKind kind, object value) => kind switch
    {
        ColumnKind.Text => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        ColumnKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ColumnKind.Number => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        ColumnKind.Date => value switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => DateOnly.FromDateTime(Convert.ToDateTime(value, CultureInfo.InvariantCulture)),
        },
        ColumnKind.Timestamp => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>What every format records about an export besides its rows.</summary>
public sealed record ExportMetadata(DateTime GeneratedAtUtc, string Filter, string Store);

/// <summary>What an export wrote: rows (one per series and step) and distinct series.</summary>
public sealed record ExportResult(ExportFormat Format, long Rows, long Series);

/// <summary>Writes a stream of export rows in one format (CSV, XLSX, JSON); Parquet is written by DuckDB itself.</summary>
public interface IExportRowWriter
{
    ExportFormat Format { get; }

    /// <summary>Writes every row of <paramref name="rows"/> to <paramref name="output"/>; returns the number of rows and series written.</summary>
    ExportResult Write(IEnumerable<object?[]> rows, ExportMetadata metadata, Stream output);
}

/// <summary>Counts rows and distinct series of a stream ordered by series (the writers share it for their summaries).</summary>
internal sealed class ExportCounter
{
    private string? _lastSeries;

    public long Rows { get; private set; }
    public long Series { get; private set; }

    /// <summary>Counts one row; true when it starts a new series.</summary>
    public bool Count(object?[] row)
    {
        Rows++;
        var series = (string?)row[0];
        if (series == _lastSeries) return false;
        _lastSeries = series;
        Series++;
        return true;
    }

    public ExportResult Result(ExportFormat format) => new(format, Rows, Series);
}
