using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.Columnar;

/// <summary>
/// Parquet and JSON files with the long layout's columns (series_code, series_name, domain, region_code, industry_code,
/// frequency, period, value[, unit]), read through DuckDB's own read_parquet / read_json in a private in-memory database.
/// The "line" of a problem is the row number (1 = first record).
/// </summary>
public sealed class ColumnarReader(bool json) : IFormatReader
{
    private static readonly string[] Required = ["series_code", "series_name", "domain", "region_code", "industry_code", "frequency", "period", "value"];

    public string Format => json ? "json" : "parquet";

    public bool Detect(FileSniff sniff) => json
        ? sniff.Extension is ".json" or ".jsonl" or ".ndjson" && !Sdmx.SdmxJson.IsDataMessage(sniff.Head) && !FredApi.FredApiReader.IsAnswer(sniff.Head) && !Nbs.NbsQueryReader.IsAnswer(sniff.Head)
        : sniff.Extension == ".parquet";

    public void Read(ReadRequest request, IRowSink sink)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var source = json ? $"read_json_auto({SqlIdentifier.Literal(request.Path)})" : $"read_parquet({SqlIdentifier.Literal(request.Path)})";
        var columns = Columns(connection, source);
        foreach (var name in Required)
            if (!columns.Contains(name)) throw new InputRejectedException(1, name, $"missing column '{name}'");
        var unit = columns.Contains("unit") ? "CAST(unit AS VARCHAR)" : "NULL";
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT CAST(series_code AS VARCHAR), CAST(series_name AS VARCHAR), CAST(domain AS VARCHAR), CAST(region_code AS VARCHAR),
                   CAST(industry_code AS VARCHAR), CAST(frequency AS VARCHAR), CAST(period AS VARCHAR), CAST(value AS VARCHAR), {unit}
            FROM {source}
            """;
        using var reader = command.ExecuteReader();
        var handles = new Dictionary<string, int>(StringComparer.Ordinal);
        long row = 0;
        while (reader.Read())
        {
            row++;
            sink.RowRead();
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var spec = new SeriesSpec(Text(0) ?? "", Text(1) ?? Text(0) ?? "", Text(2) ?? request.Defaults.Domain ?? "", Text(5) ?? "",
                Nullable(Text(3)) ?? request.Defaults.RegionCode, Nullable(Text(4)) ?? request.Defaults.IndustryCode, Unit: Nullable(Text(8)));
            var key = $"{spec.Code}\u001f{spec.RegionCode}\u001f{spec.IndustryCode}\u001f{spec.Frequency}";
            if (!handles.TryGetValue(key, out var handle)) handles[key] = handle = sink.Series(spec, row);
            var periodText = Text(6) ?? "";
            if (!Periods.TryIsoDate(periodText.Length > 10 ? periodText[..10] : periodText, out var period)) { sink.Problem(row, "period", $"'{Cells.Clip(periodText)}' is not a date"); continue; }
            var kind = Cells.Parse(Text(7), out var value);
            if (kind != CellKind.Number) sink.Problem(row, "value", Cells.Reason(kind, Text(7)));
            else sink.Value(handle, period, value, row);
        }
    }

    private static HashSet<string> Columns(DuckDBConnection connection, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {source}";
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) result.Add(reader.GetString(0));
        }
        catch (DuckDBException ex)
        {
            throw new InputRejectedException(1, "file", $"not readable as {(source.StartsWith("read_json", StringComparison.Ordinal) ? "JSON" : "Parquet")}: {ex.Message.Split('\n')[0]}");
        }
        return result;
    }

    private static string? Nullable(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
