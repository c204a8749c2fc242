using System.Diagnostics;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Evaluation;

/// <summary>Model settings of a pseudo-real-time evaluation (indicators, optional blocks, factor order, first month of the estimation sample).</summary>
/// <param name="TargetMeanQuarters">When positive, the target is taken relative to its trailing mean over this many quarters (a slowly moving trend growth, as known at each date); 0 keeps one constant mean.</param>
/// <param name="IndicatorMeanMonths">The same for every indicator, over this many months; 0 keeps constant means.</param>
/// <param name="ErrorWindowQuarters">When positive, each density's spread is the root mean square of the model's own errors at the same month of the quarter over this many past quarters whose outturn was published (the run starts that many quarters early to have them); 0 uses the model's smoothed variance.</param>
/// <param name="EstimationWindowYears">When positive, each estimation (and the standardisation) uses only the last this many years of data, a rolling window; 0 expands from <paramref name="SampleStart"/>.</param>
/// <param name="BiasWindowQuarters">When positive, each nowcast is corrected by the mean of the model's own past errors at the same month of the quarter over this many published quarters (an intercept correction); 0 leaves it alone.</param>
/// <param name="Factors">Global factors (each loaded by every indicator and the target); more than one adds blocks of all indicators.</param>
/// <param name="TargetOnBlocks">Whether the target loads on the named blocks' factors too (not only the global ones).</param>
public sealed record NowcastSettings(IReadOnlyList<string> Indicators, IReadOnlyDictionary<string, string[]> Blocks, int FactorOrder, DateOnly SampleStart,
    int TargetMeanQuarters = 0, int IndicatorMeanMonths = 0, int ErrorWindowQuarters = 0,
    int EstimationWindowYears = 0, int BiasWindowQuarters = 0, int Factors = 1, bool TargetOnBlocks = false)
{
    /// <summary>The peer's 20 FRED-MD indicators (../shared/NOWCAST-PEER.md).</summary>
    public static readonly string[] PeerIndicators =
    [
        "PAYEMS", "UNRATE", "AWHMAN", "CLAIMSx", "INDPRO", "CUMFNS", "RETAILx", "DPCERA3M086SBEA", "W875RX1", "HOUST",
        "PERMIT", "AMDMNOx", "CMRMTSPLx", "UMCSENTx", "S&P 500", "T10YFFM", "BAAFFM", "CPIAUCSL", "PPICMM", "M2REAL",
    ];
}

/// <summary>One evaluated nowcast: the quarter, the month of the quarter it was made at, the outturn, the model (with its spread from past errors when configured) and the AR(1).</summary>
/// <param name="ModelDensity">The model's own density (its smoothed variance), before any spread from past errors.</param>
/// <param name="ProductDensity">The density the nowcast job would show at that date (<see cref="PastErrorBand"/>), when asked for.</param>
/// <param name="Reestimated">Whether the parameters were re-estimated for this nowcast (its time includes the EM fit).</param>
public sealed record EvaluatedNowcast(DateOnly Quarter, int Month, double Actual, NowcastDensity Nowcast, double Ar1, double Milliseconds, double CpuMilliseconds,
    NowcastDensity ModelDensity, NowcastDensity? ProductDensity = null, bool Reestimated = false);

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
/// known from its second month on, parameters re-estimated by EM once a year. This class is phase one, the model's own
/// nowcasts of one estimation year; each year's EM starts from the principal components of that year's data (as the
/// nowcast job does), never from another year's parameters, so years are independent and can be computed in any shard.
/// Phase two (<see cref="PastErrorCorrections"/>) needs every earlier quarter's error and runs when the shards are merged.
/// </summary>
public sealed class NowcastEvaluation(UsPanel panel, NowcastSettings settings, EmOptions? em = null)
{
    private readonly EmOptions _em = em ?? new EmOptions(MaxIterations: 100, Tolerance: 1e-4);

    /// <summary>When positive, each nowcast also gets the band the product would show, calibrated by <see cref="PastErrorBand"/> over this many quarters (slower).</summary>
    public int ProductBandQuarters { get; init; }

