using Monitor.Forecast.Evaluation;
using Monitor.Forecast.Global;

namespace Monitor.Forecast.Ensemble;

/// <summary>
/// Forecasts a group of series of one frequency: rolling-origin backtests on the training data choose the combination and
/// calibrate conformal bands; then every member is refit on the full histories. Nothing after a cut is seen before it.
/// The latest <see cref="PipelineSettings.HeldOutOrigins"/> origins are scored only, so the stored accuracy is out of sample.
/// </summary>
public sealed class ForecastPipeline(PipelineSettings settings)
{
    /// <summary>Plans on all <paramref name="inputs"/> and forecasts them, reusing the plan's backtests.</summary>
    public PipelineResult Run(IReadOnlyList<SeriesInput> inputs, int seasonLength, int horizon, string method = PipelineSettings.EnsembleMethod)
    {
        var plan = Plan(inputs, seasonLength, horizon, method);
        return Apply(plan, inputs, seasonLength, horizon);
    }

    /// <summary>
    /// Learns what is learnt across series, on <paramref name="sample"/>: the combination (rolling-origin backtests on
    /// training data), the conformal bands, and the global models (one per validation origin and one on full histories).
    /// A sharded run plans once and ships the plan to every shard, so results do not depend on how series are split.
    /// </summary>
    public PipelinePlan Plan(IReadOnlyList<SeriesInput> sample, int seasonLength, int horizon, string method = PipelineSettings.EnsembleMethod)
    {
        var prepared = sample.Select(i => PreparedSeries.From(i, seasonLength)).Where(p => p.FallbackReason is null).ToList();
        var candidates = method == PipelineSettings.EnsembleMethod ? settings.Candidates : method.Split('+');
        var models = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var validation = Validate(prepared, seasonLength, horizon, candidates, origin => new GlobalModelHandoff(Trained: (m, g) => models[PipelinePlan.ModelKey(m, origin)] = g.Save()));
        var chosen = SelectCombination(validation, candidates, method);
        var bands = Calibrate(validation, chosen, horizon);
        var rows = 0;
        MemberForecasts.Compute(prepared.Select(p => p.Values).ToList(), prepared.Select(p => p.FirstCyclePosition).ToList(), seasonLength, horizon,
            chosen.Members.Where(MemberForecasts.GlobalMembers.Contains).ToList(), settings.Global, settings.Threads,
            new GlobalModelHandoff(Trained: (m, g) =>
            {
                models[PipelinePlan.ModelKey(m, null)] = g.Save();
                if (m == MemberForecasts.GlobalMember) rows = g.TrainingRows;
            }));
        var backtests = Enumerable.Range(0, prepared.Count).ToDictionary(i => prepared[i].Input.Id, validation.Of, StringComparer.Ordinal);
        return new PipelinePlan(method, candidates.ToList(), chosen, bands.Quantiles, bands.ResidualCount, models, backtests, rows, prepared.Count);
    }

