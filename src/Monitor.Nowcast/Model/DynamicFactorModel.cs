namespace Monitor.Nowcast.Model;

/// <summary>How a quarterly series relates to the monthly factors.</summary>
public enum QuarterlyAggregation
{
    /// <summary>A quarter-on-quarter growth rate: Mariano–Murasawa weights (1, 2, 3, 2, 1).</summary>
    MarianoMurasawa,

    /// <summary>A year-on-year rate (or a level): the average of the quarter's three months, weights (1, 1, 1).</summary>
    Average,
}

/// <summary>One input of a dynamic factor model: monthly, or quarterly (observed in the quarter's third month).</summary>
/// <param name="Blocks">Indices of the factor blocks the series loads on (block 0 is the global factor).</param>
public sealed record DfmSeries(string Code, bool Quarterly, IReadOnlyList<int> Blocks, QuarterlyAggregation Aggregation = QuarterlyAggregation.MarianoMurasawa);

/// <summary>
/// The shape of a mixed-frequency dynamic factor model (Bańbura–Modugno 2014): one factor per block with AR(p)
/// dynamics, AR(1) idiosyncratic terms, and quarterly series tied to the monthly factors by the Mariano–Murasawa
/// weights (1, 2, 3, 2, 1) on five months of factors and idiosyncratic terms.
/// </summary>
public sealed class DfmSpec
{
    /// <summary>Mariano–Murasawa weights linking a quarterly growth rate to the monthly ones (current month first).</summary>
    public static readonly double[] QuarterlyWeights = [1, 2, 3, 2, 1];

    /// <summary>The measurement error variance of every (standardised) series; the idiosyncratic terms carry the noise.</summary>
    public const double MeasurementVariance = 1e-4;

    public DfmSpec(IReadOnlyList<DfmSeries> series, IReadOnlyList<string> blocks, int factorOrder = 2)
    {
        if (factorOrder is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(factorOrder), "factor AR order must be 1–5");
        if (blocks.Count == 0) throw new ArgumentException("at least one block (the global factor)", nameof(blocks));
        Series = series;
        Blocks = blocks;
        FactorOrder = factorOrder;
        HasQuarterly = series.Any(s => s.Quarterly);
        FactorLags = Math.Max(factorOrder, HasQuarterly ? QuarterlyWeights.Length : 1);
        var next = blocks.Count * FactorLags;
        IdioState = new int[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            IdioState[i] = next;
            next += Weights(series, i);
        }
        States = next;
    }

    public IReadOnlyList<DfmSeries> Series { get; }

    private static int Weights(IReadOnlyList<DfmSeries> series, int i) => !series[i].Quarterly ? 1
        : series[i].Aggregation == QuarterlyAggregation.Average ? AverageWeights.Length : QuarterlyWeights.Length;

    public IReadOnlyList<string> Blocks { get; }

    public int FactorOrder { get; }

    public bool HasQuarterly { get; }

    /// <summary>How many lags of each block's factor the state keeps (≥ 5 when a quarterly series is present).</summary>
    public int FactorLags { get; }

    /// <summary>First state of series i's idiosyncratic term (one state monthly, one per aggregation weight quarterly).</summary>
    public int[] IdioState { get; }

    public int States { get; }

    public int FactorState(int block, int lag = 0) => (block * FactorLags) + lag;

    /// <summary>The weights a series puts on its current and lagged states: (1) monthly, Mariano–Murasawa quarterly.</summary>
    public double[] Weights(int series) => !Series[series].Quarterly ? [1.0]
        : Series[series].Aggregation == QuarterlyAggregation.Average ? AverageWeights : QuarterlyWeights;

    /// <summary>Weights of a quarterly average (year-on-year rates, levels): the quarter's three months.</summary>
    public static readonly double[] AverageWeights = [1, 1, 1];

    public int IndexOf(string code)
    {
        for (var i = 0; i < Series.Count; i++) if (Series[i].Code == code) return i;
        throw new ArgumentException($"series '{code}' is not in the model", nameof(code));
    }
}

/// <summary>Estimated parameters of a <see cref="DfmSpec"/> in standardised units, plus the standardisation itself.</summary>
public sealed class DfmParameters
{
    public DfmParameters(DfmSpec spec)
    {
        Spec = spec;
        FactorAr = spec.Blocks.Select(_ => new double[spec.FactorOrder]).ToArray();
        FactorVariance = spec.Blocks.Select(_ => 1.0).ToArray();
        Loadings = spec.Series.Select(_ => new double[spec.Blocks.Count]).ToArray();
        IdioAr = new double[spec.Series.Count];
        IdioVariance = Enumerable.Repeat(1.0, spec.Series.Count).ToArray();
        Mean = new double[spec.Series.Count];
        Scale = Enumerable.Repeat(1.0, spec.Series.Count).ToArray();
    }

