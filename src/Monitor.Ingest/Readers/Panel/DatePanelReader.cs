using Monitor.Core.Text;
using System.Text.RegularExpressions;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Panel;

/// <summary>
/// A wide panel with an ISO <c>date</c> column and one column per region (US state panels: AL, AK, …) or per series.
/// The frequency comes from the spacing of the first two dates; two-letter upper-case columns are US states (US-XX).
/// </summary>
public sealed partial class DatePanelReader : IFormatReader
{
    public string Format => "date-panel";

    public bool Detect(FileSniff sniff)
    {
        var header = sniff.Line(0).Replace("\"", "", StringComparison.Ordinal);
        return header.StartsWith("date,", StringComparison.OrdinalIgnoreCase) && !header.StartsWith("date,item,value", StringComparison.OrdinalIgnoreCase)
            && !header.Contains("series_id", StringComparison.OrdinalIgnoreCase) && Periods.TryIsoDate(sniff.Line(1).Split(',')[0].Trim('"'), out _);
    }

    public void Read(ReadRequest request, IRowSink sink)
    {
        var text = TextInput.ReadAll(request.Path, request.Encoding);
        var csv = new CsvLineReader(new StringReader(text));
        if (!csv.Read()) throw new InputRejectedException(1, "file", "empty file");
        var columns = Enumerable.Range(1, csv.Count - 1).Select(i => csv[i].Trim().ToString()).ToArray();
        var rows = new List<(long Line, DateOnly Period, string[] Cells)>();
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            sink.RowRead();
            if (csv.Count != columns.Length + 1) { sink.Problem(csv.Line, "record", $"{csv.Count} fields, expected {columns.Length + 1}"); continue; }
            if (!Periods.TryIsoDate(csv[0].Trim(), out var period)) { sink.Problem(csv.Line, "date", $"'{Cells.Clip(csv[0])}' is not a date (yyyy-MM-dd)"); continue; }
            rows.Add((csv.Line, period, Enumerable.Range(1, columns.Length).Select(i => csv.Text(i)).ToArray()));
        }
        if (rows.Count == 0) return;
        var frequency = FrequencyOf(rows);
        var handles = Declare(columns, frequency, request, sink);
        foreach (var (line, period, cells) in rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var kind = Cells.Parse(cells[i], out var value);
                if (kind == CellKind.Number) sink.Value(handles[i], period, value, line);
                else if (kind != CellKind.Missing) sink.Problem(line, columns[i], Cells.Reason(kind, cells[i]));
            }
        }
    }

    private static int[] Declare(string[] columns, string frequency, ReadRequest request, IRowSink sink)
    {
        var catalog = RawCatalog.Near(request.Path);
        var shared = catalog.Single();
        var regions = columns.All(c => StateCode().IsMatch(c));
        var stem = Path.GetFileNameWithoutExtension(request.Path).ToUpperInvariant();
        return columns.Select(column =>
        {
            var spec = regions
                ? new SeriesSpec(shared?.Code ?? stem, shared?.Name ?? stem, shared?.Domain ?? request.Defaults.Domain ?? "regional", frequency,
                    "US-" + column, request.Defaults.IndustryCode, shared?.NameZh, shared?.Unit, shared?.Transform, "US")
                : new SeriesSpec(column, column, request.Defaults.Domain ?? "macro", frequency, request.Defaults.RegionCode, request.Defaults.IndustryCode);
            return sink.Series(spec with { Frequency = frequency }, 1);
        }).ToArray();
    }

    private static string FrequencyOf(List<(long Line, DateOnly Period, string[] Cells)> rows)
    {
        if (rows.Count < 2) return "M";
        var months = (rows[1].Period.Year - rows[0].Period.Year) * 12 + rows[1].Period.Month - rows[0].Period.Month;
        return Math.Abs(months) switch { 3 => "Q", 12 => "A", 0 => "D", _ => "M" };
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex StateCode();
}
