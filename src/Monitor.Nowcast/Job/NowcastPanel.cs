using Monitor.Nowcast.Data;

namespace Monitor.Nowcast.Job;

/// <summary>One stored value with the time it became known.</summary>
public sealed record StoredValue(DateOnly Period, double Value, DateTime KnownFrom);

/// <summary>An indicator of a panel: its transformed monthly values and its latest release; dropped ones carry the reason.</summary>
public sealed record PanelInput(string SeriesId, string Block, double[] Values, StoredValue? Latest, bool Used, string? Note);

/// <summary>What an information set must share with another: the grid's start, the indicators used, and optionally the quarter and grid length.</summary>
public sealed record PanelLayout(DateOnly Start, IReadOnlySet<string> Used, DateOnly? Quarter = null, int? Months = null);

/// <summary>
/// A target's information set on one monthly grid: the indicators transformed to stationarity, the quarterly target in
/// each quarter's third month, the quarter to nowcast (the one holding the latest indicator month, or the one after the
/// last published target), and the information date (the latest vintage among the values used).
/// </summary>
public sealed class NowcastPanel
{
    private NowcastPanel(DateOnly start, int months, List<PanelInput> inputs, double[] target, DateOnly latestMonth, DateOnly quarter, DateTime infoDate,
        DateOnly? lastTargetQuarter, SortedDictionary<DateOnly, double> targetQuarterly)
    {
        TargetQuarterly = targetQuarterly;
        Start = start;
        Months = months;
        Inputs = inputs;
        Target = target;
        LatestMonth = latestMonth;
        Quarter = quarter;
        InfoDate = infoDate;
        LastTargetQuarter = lastTargetQuarter;
    }

    public DateOnly Start { get; }

    public int Months { get; }

    public IReadOnlyList<PanelInput> Inputs { get; }

    public double[] Target { get; }

    public DateOnly LatestMonth { get; }

    public DateOnly Quarter { get; }

    public DateTime InfoDate { get; }

    public DateOnly? LastTargetQuarter { get; }

    public IEnumerable<PanelInput> Used => Inputs.Where(i => i.Used);

    /// <summary>The transformed target by quarter, every quarter in the information set (outturns included).</summary>
    public SortedDictionary<DateOnly, double> TargetQuarterly { get; }

    public PanelLayout Layout => new(Start, Used.Select(u => u.SeriesId).ToHashSet(StringComparer.Ordinal), Quarter, Months);

    public int IndexOf(DateOnly month) => ((month.Year - Start.Year) * 12) + month.Month - Start.Month;

    /// <summary>Rows per month, columns: the used indicators then the target (NaN missing).</summary>
    public double[][] Matrix() => Enumerable.Range(0, Months).Select(t => Used.Select(i => i.Values[t]).Append(Target[t]).ToArray()).ToArray();

    /// <summary>
    /// Builds the panel from stored values (<paramref name="read"/> gives a series' values, as known at a time or current).
    /// With <paramref name="layout"/>, uses its grid, quarter and indicators (an older information set for the news).
    /// </summary>
    public static NowcastPanel Build(NowcastTargetOptions options, Func<string, IReadOnlyList<StoredValue>> read, Func<string, string?> catalogueTransform,
        int staleMonths, PanelLayout? layout = null)
    {
        var targetValues = read(options.Target);
        var targetQuarterly = TargetSeries(targetValues, options.TargetTransform);
        if (targetQuarterly.Count == 0) throw new Model.NowcastDataException($"target '{options.Target}' has no values in the store");
        var raw = options.Indicators.Select(i => (Options: i, Values: read(i.Series))).ToList();
        var withData = raw.Where(r => r.Values.Count > 0).ToList();
        if (withData.Count == 0) throw new Model.NowcastDataException($"none of the {options.Indicators.Count} indicators of '{options.Code}' has values in the store");
        var latest = withData.Max(r => r.Values[^1].Period);
        var lastTarget = targetQuarterly.Keys.Max();
        var quarter = layout?.Quarter ?? Max(QuarterOf(latest), lastTarget.AddMonths(3));
        var start = layout?.Start ?? Max(targetQuarterly.Keys.Min(), SampleStart(options.SampleStart));
        var months = layout?.Months ?? (((quarter.Year - start.Year) * 12) + quarter.Month - start.Month + 3);
        int Index(DateOnly d) => ((d.Year - start.Year) * 12) + d.Month - start.Month;

        var inputs = new List<PanelInput>();
        foreach (var (indicator, values) in raw)
        {
            var grid = Enumerable.Repeat(double.NaN, months).ToArray();
            // values before the sample still feed the transform's lags (12 months for y/y)
            var first = values.Count > 0 ? values[0].Period : start;
            var offset = Math.Max(0, ((start.Year - first.Year) * 12) + start.Month - first.Month);
            var level = Enumerable.Repeat(double.NaN, months + offset).ToArray();
            foreach (var v in values)
            {
                var k = Index(v.Period) + offset;
                if (k >= 0 && k < level.Length) level[k] = v.Value;
            }
            // A series with no values is dropped below with a note; its (unknown) transform code is not asked for.
            if (values.Count > 0) Array.Copy(Transform(indicator.Series, level, indicator.Transform, catalogueTransform(indicator.Series)), offset, grid, 0, months);
            var latestValue = values.Count > 0 ? values[^1] : null;
            var used = layout is null ? Stale(latestValue, latest, staleMonths) is null : layout.Used.Contains(indicator.Series);
            var note = layout is null ? Stale(latestValue, latest, staleMonths) : null;
            inputs.Add(new PanelInput(indicator.Series, indicator.Block, grid, latestValue, used, note));
        }
        var target = Enumerable.Repeat(double.NaN, months).ToArray();
        foreach (var (q, value) in targetQuarterly)
        {
            var k = Index(q) + 2;
            if (k >= 0 && k < months && q < quarter) target[k] = value;
        }
        var stamps = inputs.Where(i => i.Used && i.Latest is not null).Select(i => raw.First(r => r.Options.Series == i.SeriesId).Values.Max(v => v.KnownFrom))
            .Append(targetValues.Max(v => v.KnownFrom));
        return new NowcastPanel(start, months, inputs, target, latest, quarter, stamps.Max(), lastTarget, targetQuarterly);
    }

