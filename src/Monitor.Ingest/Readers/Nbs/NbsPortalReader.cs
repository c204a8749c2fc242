using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Nbs;

/// <summary>
/// Exports of the NBS data portal (data.stats.gov.cn), as downloaded: GB18030 (Chinese) or UTF-8 with BOM (English),
/// metadata lines with a full-width colon (数据库：, 指标：, 时间：, Database：), a header of periods in descending order
/// (2024年, 2025年09月份, 2024年第1-3季度, 1Q 2026), rows per province (地区) or per indicator, comma or TAB-comma
/// separators, and trailing notes (注：, Note：, 数据来源：) that end the table.
/// </summary>
public sealed class NbsPortalReader : IFormatReader
{
    public string Format => "nbs";

    public bool Detect(FileSniff sniff) =>
        sniff.Line(0).StartsWith("数据库：", StringComparison.Ordinal) || sniff.Line(0).StartsWith("Database：", StringComparison.Ordinal);

    public void Read(ReadRequest request, IRowSink sink)
    {
        var lines = TextInput.ReadAll(request.Path, request.Encoding).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var table = NbsTable.Parse(lines);
        var catalog = RawCatalog.Near(request.Path);
        var byRegion = table.RowKind is "地区" or "Region" or "Regions";
        foreach (var row in table.Rows)
        {
            sink.RowRead();
            if (row.Cells.Length != table.Periods.Length) { sink.Problem(row.Line, "record", $"{row.Cells.Length + 1} fields, expected {table.Periods.Length + 1}"); continue; }
            var handle = byRegion ? RegionSeries(table, row, catalog, request, sink) : IndicatorSeries(table, row, catalog, request, sink);
            if (handle < 0) continue;
            for (var i = 0; i < row.Cells.Length; i++)
            {
                var kind = Cells.Parse(row.Cells[i], out var value);
                if (kind == CellKind.Number) sink.Value(handle, table.Periods[i], value, row.Line);
                else if (kind != CellKind.Missing) sink.Problem(row.Line, table.Labels[i], Cells.Reason(kind, row.Cells[i]));
            }
        }
    }

    private static int RegionSeries(NbsTable table, NbsTable.Row row, RawCatalog catalog, ReadRequest request, IRowSink sink)
    {
        var region = Provinces.Code(row.Label);
        if (region is null) { sink.Problem(row.Line, table.RowKind, $"unknown province '{Cells.Clip(row.Label)}'"); return -1; }
        var known = catalog.Find($"地区={row.Label}");
        var indicator = table.Indicator ?? Path.GetFileNameWithoutExtension(request.Path);
        var spec = known ?? new SeriesSpec(indicator, indicator, request.Defaults.Domain ?? "regional", table.Frequency,
            region.Length == 0 ? null : region, request.Defaults.IndustryCode, indicator, Country: "CN");
        return sink.Series(spec with { Frequency = table.Frequency }, row.Line);
    }

    private static int IndicatorSeries(NbsTable table, NbsTable.Row row, RawCatalog catalog, ReadRequest request, IRowSink sink)
    {
        var known = catalog.Find(row.Label);
        var spec = known ?? new SeriesSpec(row.Label, row.Label, request.Defaults.Domain ?? "macro", table.Frequency,
            request.Defaults.RegionCode, request.Defaults.IndustryCode, Country: "CN");
        return sink.Series(spec with { Frequency = table.Frequency }, row.Line);
    }
}
