using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Evaluation;

/// <summary>One nowcast as the model made it in its shard (phase one), before any correction from earlier quarters' errors.</summary>
/// <param name="FitSeconds">Seconds of the EM fit when this nowcast re-estimated the parameters (0 otherwise).</param>
/// <param name="Problem">Why the EM fit stopped early, when it did.</param>
/// <param name="ProductSd">The product band's spread (<see cref="PastErrorBand"/>) when asked for and calibrated on enough quarters.</param>
public sealed record ModelNowcast(DateOnly Quarter, int Month, double Actual, NowcastDensity Model, double Ar1, double Milliseconds, double CpuMilliseconds,
    bool Reestimated, double FitSeconds, int EmIterations, string? Problem, double? ProductSd);

/// <summary>A model nowcast after phase two: the density shown (bias-corrected mean, spread from past errors), the product band, and whether it is scored or a warm-up quarter.</summary>
public sealed record CorrectedNowcast(ModelNowcast Model, NowcastDensity Nowcast, NowcastDensity? Product, bool Scored)
{
    public EvaluatedNowcast ToEvaluated() => new(Model.Quarter, Model.Month, Model.Actual, Nowcast, Model.Ar1, Model.Milliseconds, Model.CpuMilliseconds,
        Model.Model, Product, Model.Reestimated);
}

/// <summary>
/// Phase two of the evaluation: corrections that need the model's errors at earlier quarters (the bias window and the
/// spread from past errors). They are cheap and sequential in quarter order, so they run once over every shard's rows
/// at the merge; each nowcast uses only errors whose outturn was published when it was made (at month 1 the previous
/// quarter's is not yet).
/// </summary>
public static class PastErrorCorrections
{
    /// <summary>Fewest past errors at the same month for a correction; with fewer, the model's own figure stays.</summary>
    private const int MinimumErrors = 8;

    /// <param name="rows">Every model nowcast from the first warm-up quarter on, in (quarter, month) order.</param>
    /// <param name="from">First scored quarter; earlier ones are warm-up.</param>
    /// <param name="productBand">Whether the product band was asked for (it then keeps the shown spread where it could not be calibrated).</param>
    public static IEnumerable<CorrectedNowcast> Apply(IEnumerable<ModelNowcast> rows, NowcastSettings settings, DateOnly from, bool productBand)
    {
        var errors = new List<PastError>();
        foreach (var row in rows)
        {
            var lastOut = row.Quarter.AddMonths(row.Month == 1 ? -6 : -3);
            var nowcast = row.Model;
            if (settings.BiasWindowQuarters > 0 && Past(errors, row.Month, lastOut, settings.BiasWindowQuarters) is { Count: >= MinimumErrors } bias)
                nowcast = nowcast with { Mean = nowcast.Mean + bias.Average(e => e.ModelError) };
            if (settings.ErrorWindowQuarters > 0 && Past(errors, row.Month, lastOut, settings.ErrorWindowQuarters) is { Count: >= MinimumErrors } past)
                nowcast = nowcast with { StandardDeviation = Math.Sqrt(past.Average(e => e.Error * e.Error)) };
            errors.Add(new PastError(row.Quarter, row.Month, row.Actual - nowcast.Mean, row.Actual - row.Model.Mean));
            var product = !productBand ? null : row.ProductSd is { } sd ? nowcast with { StandardDeviation = sd } : nowcast;
            yield return new CorrectedNowcast(row, nowcast, product, row.Quarter >= from);
        }
    }

    /// <summary>An earlier nowcast's error (outturn − nowcast), after and before the corrections from past errors.</summary>
    private sealed record PastError(DateOnly Quarter, int Month, double Error, double ModelError);

    /// <summary>The last <paramref name="window"/> errors at the same month whose outturn was out when this nowcast was made.</summary>
    private static List<PastError> Past(List<PastError> errors, int month, DateOnly lastOut, int window) =>
        errors.Where(e => e.Month == month && e.Quarter <= lastOut).TakeLast(window).ToList();
}
