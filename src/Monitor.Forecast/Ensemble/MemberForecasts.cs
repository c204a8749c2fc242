using Monitor.Forecast.Global;
using Monitor.Forecast.Models;

namespace Monitor.Forecast.Ensemble;

/// <summary>
/// Computes every candidate member's forecasts for a set of histories cut at a given point: the statistical models per
/// series (sharing one decomposition and one fit per form) and the global LightGbm model trained on the cut histories only.
/// </summary>
public static class MemberForecasts
{
    public const string GlobalMember = "lgbm";

    /// <summary>A second global model on half-length windows: same learner, different view, a cheap source of diversity.</summary>
    public const string ShortGlobalMember = "lgbm_short";

    public static IReadOnlyList<string> GlobalMembers { get; } = [GlobalMember, ShortGlobalMember];

    /// <summary>member → per-series forecasts (null where the member could not forecast the series).</summary>
    public static Dictionary<string, double[]?[]> Compute(
        IReadOnlyList<double[]> histories, IReadOnlyList<int?> cyclePositions, int seasonLength, int horizon,
        IReadOnlyCollection<string> members, GlobalModelSettings globalSettings, int threads, GlobalModelHandoff? handoff = null)
    {
        var statistical = StatisticalModels.All.Where(m => members.Contains(m.Name) || m.Name == "naive2").ToList();
        var result = statistical.ToDictionary(m => m.Name, _ => new double[]?[histories.Count]);
        var adjusted = new AdjustedHistory[histories.Count];
        Parallel.For(0, histories.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            adjusted[i] = new AdjustedHistory(histories[i], seasonLength);
            foreach (var model in statistical) result[model.Name][i] = Safe(() => model.Forecast(adjusted[i], horizon));
        });
        if (members.Contains(GlobalMember)) result[GlobalMember] = Global(GlobalMember, adjusted, cyclePositions, seasonLength, horizon, globalSettings, threads, handoff);
        if (members.Contains(ShortGlobalMember))
            result[ShortGlobalMember] = Global(ShortGlobalMember, adjusted, cyclePositions, seasonLength, horizon, globalSettings with { WindowFactor = 0.5 }, threads, handoff);
        return result;
    }

    /// <summary>
    /// The global model learns on the deseasonalised histories (the same M4 decomposition the statistical members use) and
    /// its forecasts are reseasonalised: the mcomp series carry no calendar, so seasonal phase cannot be learnt across series.
    /// </summary>
    private static double[]?[] Global(string member, AdjustedHistory[] histories, IReadOnlyList<int?> cyclePositions, int seasonLength, int horizon,
        GlobalModelSettings settings, int threads, GlobalModelHandoff? handoff)
    {
        var offsets = histories.Select(h => PositiveOffset(h.Adjusted)).ToArray();
        var windows = histories.Select((h, i) => new SeriesWindow(offsets[i] == 0 ? h.Adjusted : h.Adjusted.Select(v => v + offsets[i]).ToArray(), cyclePositions[i])).ToList();
        try
        {
            var model = handoff?.Pretrained?.Invoke(member);
            if (model is null)
            {
                if (handoff?.Pretrained is not null) return new double[]?[histories.Length];
                model = new GlobalLagModel(seasonLength, horizon, settings);
                model.Train(windows);
                handoff?.Trained?.Invoke(member, model);
            }
            return model.Predict(windows, threads)
                .Select((f, i) => f is not null && f.All(double.IsFinite) ? histories[i].Reseasonalise(f.Select(v => v - offsets[i]).ToArray()) : null)
                .ToArray();
        }
        catch (InvalidOperationException)
        {
            return new double[]?[histories.Length];
        }
    }

    /// <summary>
    /// The global model works on log ratios, so a history with zeros or negatives (growth rates) is lifted until its minimum
    /// is 1 (histories are scaled to mean absolute value 1, so this is one typical magnitude) and its forecasts lowered back.
    /// The offset comes from the history itself, so a cut history never sees a later value.
    /// </summary>
    internal static double PositiveOffset(double[] adjusted) =>
        adjusted.Length == 0 || adjusted.Min() > 0 || !adjusted.All(double.IsFinite) ? 0 : 1 - adjusted.Min();

    private static double[]? Safe(Func<double[]> forecast)
    {
        try
        {
            var values = forecast();
            return values.All(double.IsFinite) ? values : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>
/// Global models handed between the planning and the forecasting of a run: with <see cref="Pretrained"/> set, global
/// members only predict with the given model (none given: the member is unavailable); otherwise each is trained here and
/// passed to <see cref="Trained"/>.
/// </summary>
public sealed record GlobalModelHandoff(Func<string, GlobalLagModel?>? Pretrained = null, Action<string, GlobalLagModel>? Trained = null);
