using System.Globalization;
using System.Text.Json;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Readers.FredApi;

/// <summary>
/// FRED's <c>series/observations</c> JSON, as the fred-api source downloads it (a folder with series.json and
/// observations-001.json, …) or as one saved answer. series.json gives the code, title, units and frequency; without it
/// the code is the file's (or folder's) name and the frequency comes from the spacing of the dates. "." is missing.
/// When the answer covers a real-time period (ALFRED: realtime_start before realtime_end), every row is stored as the
/// vintage it was, known from its realtime_start.
/// </summary>
public sealed class FredApiReader : IFormatReader
{
    public string Format => "fred-api";

    public bool Detect(FileSniff sniff) =>
        sniff.IsDirectory ? File.Exists(Path.Combine(sniff.Path, "observations-001.json")) : IsAnswer(sniff.Head);

    /// <summary>A FRED observations answer by its first KBs (FRED writes observation_start before the observations).</summary>
    public static bool IsAnswer(string head) =>
        head.TrimStart().StartsWith('{') && head.Contains("\"observations\"", StringComparison.Ordinal) && head.Contains("\"observation_start\"", StringComparison.Ordinal);

    public IReadOnlyList<string> Files(string path) => Directory.Exists(path) ? [.. Meta(path), .. Pages(path)] : [path];

    public void Read(ReadRequest request, IRowSink sink)
    {
        var pages = Directory.Exists(request.Path) ? Pages(request.Path) : [request.Path];
        if (pages.Count == 0) throw new InputRejectedException(0, "file", "no observations-NNN.json in the folder");
        var series = Meta(request.Path) is [var meta] ? FredSeries.Load(meta) : null;
        var rows = new List<FredRow>();
        foreach (var page in pages) FredRow.ReadPage(page, rows, named: pages.Count > 1 || Directory.Exists(request.Path));
        sink.UsePlaces(line => line >= 1 && line <= rows.Count ? rows[(int)line - 1].Place : null);

        var code = series?.Id ?? Path.GetFileNameWithoutExtension(request.Path.TrimEnd(Path.DirectorySeparatorChar));
        var frequency = series?.Frequency ?? FredSeries.FrequencyOf(rows);
        var spec = new SeriesSpec(code, series?.Title ?? code, request.Defaults.Domain ?? "macro", frequency,
            request.Defaults.RegionCode, request.Defaults.IndustryCode, Unit: series?.Units, Country: request.Defaults.Country ?? "US");
        var handle = sink.Series(spec, 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1L;
            sink.RowRead();
            if (row.Value == ".") { sink.Skipped("missing observation ('.')"); continue; }
            if (!double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) { sink.Problem(line, "value", $"'{Cells.Clip(row.Value)}' is not a number"); continue; }
            if (!Periods.TryIsoDate(row.Date, out var date)) { sink.Problem(line, "date", $"'{Cells.Clip(row.Date)}' is not a date (yyyy-mm-dd)"); continue; }
            if (row.KnownFrom is { } knownFrom) sink.Vintage(handle, date, value, knownFrom, line, row.KnownTo);
            else sink.Value(handle, date, value, line);
        }
    }

    private static List<string> Pages(string folder) =>
        [.. Directory.EnumerateFiles(folder, "observations-*.json").Order(StringComparer.Ordinal)];

    private static List<string> Meta(string path) =>
        Directory.Exists(path) && File.Exists(Path.Combine(path, "series.json")) ? [Path.Combine(path, "series.json")] : [];
}

/// <summary>
/// One observation row of a FRED answer: date, value text, the vintage it belongs to (ALFRED only: known from its
/// realtime_start, and until the day after its realtime_end when that is before the end of the period asked for) and its place.
/// </summary>
internal sealed record FredRow(string Date, string Value, DateTime? KnownFrom, string Place, DateTime? KnownTo = null)
{
    /// <summary>Adds a page's rows; each row's place names its page when the input has several ("observations-002.json: observation 17").</summary>
    public static void ReadPage(string path, List<FredRow> rows, bool named)
    {
        using var document = JsonInput.Parse(path);
        var root = document.RootElement;
        var file = Path.GetFileName(path);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("observations", out var observations) || observations.ValueKind != JsonValueKind.Array)
            throw new InputRejectedException(1, "observations", root.TryGetProperty("error_message", out var error) ? $"{file}: FRED says: {error}" : $"{file}: not a FRED observations answer (no observations list)");
        // A real-time period (ALFRED) makes each row a vintage; a plain FRED answer has realtime_start = realtime_end = today.
        var vintaged = Text(root, "realtime_start") != Text(root, "realtime_end");
        var askedUntil = Periods.TryIsoDate(Text(root, "realtime_end"), out var asked) ? asked : DateOnly.MaxValue;
        var index = 0;
        foreach (var row in observations.EnumerateArray())
        {
            index++;
            var place = (named ? $"{file}: " : "") + $"observation {index}";
            DateTime? knownFrom = null, knownTo = null;
            if (vintaged)
            {
                if (!Periods.TryIsoDate(Text(row, "realtime_start"), out var start))
                    throw new InputRejectedException(rows.Count + 1, "realtime_start", $"{place}: '{Text(row, "realtime_start")}' is not a date");
                knownFrom = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                // A row that ends before the period asked for ends was replaced (by the next row) or withdrawn (if none follows).
                if (Periods.TryIsoDate(Text(row, "realtime_end"), out var end) && end < askedUntil)
                    knownTo = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }
            rows.Add(new FredRow(Text(row, "date"), Text(row, "value"), knownFrom, place, knownTo));
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

/// <summary>The series.json of a FRED download (fred/series): id, title, units and frequency of the latest description.</summary>
internal sealed record FredSeries(string Id, string Title, string? Units, string Frequency)
{
    public static FredSeries Load(string path)
    {
        using var document = JsonInput.Parse(path);
        if (!document.RootElement.TryGetProperty("seriess", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw new InputRejectedException(1, "seriess", "series.json: not a FRED series answer (no seriess list)");
        var latest = list[list.GetArrayLength() - 1];
        string Get(string name) => latest.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        var frequency = Get("frequency_short") switch
        {
            "D" => "D", "W" => "W", "M" => "M", "Q" => "Q", "SA" => "S", "A" => "A",
            var other => throw new InputRejectedException(1, "frequency_short", $"series.json: FRED frequency '{other}' is not one Monitor stores (D, W, M, Q, SA, A)"),
        };
        return new FredSeries(Get("id"), Get("title"), Get("units") is { Length: > 0 } units ? units : null, frequency);
    }

    /// <summary>The frequency the spacing of the first two distinct dates shows (for an answer saved without series.json).</summary>
    public static string FrequencyOf(List<FredRow> rows)
    {
        var dates = rows.Select(r => Periods.TryIsoDate(r.Date, out var d) ? d : (DateOnly?)null).OfType<DateOnly>().Distinct().Order().Take(2).ToList();
        if (dates.Count < 2) throw new InputRejectedException(1, "frequency", "one date only, so its frequency is unknown: download it with series.json beside it");
        return (dates[1].DayNumber - dates[0].DayNumber) switch
        {
            1 or 3 => "D",
            7 => "W",
            >= 28 and <= 31 => "M",
            >= 89 and <= 92 => "Q",
            >= 181 and <= 184 => "S",
            365 or 366 => "A",
            var days => throw new InputRejectedException(1, "frequency", $"dates {days} days apart: no known frequency (download it with series.json beside it)"),
        };
    }
}
