using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.Text;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Text;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// Receives a reader's rows and streams them with the typed appender into a temporary staging table of one
/// connection, checking each row on the way (domain, frequency, period, finite value). Nothing here touches the store.
/// </summary>
internal sealed class StagingSink : IRowSink, IDisposable
{
    private const int KeptProblems = 10_000;
    private readonly string _dataset;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<StagedSeries> _series = [];
    private readonly List<DateOnly> _lastPeriod = [];
    private readonly List<IngestProblem> _problems = [];
    private readonly DuckDBAppender _appender;
    private Func<long, string?>? _place;
    private long _vintages;
    private long _plain;

    public StagingSink(DuckDBConnection connection, string dataset, string fileName)
    {
        _dataset = dataset;
        FileName = fileName;
        StagingTables.Create(connection);
        _appender = connection.CreateAppender("temp", "main", StagingTables.Observations);
    }

    public string FileName { get; }

    public long RowsRead { get; private set; }

    public long ProblemCount { get; private set; }

    /// <summary>
    /// False when some series' periods did not strictly increase down the file. Only then can a key repeat, so only
    /// then does the (costly, whole-file) duplicate check run; publishers' files are nearly always in order.
    /// </summary>
    public bool PeriodsAscending { get; private set; } = true;

    public IReadOnlyList<IngestProblem> Problems => _problems;

    public IReadOnlyList<StagedSeries> StagedSeries => _series;

    public int Series(SeriesSpec spec, long line)
    {
        if (!CheckSeries(spec, line)) return -1;
        var id = SeriesKey.Compose(_dataset, spec.Code, spec.RegionCode, spec.IndustryCode);
        if (_ids.TryGetValue(id, out var index))
        {
            var known = _series[index];
            if (known.Spec.Frequency == spec.Frequency) return index;
            Problem(line, "frequency", $"series {id} appears with two frequencies ({known.Spec.Frequency} on line {known.Line}, {spec.Frequency} here)");
            return -1;
        }
        _ids[id] = _series.Count;
        _series.Add(new StagedSeries(id, spec, line));
        _lastPeriod.Add(DateOnly.MinValue);
        return _series.Count - 1;
    }

    /// <summary>True when the rows are vintages with their own known_from (a real-time source); false for plain values.</summary>
    public bool Vintaged => _vintages > 0;

    public void Value(int series, DateOnly period, double value, long line) => Stage(series, period, value, null, null, line);

    public void Vintage(int series, DateOnly period, double value, DateTime knownFrom, long line, DateTime? knownTo = null)
    {
        // Several vintages share a period, so only the whole-file check can tell a repeated key.
        PeriodsAscending = false;
        if (knownTo <= knownFrom) { Problem(line, "known_to", $"the value stops being known ({knownTo:yyyy-MM-dd}) before it is known ({knownFrom:yyyy-MM-dd})"); return; }
        Stage(series, period, value, knownFrom, knownTo, line);
    }

    private void Stage(int series, DateOnly period, double value, DateTime? knownFrom, DateTime? knownTo, long line)
    {
        if (series < 0) return;
        if (knownFrom is null ? _vintages > 0 : _plain > 0) { Problem(line, "vintage", "vintages and plain values in one input"); return; }
        var frequency = _series[series].Spec.Frequency;
        if (period.Year is < 1700 or > 2200) { Problem(line, "period", $"impossible period {period:yyyy-MM-dd}"); return; }
        if (!Periods.IsPeriodStart(period, frequency)) { Problem(line, "period", $"{period:yyyy-MM-dd} is not the first day of a {frequency} period"); return; }
        if (!double.IsFinite(value)) { Problem(line, "value", "not a finite number"); return; }
        if (period <= _lastPeriod[series]) PeriodsAscending = false;
        _lastPeriod[series] = period;
        var row = _appender.CreateRow().AppendValue(series).AppendValue(period).AppendValue(value).AppendValue(line);
        if (knownFrom is { } from) { _vintages++; row.AppendValue(from).AppendValue(knownTo).EndRow(); }
        else { _plain++; row.AppendNullValue().AppendNullValue().EndRow(); }
    }

    public void Problem(long line, string field, string reason)
    {
        ProblemCount++;
        if (_problems.Count < KeptProblems) _problems.Add(new IngestProblem(FileName, line, field, reason, _place?.Invoke(line)));
    }

    public void UsePlaces(Func<long, string?> place) => _place = place;

    /// <summary>How a line is named in messages: "line 14", or the reader's place ("工业!D14").</summary>
    public string Where(long line) => _place?.Invoke(line) ?? $"line {line}";

    public void RowRead() => RowsRead++;

    /// <summary>Rows read but deliberately not stored (missing or NaN observations).</summary>
    public long RowsSkipped { get; private set; }

    public void Skipped(string reason) => RowsSkipped++;

    /// <summary>Flushes the appender so that the staged rows can be queried.</summary>
    public void Complete() => _appender.Close();

    public void Dispose() => _appender.Dispose();

    private bool CheckSeries(SeriesSpec spec, long line)
    {
        if (string.IsNullOrWhiteSpace(spec.Code)) { Problem(line, "series_code", "empty series code"); return false; }
        if (ControlCharacterIn(spec, line)) return false;
        if (!Domains.IsValid(spec.Domain)) { Problem(line, "domain", $"unknown domain '{Cells.Clip(spec.Domain)}' (expected macro, regional or industry)"); return false; }
        if (spec.Frequency.Length != 1 || !FrequencyExtensions.TryParseFrequency(spec.Frequency, out _) || spec.Frequency == "Y")
        {
            Problem(line, "frequency", $"unknown frequency '{Cells.Clip(spec.Frequency)}' (expected D, W, T, M, Q, S or A)");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Every reader declares its series here, so this one check keeps control characters out of names and codes
    /// whatever the format (they broke XLSX exports and can hide text on pages; issue #16).
    /// </summary>
    private bool ControlCharacterIn(SeriesSpec spec, long line)
    {
        (string Field, string? Text)[] fields =
        [
            ("series_code", spec.Code), ("series_name", spec.Name), ("series_name_zh", spec.NameZh), ("region_code", spec.RegionCode),
            ("industry_code", spec.IndustryCode), ("unit", spec.Unit), ("country", spec.Country),
        ];
        foreach (var (field, text) in fields)
        {
            if (ControlCharacters.Describe(text) is not { } where) continue;
            Problem(line, field, $"control character {where} (names and codes must be plain text)");
            return true;
        }
        return false;
    }
}

/// <summary>A series met in the staged file, with the line that first declared it.</summary>
internal sealed record StagedSeries(string SeriesId, SeriesSpec Spec, long Line);
