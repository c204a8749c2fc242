using System.Diagnostics;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Evaluation;

/// <summary>Model settings of a pseudo-real-time evaluation (indicators, optional blocks, factor order, first month of the estimation sample).</summary>
/// <param name="TargetMeanQuarters">When positive, the target is taken relative to its trailing mean over this many quarters (a slowly moving trend growth, as known at each date); 0 keeps one constant mean.</param>
/// <param name="IndicatorMeanMonths">The same for every indicator, over this many months; 0 keeps constant means.</param>
/// <param name="ErrorWindowQuarters">When positive, each density's spread is the root mean square of the model's own errors at the same month of the quarter over this many past quarters whose outturn was published (the run starts that many quarters early to have them); 0 uses the model's smoothed variance.</param>
public sealed record NowcastSettings(IReadOnlyList<string> Indicators, IReadOnlyDictionary<string, string[]> Blocks, int FactorOrder, DateOnly SampleStart,
    int TargetMeanQuarters = 0, int IndicatorMeanMonths = 0, int ErrorWindowQuarters = 0)
{
    /// <summary>The peer's 20 FRED-MD indicators (../shared/NOWCAST-PEER.md).</summary>
    public static readonly string[] PeerIndicators =
    [
        "PAYEMS", "UNRATE", "AWHMAN", "CLAIMSx", "INDPRO", "CUMFNS", "RETAILx", "DPCERA3M086SBEA", "W875RX1", "HOUST",
        "PERMIT", "AMDMNOx", "CMRMTSPLx", "UMCSENTx", "S&P 500", "T10YFFM", "BAAFFM", "CPIAUCSL", "PPICMM", "M2REAL",
    ];
}

/// <summary>One evaluated nowcast: the quarter, the month of the quarter it was made at, the outturn, the model and the AR(1).</summary>
public sealed record EvaluatedNowcast(DateOnly Quarter, int Month, double Actual, NowcastDensity Nowcast, double Ar1, double Milliseconds, double CpuMilliseconds);

/// <summary>The US publication lags of the evaluation protocol (months after the reference month at a month's end), by FRED-MD group and code.</summary>
public static class UsPublicationLags
{
    public static int Of(string code, string group) => code switch
    {
        "CLAIMSx" or "UMCSENTx" => 0,
        "RPI" or "W875RX1" or "DPCERA3M086SBEA" or "BUSINVx" or "ISRATIOx" or "CMRMTSPLx" => 2,
        _ => group is "Interest and exchange rates" or "Stock market" ? 0 : 1,
    };
}

/// <summary>
/// Pseudo-real-time nowcast evaluation on the latest vintage (the protocol of <c>monitor evaluate-nowcast</c>): nowcasts at
/// the end of month 1, 2 and 3 of each quarter, each indicator cut by its publication lag, the previous quarter's target
/// known from its second month on, parameters re-estimated by EM once a year (warm-started from the year before).
/// </summary>
public sealed class NowcastEvaluation(UsPanel panel, NowcastSettings settings, EmOptions? em = null)
{
    private readonly EmOptions _em = em ?? new EmOptions(MaxIterations: 100, Tolerance: 1e-4);

    public int Fits { get; private set; }

    public double FitSeconds { get; private set; }

    public List<string> Problems { get; } = [];