    /// <summary>Forecasts <paramref name="inputs"/> with a plan: per series only, so any split of the series gives the same rows.</summary>
    public PipelineResult Apply(PipelinePlan plan, IReadOnlyList<SeriesInput> inputs, int seasonLength, int horizon)
    {
        var prepared = inputs.Select(i => PreparedSeries.From(i, seasonLength)).ToList();
        var modelled = prepared.Where(p => p.FallbackReason is null).ToList();
        var chosen = plan.Chosen;
        var bands = plan.Bands;
        var validation = Backtests(plan, modelled, seasonLength, horizon);
        var full = MemberForecasts.Compute(modelled.Select(p => p.Values).ToList(), modelled.Select(p => p.FirstCyclePosition).ToList(),
            seasonLength, horizon, chosen.Members, settings.Global, settings.Threads,
            new GlobalModelHandoff(Pretrained: m => plan.Model(m, null, seasonLength, horizon, settings.Global)));
        var byId = new Dictionary<PreparedSeries, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < modelled.Count; i++) byId[modelled[i]] = i;
        var forecasts = prepared.Select(p => byId.TryGetValue(p, out var i)
            ? Finish(p, chosen.Forecast(full, i, out var missing), chosen.Name, bands, seasonLength, missing.Count == 0 ? null : $"{string.Join("+", missing)} unavailable for this series")
            : Finish(p, Naive(p, horizon), "naive", bands, seasonLength, p.FallbackReason)).ToList();
        var scores = prepared.Select(p => byId.TryGetValue(p, out var i) ? validation.Score(i, chosen, bands) : null).ToList();
        plan.Models.TryGetValue(PipelinePlan.ModelKey(MemberForecasts.GlobalMember, null), out var globalZip);
        return new PipelineResult(forecasts, chosen, bands, scores, globalZip, plan.GlobalRows);
    }

    /// <summary>The plan's backtests of the series it planned on; the others' computed here with the plan's global models.</summary>
    private RollingOriginSet Backtests(PipelinePlan plan, List<PreparedSeries> modelled, int seasonLength, int horizon)
    {
        var set = new RollingOriginSet(modelled.Count, settings.HeldOutOrigins);
        var unplanned = new List<int>();
        for (var i = 0; i < modelled.Count; i++)
        {
            if (plan.Backtests.TryGetValue(modelled[i].Input.Id, out var known)) foreach (var b in known) set.Add(i, b);
            else unplanned.Add(i);
        }
        if (unplanned.Count == 0) return set;
        var computed = Validate(unplanned.Select(i => modelled[i]).ToList(), seasonLength, horizon, plan.Candidates,
            origin => new GlobalModelHandoff(Pretrained: m => plan.Model(m, origin, seasonLength, horizon, settings.Global)));
        for (var j = 0; j < unplanned.Count; j++) foreach (var b in computed.Of(j)) set.Add(unplanned[j], b);
        return set;
    }

    private RollingOriginSet Validate(IReadOnlyList<PreparedSeries> series, int seasonLength, int horizon, IReadOnlyList<string> candidates,
        Func<int, GlobalModelHandoff> globalModels)
    {
        var set = new RollingOriginSet(series.Count, settings.HeldOutOrigins);
        var stride = Math.Max(1, (horizon + 1) / 2);
        for (var origin = 0; origin < settings.HeldOutOrigins + settings.Origins; origin++)
        {
            var included = new List<int>();
            var cuts = new List<double[]>();
            for (var i = 0; i < series.Count; i++)
            {
                var cut = series[i].CutWithoutLookAhead(series[i].Values.Length - horizon - origin * stride);
                if (cut < settings.MinimumTrainLength) continue;
                included.Add(i);
                cuts.Add(series[i].Values[..cut]);
            }
            if (included.Count == 0) continue;
            var members = MemberForecasts.Compute(cuts, included.Select(i => series[i].FirstCyclePosition).ToList(), seasonLength, horizon, candidates,
                settings.Global, settings.Threads, globalModels(origin));
            for (var j = 0; j < included.Count; j++)
            {
                var values = series[included[j]].Values;
                var cut = cuts[j].Length;
                set.Add(included[j], values[cut..(cut + horizon)], Metrics.NaiveScale(cuts[j], seasonLength), members.ToDictionary(m => m.Key, m => m.Value[j]));
            }
        }
        return set;
    }

    private Combination SelectCombination(RollingOriginSet validation, IReadOnlyList<string> candidates, string method)
    {
        if (method != PipelineSettings.EnsembleMethod || validation.SelectionCount == 0) return new Combination(candidates);
        var minimum = Math.Min(settings.MinimumMembers, candidates.Count);
        var all = new Combination(candidates);
        var best = Combination.Subsets(candidates, settings.MaxWeight).Where(c => c.Members.Distinct().Count() >= minimum).MinBy(validation.Owa)!;
        return validation.Owa(best) < validation.Owa(all) - settings.SelectionMargin ? best : all;
    }

    private static ConformalBands Calibrate(RollingOriginSet validation, Combination chosen, int horizon)
    {
        var residuals = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToList();
        validation.CollectResiduals(chosen, residuals);
        return ConformalBands.Calibrate(residuals);
    }

    private static double[] Naive(PreparedSeries series, int horizon) =>
        Enumerable.Repeat(series.Values.Length == 0 ? double.NaN : series.Values[^1], horizon).ToArray();

    private static SeriesForecast Finish(PreparedSeries series, double[] point, string model, ConformalBands bands, int seasonLength, string? reason)
    {
        var h = point.Length;
        var scale = series.Values.Length > 1 ? Metrics.NaiveScale(series.Values, seasonLength) : 0;
        double[] lo80 = new double[h], hi80 = new double[h], lo95 = new double[h], hi95 = new double[h], p = new double[h];
        var floor = series.NonNegative ? 0 : double.NegativeInfinity;
        for (var k = 0; k < h; k++)
        {
            var (l95, l80, h80, h95) = bands.Bounds(k, point[k], scale);
            p[k] = Math.Max(floor, point[k]) * series.Scale;
            lo95[k] = Math.Max(floor, l95) * series.Scale;
            lo80[k] = Math.Max(floor, l80) * series.Scale;
            hi80[k] = Math.Max(floor, h80) * series.Scale;
            hi95[k] = Math.Max(floor, h95) * series.Scale;
        }
        return new SeriesForecast(series.Input.Id, model, p, lo80, hi80, lo95, hi95, reason);
    }
}
