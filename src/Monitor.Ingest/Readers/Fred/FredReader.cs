using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Long;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Fred;

/// <summary>
/// FRED-MD and FRED-QD (McCracken &amp; Ng): wide CSV, one column per series, a date column in m/d/yyyy.
/// FRED-MD has a <c>Transform:</c> row; FRED-QD has <c>factors</c> and <c>transform</c> rows and dates each quarter by its
/// last month (3/1/1959 = 1959Q1), which is moved to the quarter's first day. Values are levels; tcodes are metadata.
/// </summary>
public sealed class FredReader(bool quarterly) : IFormatReader
{
    public string Format => quarterly ? "fred-qd" : "fred-md";

    public bool Detect(FileSniff sniff) =>
        sniff.Line(0).StartsWith("sasdate,", StringComparison.OrdinalIgnoreCase) &&
        (quarterly ? sniff.Line(1).StartsWith("factors,", StringComparison.OrdinalIgnoreCase) : sniff.Line(1).StartsWith("Transform:,", StringComparison.OrdinalIgnoreCase));

    public void Read(ReadRequest request, IRowSink sink)
    {
        using var text = TextInput.Open(request.Path, request.Encoding);
        var csv = new CsvLineReader(text);
        if (!csv.Read()) throw new InputRejectedException(1, "file", "empty file");
        var codes = Enumerable.Range(1, csv.Count - 1).Select(i => csv[i].Trim().ToString()).ToArray();
        var transforms = new string?[codes.Length];
        var catalog = RawCatalog.Near(request.Path);
        int[]? handles = null;
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            var label = csv[0].Trim();
            if (label.Equals("Transform:", StringComparison.OrdinalIgnoreCase) || label.Equals("transform", StringComparison.OrdinalIgnoreCase))
            {
                for (var i = 1; i < csv.Count && i <= codes.Length; i++) transforms[i - 1] = Cells.NullIfEmpty(csv[i]);
                continue;
            }
            if (label.Equals("factors", StringComparison.OrdinalIgnoreCase)) continue;
            handles ??= Declare(codes, transforms, catalog, request.Defaults, sink, csv.Line);
            ReadRow(csv, codes, handles, sink);
        }
    }

    private int[] Declare(string[] codes, string?[] transforms, RawCatalog catalog, SourceDefaults defaults, IRowSink sink, long line)
    {
        var frequency = quarterly ? "Q" : "M";
        return codes.Select((code, i) =>
        {
            var known = catalog.Find(code);
            var spec = known is not null
                ? known with { Transform = transforms[i] ?? known.Transform }
                : new SeriesSpec(code, code, defaults.Domain ?? "macro", frequency, defaults.RegionCode, defaults.IndustryCode, Transform: transforms[i], Country: "US");
            return sink.Series(spec with { Frequency = frequency }, line);
        }).ToArray();
    }

    private void ReadRow(CsvLineReader csv, string[] codes, int[] handles, IRowSink sink)
    {
        sink.RowRead();
        if (csv.Count != handles.Length + 1) { sink.Problem(csv.Line, "record", $"{csv.Count} fields, expected {handles.Length + 1}"); return; }
        if (!Periods.TryUsDate(csv.Text(0), out var date)) { sink.Problem(csv.Line, "sasdate", $"'{Cells.Clip(csv[0])}' is not a date (m/d/yyyy)"); return; }
        // FRED-QD dates a quarter by its last month: 3/1 → 1/1, 6/1 → 4/1 …
        var period = quarterly ? new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1) : new DateOnly(date.Year, date.Month, 1);
        if (date.Day != 1 || (quarterly && date.Month % 3 != 0)) { sink.Problem(csv.Line, "sasdate", $"'{csv.Text(0)}' is not the month a {(quarterly ? "quarter ends" : "month starts")} on"); return; }
        for (var i = 0; i < handles.Length; i++)
        {
            var kind = Cells.Parse(csv[i + 1], out var value);
            if (kind == CellKind.Number) sink.Value(handles[i], period, value, csv.Line);
            else if (kind != CellKind.Missing) sink.Problem(csv.Line, codes[i], Cells.Reason(kind, csv[i + 1]));
        }
    }
}