    public IEnumerable<EvaluatedNowcast> Run(DateOnly fromQuarter, DateOnly toQuarter, Action<string>? progress = null)
    {
        var spec = Spec();
        var first = panel.IndexOf(settings.SampleStart);
        DfmParameters? parameters = null;
        var errors = new List<(DateOnly Quarter, int Month, double Error)>();
        for (var quarter = fromQuarter.AddMonths(-3 * settings.ErrorWindowQuarters); quarter <= toQuarter; quarter = quarter.AddMonths(3))
        {
            var end = panel.IndexOf(quarter.AddMonths(2));
            for (var month = 1; month <= 3; month++)
            {
                var asOf = panel.IndexOf(quarter) + month - 1;
                var data = Vintage(asOf, end, first, month);
                var known = data.Select(r => r[^1]).Where(double.IsFinite).ToArray();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var targetMean = LocalMeans.Remove(data, settings.IndicatorMeanMonths, settings.TargetMeanQuarters * 3);
                if (parameters is null || (quarter.Month == 1 && month == 1)) parameters = Estimate(spec, data, parameters);
                var nowcast = new DfmNowcaster(parameters).Nowcast(data, spec.Series.Count - 1, end - first);
                nowcast = nowcast with { Mean = nowcast.Mean + targetMean };
                if (settings.ErrorWindowQuarters > 0) nowcast = EmpiricalSpread(nowcast, errors, quarter, month);
                errors.Add((quarter, month, panel.Target[end] - nowcast.Mean));
                var ms = clock.Elapsed.TotalMilliseconds;
                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                var lastKnown = LastKnownQuarterEnd(end, month);
                if (quarter < fromQuarter) continue; // warm-up quarter: only its error is kept
                yield return new EvaluatedNowcast(quarter, month, panel.Target[end], nowcast, Ar1(known, (end - lastKnown) / 3), ms, cpuMs);
            }
            progress?.Invoke(quarter.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The spread from past errors at the same month whose outturn was out when this nowcast was made (at month 1 the previous quarter's is not yet).</summary>
    private NowcastDensity EmpiricalSpread(NowcastDensity nowcast, List<(DateOnly Quarter, int Month, double Error)> errors, DateOnly quarter, int month)
    {
        var lastKnown = quarter.AddMonths(month == 1 ? -6 : -3);
        var past = errors.Where(e => e.Month == month && e.Quarter <= lastKnown).TakeLast(settings.ErrorWindowQuarters).ToList();
        return past.Count < 8 ? nowcast : nowcast with { StandardDeviation = Math.Sqrt(past.Average(e => e.Error * e.Error)) };
    }

    private DfmParameters Estimate(DfmSpec spec, double[][] data, DfmParameters? previous)
    {
        var clock = Stopwatch.StartNew();
        var fit = DfmEstimator.Fit(spec, data, _em, previous);
        FitSeconds += clock.Elapsed.TotalSeconds;
        Fits++;
        if (fit.Problem is not null) Problems.Add(fit.Problem);
        return fit.Parameters;
    }

    internal DfmSpec Spec()
    {
        var blockNames = new List<string> { "global" };
        blockNames.AddRange(settings.Blocks.Keys);
        var series = settings.Indicators.Select(code => new DfmSeries(code, false,
            [0, .. settings.Blocks.Select((b, k) => (b, k)).Where(p => p.b.Value.Contains(code)).Select(p => p.k + 1)])).ToList();
        series.Add(new DfmSeries("target", true, [0]));
        return new DfmSpec(series, blockNames, settings.FactorOrder);
    }

    /// <summary>What was published at the end of month <paramref name="asOf"/>: rows first..end, each indicator cut by its lag, the target by the quarter rule.</summary>
    internal double[][] Vintage(int asOf, int end, int first, int month)
    {
        var lastTarget = LastKnownQuarterEnd(end, month);
        var rows = new double[end - first + 1][];
        var columns = settings.Indicators.Count;
        for (var t = first; t <= end; t++)
        {
            var row = new double[columns + 1];
            for (var i = 0; i < columns; i++)
            {
                var code = settings.Indicators[i];
                var known = asOf - UsPublicationLags.Of(code, panel.Groups[code]);
                row[i] = t <= known && t < panel.Months ? panel.Monthly[code][t] : double.NaN;
            }
            row[columns] = t <= lastTarget ? panel.Target[t] : double.NaN;
            rows[t - first] = row;
        }
        return rows;
    }

    /// <summary>The third month of the last quarter whose target is known: the previous quarter from month 2 on, the one before at month 1.</summary>
    private static int LastKnownQuarterEnd(int targetEnd, int month) => targetEnd - (month == 1 ? 6 : 3);

    /// <summary>AR(1) with intercept by least squares on the known quarterly values, iterated <paramref name="steps"/> quarters ahead.</summary>
    internal static double Ar1(double[] y, int steps)
    {
        double sx = 0, sz = 0, sxx = 0, sxz = 0;
        var n = y.Length - 1;
        for (var t = 1; t < y.Length; t++) { sx += y[t - 1]; sz += y[t]; sxx += y[t - 1] * y[t - 1]; sxz += y[t - 1] * y[t]; }
        var slope = ((n * sxz) - (sx * sz)) / ((n * sxx) - (sx * sx));
        var intercept = (sz - (slope * sx)) / n;
        var value = y[^1];
        for (var h = 0; h < steps; h++) value = intercept + (slope * value);
        return value;
    }
}