    public DfmSpec Spec { get; }

    /// <summary>Per block, the factor's AR coefficients on lags 1..p.</summary>
    public double[][] FactorAr { get; }

    public double[] FactorVariance { get; }

    /// <summary>Per series, its loading on each block (zero for blocks it does not load on).</summary>
    public double[][] Loadings { get; }

    public double[] IdioAr { get; }

    public double[] IdioVariance { get; }

    /// <summary>Per series, the mean and standard deviation used to standardise it.</summary>
    public double[] Mean { get; }

    public double[] Scale { get; }

    public DfmParameters Clone()
    {
        var copy = new DfmParameters(Spec);
        for (var b = 0; b < FactorAr.Length; b++) Array.Copy(FactorAr[b], copy.FactorAr[b], FactorAr[b].Length);
        Array.Copy(FactorVariance, copy.FactorVariance, FactorVariance.Length);
        for (var i = 0; i < Loadings.Length; i++) Array.Copy(Loadings[i], copy.Loadings[i], Loadings[i].Length);
        Array.Copy(IdioAr, copy.IdioAr, IdioAr.Length);
        Array.Copy(IdioVariance, copy.IdioVariance, IdioVariance.Length);
        Array.Copy(Mean, copy.Mean, Mean.Length);
        Array.Copy(Scale, copy.Scale, Scale.Length);
        return copy;
    }

    public bool IsFinite() =>
        FactorAr.All(a => a.All(double.IsFinite)) && FactorVariance.All(v => v > 0 && double.IsFinite(v)) &&
        Loadings.All(l => l.All(double.IsFinite)) && IdioAr.All(double.IsFinite) && IdioVariance.All(v => v > 0 && double.IsFinite(v));

    /// <summary>
    /// The estimated parameters as one vector (for EM's extrapolation step): factor AR coefficients, log factor
    /// variances, loadings, idiosyncratic AR coefficients, log idiosyncratic variances. Variances enter as logarithms so
    /// that any extrapolated vector maps back to positive variances.
    /// </summary>
    internal double[] ToVector() =>
    [
        .. FactorAr.SelectMany(a => a), .. FactorVariance.Select(v => Math.Log(v)), .. Loadings.SelectMany(l => l),
        .. IdioAr, .. IdioVariance.Select(v => Math.Log(v)),
    ];

    /// <summary>A copy (standardisation included) with the estimated parameters taken from <paramref name="vector"/> (<see cref="ToVector"/>'s layout).</summary>
    internal DfmParameters WithVector(double[] vector)
    {
        var copy = Clone();
        var k = 0;
        foreach (var a in copy.FactorAr) for (var l = 0; l < a.Length; l++) a[l] = vector[k++];
        for (var b = 0; b < copy.FactorVariance.Length; b++) copy.FactorVariance[b] = Math.Exp(vector[k++]);
        foreach (var l in copy.Loadings) for (var b = 0; b < l.Length; b++) l[b] = vector[k++];
        for (var i = 0; i < copy.IdioAr.Length; i++) copy.IdioAr[i] = vector[k++];
        for (var i = 0; i < copy.IdioVariance.Length; i++) copy.IdioVariance[i] = Math.Exp(vector[k++]);
        return copy;
    }

    /// <summary>The state-space form of the model with these parameters.</summary>
    public StateSpace ToStateSpace()
    {
        var spec = Spec;
        var ss = new StateSpace(spec.States, spec.Series.Count);
        for (var b = 0; b < spec.Blocks.Count; b++)
        {
            var first = spec.FactorState(b);
            for (var lag = 0; lag < spec.FactorOrder; lag++) ss.SetT(first, first + lag, FactorAr[b][lag]);
            for (var lag = 1; lag < spec.FactorLags; lag++) ss.SetT(first + lag, first + lag - 1, 1);
            ss.SetQ(first, first, FactorVariance[b]);
        }
        for (var i = 0; i < spec.Series.Count; i++)
        {
            var idio = spec.IdioState[i];
            var weights = spec.Weights(i);
            ss.SetT(idio, idio, IdioAr[i]);
            for (var lag = 1; lag < weights.Length; lag++) ss.SetT(idio + lag, idio + lag - 1, 1);
            ss.SetQ(idio, idio, IdioVariance[i]);
            for (var lag = 0; lag < weights.Length; lag++)
            {
                ss.SetZ(i, idio + lag, weights[lag]);
                foreach (var b in spec.Series[i].Blocks) ss.SetZ(i, spec.FactorState(b, lag), weights[lag] * Loadings[i][b]);
            }
            ss.MeasurementNoise[i] = DfmSpec.MeasurementVariance;
        }
        ss.SetStationaryInitialCovariance();
        return ss;
    }
}
