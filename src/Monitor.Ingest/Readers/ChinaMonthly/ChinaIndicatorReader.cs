using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.ChinaMonthly;

/// <summary>
/// The Chinese monthly indicator tables republished by Eastmoney (UTF-8 with BOM, Chinese headers): a period column
/// (月份 2025年09月份, 季度 2024年第1-3季度, 统计时间 2025.10 as text, 日期 yyyy-MM-dd with a 城市 column) and one column per
/// indicator; or the long date,item,value table (201905) where 0.0 means "not published". 累计 (year-to-date) columns
/// keep their published values and are marked transform "ytd"; January gaps of merged Jan–Feb releases stay gaps.
/// </summary>
public sealed class ChinaIndicatorReader : IFormatReader
{
    private static readonly string[] PeriodColumns = ["月份", "季度", "统计时间", "日期"];

    public string Format => "cn-indicators";

    public bool Detect(FileSniff sniff)
    {
        var first = sniff.Line(0).Split(',')[0].Trim();
        return PeriodColumns.Contains(first) || sniff.Line(0).Trim().Equals("date,item,value", StringComparison.Ordinal);
    }

    public void Read(ReadRequest request, IRowSink sink)
    {
        var text = TextInput.ReadAll(request.Path, request.Encoding);
        var csv = new CsvLineReader(new StringReader(text));
        if (!csv.Read()) throw new InputRejectedException(1, "file", "empty file");
        var header = Enumerable.Range(0, csv.Count).Select(i => csv[i].Trim().ToString()).ToArray();
        var context = new Context(request, sink, RawCatalog.Near(request.Path), header);
        if (header is ["date", "item", "value"]) ReadLong(csv, context);
        else ReadWide(csv, context);
    }

    private static void ReadWide(CsvLineReader csv, Context context)
    {
        var city = Array.IndexOf(context.Header, "城市");
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            context.Sink.RowRead();
            if (csv.Count != context.Header.Length) { context.Sink.Problem(csv.Line, "record", $"{csv.Count} fields, expected {context.Header.Length}"); continue; }
            if (!TryPeriod(csv.Text(0), out var period, out var frequency)) { context.Sink.Problem(csv.Line, context.Header[0], $"'{Cells.Clip(csv[0])}' is not a period"); continue; }
            var region = city >= 0 ? Nbs.Provinces.Code(csv.Text(city)) : null;
            if (city >= 0 && string.IsNullOrEmpty(region)) { context.Sink.Problem(csv.Line, "城市", $"unknown city '{Cells.Clip(csv[city])}'"); continue; }
            for (var i = 1; i < csv.Count; i++)
            {
                if (i == city || IsReleaseDate(context.Header[i])) continue;
                var kind = Cells.Parse(csv[i], out var value);
                if (kind == CellKind.Missing) continue;
                if (kind != CellKind.Number) { context.Sink.Problem(csv.Line, context.Header[i], Cells.Reason(kind, csv[i])); continue; }
                context.Sink.Value(context.Handle(context.Header[i], frequency, region, csv.Line), period, value, csv.Line);
            }
        }
    }

    private static void ReadLong(CsvLineReader csv, Context context)
    {
        while (csv.Read())
        {
            if (csv.IsBlank()) continue;
            context.Sink.RowRead();
            if (csv.Count != 3) { context.Sink.Problem(csv.Line, "record", $"{csv.Count} fields, expected 3"); continue; }
            if (!Periods.TryDottedMonth(csv.Text(0), out var period)) { context.Sink.Problem(csv.Line, "date", $"'{Cells.Clip(csv[0])}' is not a month (yyyyMM)"); continue; }
            var kind = Cells.Parse(csv[2], out var value);
            // In this table 0.0 is the publisher's placeholder for "not published", not a measured zero.
            if (kind == CellKind.Missing || (kind == CellKind.Number && value == 0)) continue;
            if (kind != CellKind.Number) { context.Sink.Problem(csv.Line, "value", Cells.Reason(kind, csv[2])); continue; }
            var item = csv.Text(1).Trim();
            context.Sink.Value(context.Handle(item, "M", null, csv.Line, catalogColumn: $"item={item}"), period, value, csv.Line);
        }
    }

    // A release-date column (发布时间) says when a value was published, not a value.
    private static bool IsReleaseDate(string column) => column.Contains("时间", StringComparison.Ordinal) || column.Contains("日期", StringComparison.Ordinal);

    private static bool TryPeriod(string label, out DateOnly period, out string frequency)
    {
        frequency = "M";
        if (Periods.TryIsoDate(label.Trim(), out period)) return true;
        if (Periods.TryDottedMonth(label, out period)) return true;
        return Periods.TryChinese(label, out period, out frequency);
    }

    /// <summary>Per-file state: the series declared so far, keyed by column (and city).</summary>
    private sealed class Context(ReadRequest request, IRowSink sink, RawCatalog catalog, string[] header)
    {
        private readonly Dictionary<string, int> _handles = new(StringComparer.Ordinal);

        public IRowSink Sink => sink;

        public string[] Header => header;

        public int Handle(string column, string frequency, string? region, long line, string? catalogColumn = null)
        {
            var key = $"{column}\u001f{region}\u001f{frequency}";
            if (_handles.TryGetValue(key, out var handle)) return handle;
            var known = region is null ? catalog.Find(catalogColumn ?? column) : null;
            var ytd = column.Contains("累计", StringComparison.Ordinal);
            var spec = known ?? new SeriesSpec(column, column, request.Defaults.Domain ?? (region is null ? "macro" : "regional"), frequency,
                region ?? request.Defaults.RegionCode, request.Defaults.IndustryCode, column, Transform: ytd ? "ytd" : null, Country: "CN");
            handle = sink.Series(spec with { Frequency = frequency }, line);
            _handles[key] = handle;
            return handle;
        }
    }
}