    /// <summary>Quarters evaluated before the first scored one, so that the corrections from past errors have them.</summary>
    public static int WarmUpQuarters(NowcastSettings settings) => Math.Max(settings.ErrorWindowQuarters, settings.BiasWindowQuarters);

    /// <summary>
    /// The estimation years from the first evaluated quarter (warm-up included) to <paramref name="to"/>: runs of quarters
    /// sharing one EM fit, the first from the first quarter, the others from each first quarter of a year.
    /// </summary>
    public static List<List<DateOnly>> Years(NowcastSettings settings, DateOnly from, DateOnly to)
    {
        var years = new List<List<DateOnly>>();
        for (var quarter = from.AddMonths(-3 * WarmUpQuarters(settings)); quarter <= to; quarter = quarter.AddMonths(3))
        {
            if (years.Count == 0 || quarter.Month == 1) years.Add([]);
            years[^1].Add(quarter);
        }
        return years;
    }

    /// <summary>
    /// The model's nowcasts of one estimation year (consecutive quarters): the parameters are estimated at the first
    /// quarter's month 1 on the data of that moment and kept for the rest. The product band is calibrated only for
    /// quarters from <paramref name="scoredFrom"/> on (warm-up quarters need only their error).
    /// </summary>
    public IEnumerable<ModelNowcast> Year(IReadOnlyList<DateOnly> quarters, DateOnly scoredFrom)
    {
        var spec = Spec();
        var first = panel.IndexOf(settings.SampleStart);
        DfmParameters? parameters = null;
        foreach (var quarter in quarters)
        {
            var end = panel.IndexOf(quarter.AddMonths(2));
            for (var month = 1; month <= 3; month++)
            {
                var asOf = panel.IndexOf(quarter) + month - 1;
                var reestimate = parameters is null;
                if (reestimate && settings.EstimationWindowYears > 0) first = Math.Max(panel.IndexOf(settings.SampleStart), asOf - (12 * settings.EstimationWindowYears));
                var data = Vintage(asOf, end, first, month);
                var known = data.Select(r => r[^1]).Where(double.IsFinite).ToArray();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var targetMean = LocalMeans.Remove(data, settings.IndicatorMeanMonths, settings.TargetMeanQuarters * 3);
                EmResult? fit = null;
                if (reestimate) parameters = (fit = DfmEstimator.Fit(spec, data, _em)).Parameters;
                var fitSeconds = reestimate ? clock.Elapsed.TotalSeconds : 0;
                var nowcaster = new DfmNowcaster(parameters!);
                var model = nowcaster.Nowcast(data, spec.Series.Count - 1, end - first);
                model = model with { Mean = model.Mean + targetMean };
                var ms = clock.Elapsed.TotalMilliseconds;
                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                var productSd = ProductBandQuarters > 0 && quarter >= scoredFrom
                    && PastErrorBand.Calibrate(nowcaster, data, spec.Series.Count - 1, end - first, ProductBandQuarters) is { Quarters: >= PastErrorBand.MinimumQuarters } band
                    ? band.StandardDeviation : (double?)null;
                var ar1 = Ar1(known, (end - LastKnownQuarterEnd(end, month)) / 3);
                yield return new ModelNowcast(quarter, month, panel.Target[end], model, ar1, ms, cpuMs, reestimate, fitSeconds, fit?.Iterations ?? 0, fit?.Problem, productSd);
            }
        }
    }

    internal DfmSpec Spec()
    {
        var blockNames = Enumerable.Range(1, settings.Factors).Select(k => k == 1 ? "global" : $"global{k}").ToList();
        var globals = Enumerable.Range(0, settings.Factors).ToArray();
        blockNames.AddRange(settings.Blocks.Keys);
        var series = settings.Indicators.Select(code => new DfmSeries(code, false,
            [.. globals, .. settings.Blocks.Select((b, k) => (b, k)).Where(p => p.b.Value.Contains(code)).Select(p => p.k + settings.Factors)])).ToList();
        series.Add(new DfmSeries("target", true, settings.TargetOnBlocks ? [.. Enumerable.Range(0, blockNames.Count)] : globals));
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
