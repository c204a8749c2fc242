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
/// known from its second month on, parameters re-estimated by EM once a year (warm-started from the year before).
/// </summary>
public sealed class NowcastEvaluation(UsPanel panel, NowcastSettings settings, EmOptions? em = null)
{
    private readonly EmOptions _em = em ?? new EmOptions(MaxIterations: 100, Tolerance: 1e-4);

    /// <summary>When positive, each nowcast also gets the band the product would show, calibrated by <see cref="PastErrorBand"/> over this many quarters (slower).</summary>
    public int ProductBandQuarters { get; init; }

    public int Fits { get; private set; }

    public double FitSeconds { get; private set; }

    public List<string> Problems { get; } = [];

    public IEnumerable<EvaluatedNowcast> Run(DateOnly fromQuarter, DateOnly toQuarter, Action<string>? progress = null)
    {
        var spec = Spec();
        var warmUp = Math.Max(settings.ErrorWindowQuarters, settings.BiasWindowQuarters);
        var first = panel.IndexOf(settings.SampleStart);
        DfmParameters? parameters = null;
        var errors = new List<PastError>();
        for (var quarter = fromQuarter.AddMonths(-3 * warmUp); quarter <= toQuarter; quarter = quarter.AddMonths(3))
        {
            var end = panel.IndexOf(quarter.AddMonths(2));
            for (var month = 1; month <= 3; month++)
            {
                var asOf = panel.IndexOf(quarter) + month - 1;
                var reestimate = parameters is null || (quarter.Month == 1 && month == 1);
                if (reestimate && settings.EstimationWindowYears > 0) first = Math.Max(panel.IndexOf(settings.SampleStart), asOf - (12 * settings.EstimationWindowYears));
                var data = Vintage(asOf, end, first, month);
                var known = data.Select(r => r[^1]).Where(double.IsFinite).ToArray();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var targetMean = LocalMeans.Remove(data, settings.IndicatorMeanMonths, settings.TargetMeanQuarters * 3);
                if (reestimate) parameters = Estimate(spec, data, parameters);
                var nowcaster = new DfmNowcaster(parameters!);
                var model = nowcaster.Nowcast(data, spec.Series.Count - 1, end - first);
                model = model with { Mean = model.Mean + targetMean };
                var lastOut = quarter.AddMonths(month == 1 ? -6 : -3);
                var nowcast = model;
                if (settings.BiasWindowQuarters > 0) nowcast = nowcast with { Mean = nowcast.Mean + MeanPastError(errors, month, lastOut, settings.BiasWindowQuarters, e => e.ModelError) };
                if (settings.ErrorWindowQuarters > 0 && Past(errors, month, lastOut, settings.ErrorWindowQuarters) is { Count: >= 8 } past)
                    nowcast = nowcast with { StandardDeviation = Math.Sqrt(past.Average(e => e.Error * e.Error)) };
                errors.Add(new PastError(quarter, month, panel.Target[end] - nowcast.Mean, panel.Target[end] - model.Mean));
                var ms = clock.Elapsed.TotalMilliseconds;
                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                var lastKnown = LastKnownQuarterEnd(end, month);
                if (quarter < fromQuarter) continue; // warm-up quarter: only its error is kept
                var product = ProductBandQuarters > 0
                    ? PastErrorBand.Apply(nowcast, PastErrorBand.Calibrate(nowcaster, data, spec.Series.Count - 1, end - first, ProductBandQuarters))
                    : null;
                yield return new EvaluatedNowcast(quarter, month, panel.Target[end], nowcast, Ar1(known, (end - lastKnown) / 3), ms, cpuMs, model, product, reestimate);
            }
            progress?.Invoke(quarter.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An earlier nowcast's error (outturn − nowcast), after and before the corrections from past errors.</summary>
    private sealed record PastError(DateOnly Quarter, int Month, double Error, double ModelError);

    /// <summary>The last <paramref name="window"/> errors at the same month whose outturn was out when this nowcast was made (at month 1 the previous quarter's is not yet).</summary>
    private static List<PastError> Past(List<PastError> errors, int month, DateOnly lastOut, int window) =>
        errors.Where(e => e.Month == month && e.Quarter <= lastOut).TakeLast(window).ToList();

    private static double MeanPastError(List<PastError> errors, int month, DateOnly lastOut, int window, Func<PastError, double> error) =>
        Past(errors, month, lastOut, window) is { Count: >= 8 } past ? past.Average(error) : 0;

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
