namespace Monitor.Forecast.Models;

/// <summary>
/// A history deseasonalised as in the M4 benchmarks (90 % test, classical multiplicative decomposition) with its
/// ETS fits cached, so that SES, Holt, damped, Comb, Theta and ETS share one decomposition and one fit per form.
/// </summary>
public sealed class AdjustedHistory
{
    private readonly Dictionary<EtsSpec, EtsFit> _fits = [];

    public AdjustedHistory(double[] history, int seasonLength)
    {
        Original = history;
        SeasonLength = Math.Max(1, seasonLength);
        Indices = Seasonality.DetectIndices(history, seasonLength);
        Adjusted = Seasonality.Adjust(history, Indices);
    }

    public double[] Original { get; }

    public int SeasonLength { get; }

    /// <summary>Seasonal indices, or null when the test found no seasonality.</summary>
    public double[]? Indices { get; }

    public double[] Adjusted { get; }

    /// <summary>The fit of one form; forms with more parameters than the data can carry fall back to ETS(A,N,N).</summary>
    public EtsFit Fit(EtsSpec spec)
    {
        if (spec.Trend != TrendKind.None && Adjusted.Length < spec.ParameterCount + 1) spec = new EtsSpec(spec.MultiplicativeError, TrendKind.None);
        if (spec.MultiplicativeError && Adjusted.Any(v => v <= 0)) spec = new EtsSpec(false, spec.Trend);
        if (!_fits.TryGetValue(spec, out var fit)) _fits[spec] = fit = EtsFitter.Fit(Adjusted, spec);
        return fit;
    }

    /// <summary>Reseasonalises forecasts made on the adjusted scale.</summary>
    public double[] Reseasonalise(double[] forecast) => Seasonality.Reseasonalise(forecast, Original.Length, Indices);
}

/// <summary>A statistical model expressed on an <see cref="AdjustedHistory"/>.</summary>
/// <remarks>Models that handle seasonality themselves (seasonal naive) forecast the original history instead.</remarks>
public sealed class StatisticalModel(string name, Func<AdjustedHistory, int, double[]> forecastAdjusted, bool onAdjusted = true) : IForecastModel
{
    public string Name => name;

    public double[] Forecast(double[] history, int seasonLength, int horizon) => Forecast(new AdjustedHistory(history, seasonLength), horizon);

    public double[] Forecast(AdjustedHistory history, int horizon) =>
        onAdjusted ? history.Reseasonalise(forecastAdjusted(history, horizon)) : forecastAdjusted(history, horizon);
}

/// <summary>The statistical models of the library, each on seasonally adjusted data.</summary>
public static class StatisticalModels
{
    private static readonly EtsSpec SesSpec = new(false, TrendKind.None);
    private static readonly EtsSpec HoltSpec = new(false, TrendKind.Additive);
    private static readonly EtsSpec DampedSpec = new(false, TrendKind.Damped);

    public static StatisticalModel Ses { get; } = new("ses", (a, h) => a.Fit(SesSpec).Forecast(h));

    public static StatisticalModel Holt { get; } = new("holt", (a, h) => a.Fit(HoltSpec).Forecast(h));

    public static StatisticalModel Damped { get; } = new("damped", (a, h) => a.Fit(DampedSpec).Forecast(h));

    /// <summary>M4 "Comb": the mean of SES, Holt and damped.</summary>
    public static StatisticalModel Comb { get; } = new("comb", (a, h) =>
    {
        double[] s = a.Fit(SesSpec).Forecast(h), t = a.Fit(HoltSpec).Forecast(h), d = a.Fit(DampedSpec).Forecast(h);
        return Enumerable.Range(0, h).Select(k => (s[k] + t[k] + d[k]) / 3).ToArray();
    });

    /// <summary>The standard Theta method (SES with drift equal to half the linear-trend slope), as R's <c>thetaf</c>.</summary>
    public static StatisticalModel Theta { get; } = new("theta", (a, h) => ThetaMethod.Forecast(a.Adjusted, a.Fit(SesSpec), h));

    /// <summary>ETS(E,T,N) with E ∈ {A, M}, T ∈ {N, A, Ad} chosen by AICc.</summary>
    public static StatisticalModel Ets { get; } = new("ets", (a, h) =>
        EtsSpec.All.Select(a.Fit).Distinct().MinBy(f => f.Aicc)!.Forecast(h));

    /// <summary>Naive on the adjusted data: the M4 Naive2 benchmark.</summary>
    public static StatisticalModel Naive2 { get; } = new("naive2", (a, h) => Enumerable.Repeat(a.Adjusted[^1], h).ToArray());

    /// <summary>Last value carried forward.</summary>
    public static StatisticalModel Naive { get; } = new("naive", (a, h) => Enumerable.Repeat(a.Original[^1], h).ToArray(), onAdjusted: false);

    /// <summary>The value one season earlier.</summary>
    public static StatisticalModel SeasonalNaive { get; } = new("snaive", (a, h) => new SeasonalNaiveModel().Forecast(a.Original, a.SeasonLength, h), onAdjusted: false);

    /// <summary>Every statistical model by name.</summary>
    public static IReadOnlyList<StatisticalModel> All { get; } = [Naive2, Naive, SeasonalNaive, Ses, Holt, Damped, Comb, Theta, Ets];
}