    private static string? Stale(StoredValue? latest, DateOnly panelLatest, int staleMonths)
    {
        if (latest is null) return "no values in the store";
        var behind = ((panelLatest.Year - latest.Period.Year) * 12) + panelLatest.Month - latest.Period.Month;
        return behind > staleMonths ? $"stopped publishing: latest value {latest.Period:yyyy-MM}, {behind} months behind the panel; left out" : null;
    }

    private static DateOnly SampleStart(string? text) =>
        text is null ? DateOnly.MinValue : DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly QuarterOf(DateOnly month) => new(month.Year, (((month.Month - 1) / 3) * 3) + 1, 1);

    /// <summary>Monthly transformation: level, y/y %, first difference, or a FRED tcode (given, or the catalogue's).</summary>
    internal static double[] Transform(string seriesId, double[] level, string transform, string? catalogue) => transform switch
    {
        "level" => level,
        "yoy" => level.Select((v, t) => t >= 12 && level[t - 12] != 0 ? 100 * ((v / level[t - 12]) - 1) : double.NaN).Select(Finite).ToArray(),
        "diff" => Transforms.Apply(level, 2),
        "tcode" => int.TryParse(catalogue, out var code) ? Transforms.Apply(level, code)
            : throw new Model.NowcastDataException($"{seriesId}: transform 'tcode' needs a FRED transform code in the catalogue, found '{catalogue}'"),
        _ when transform.StartsWith("tcode", StringComparison.Ordinal) && int.TryParse(transform[5..], out var code) => Transforms.Apply(level, code),
        _ => throw new Model.NowcastDataException($"{seriesId}: unknown transform '{transform}' (level, yoy, diff, tcode, tcode1–7)"),
    };

    private static double Finite(double v) => double.IsFinite(v) ? v : double.NaN;

    /// <summary>The target per quarter (first day), transformed: as stored, 400·Δlog, or a Jan-to-quarter y/y turned into the quarter's own.</summary>
    internal static SortedDictionary<DateOnly, double> TargetSeries(IReadOnlyList<StoredValue> values, string transform)
    {
        var byQuarter = new SortedDictionary<DateOnly, double>();
        foreach (var v in values) byQuarter[QuarterOf(v.Period)] = v.Value;
        var result = new SortedDictionary<DateOnly, double>();
        foreach (var (q, value) in byQuarter)
        {
            var previous = q.AddMonths(-3);
            var has = byQuarter.TryGetValue(previous, out var before);
            switch (transform)
            {
                case "level": result[q] = value; break;
                case "qoq-annualised": if (has && value > 0 && before > 0) result[q] = 400 * Math.Log(value / before); break;
                case "ytd-yoy":
                    // Jan-to-quarter rate k·Y_k − (k−1)·Y_{k−1}: the quarter's own rate, taking the quarters of a year as equal in size
                    var k = ((q.Month - 1) / 3) + 1;
                    if (k == 1) result[q] = value;
                    else if (has && previous.Year == q.Year) result[q] = (k * value) - ((k - 1) * before);
                    break;
                default: throw new Model.NowcastDataException($"unknown target transform '{transform}' (level, qoq-annualised, ytd-yoy)");
            }
        }
        return result;
    }
}
