using Monitor.Forecast.Global;

namespace Monitor.Forecast.Ensemble;

/// <summary>How the pipeline selects and calibrates: candidate members, rolling origins, threads, global-model settings.</summary>
public sealed record PipelineSettings
{
    /// <summary>The product's default method: the ensemble chosen by rolling-origin backtests.</summary>
    public const string EnsembleMethod = "ensemble";

    /// <summary>Members the ensemble may combine.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = ["theta", "ets", "comb", "lgbm", "lgbm_short"];

    /// <summary>Fewest members a chosen combination may have: small combinations over-fit the validation windows.</summary>
    public int MinimumMembers { get; init; } = 3;

    /// <summary>Largest integer weight a member may get in a combination (1 = equal weights over a subset).</summary>
    public int MaxWeight { get; init; } = 1;

    /// <summary>A smaller combination replaces the mean of all candidates only if its validation OWA is lower by this much.</summary>
    public double SelectionMargin { get; init; } = 0.01;

    /// <summary>Rolling origins on the training data: cuts at n − h, n − h − stride, … (stride = ⌈h/2⌉).</summary>
    public int Origins { get; init; } = 2;

    /// <summary>
    /// The latest rolling origins held back from choosing the combination and calibrating the intervals; the stored
    /// accuracy and coverage are scored on them alone, so they are out of sample. 0 (the M3/M4 backtests, which score on
    /// their own test sets) scores on the selection origins, labelled in-sample.
    /// </summary>
    public int HeldOutOrigins { get; init; }

    /// <summary>Shortest history left before a validation cut.</summary>
    public int MinimumTrainLength { get; init; } = 6;

    public int Threads { get; init; } = 1;

    public GlobalModelSettings Global { get; init; } = new();
}

/// <summary>The pipeline's outcome for one group of series of one frequency.</summary>
public sealed record PipelineResult(
    IReadOnlyList<SeriesForecast> Forecasts,
    Combination Chosen,
    ConformalBands Bands,
    IReadOnlyList<ValidationScore?> Validation,
    byte[]? GlobalModel,
    int GlobalRows);

/// <summary>
/// Rolling-origin accuracy of the chosen combination on one series: on the held-out origins that neither chose the
/// combination nor calibrated the bands (<paramref name="OutOfSample"/>), or, for a series too short for them, on the
/// selection origins (in-sample).
/// </summary>
public sealed record ValidationScore(double Smape, double Mase, double Cov80, double Cov95, int Origins, bool OutOfSample = false)
{
    /// <summary>How forecast_accuracy.sample, exports and the API label the score.</summary>
    public string Sample => OutOfSample ? "out-of-sample" : "in-sample";
}
