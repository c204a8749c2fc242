using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Domain;
using Monitor.Core.Jobs;
using Monitor.Core.RealTime;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Forecast.Ensemble;
using Monitor.Forecast.Store;

namespace Monitor.Forecast.Shards;

/// <summary>
/// The forecast stage in shards. Prepare (owner): finds the series whose data changed, plans each frequency once on a
/// deterministic sample (combination, bands, global models: <see cref="ForecastPipeline.Plan"/>) and writes the changed
/// histories into shards by a stable hash of the series id. Compute (anywhere): forecasts a shard's series with the plan.
/// Merge (owner): inserts every shard's rows in the caller's transaction. One shard in-process is the embedded default.
/// </summary>
public sealed class ForecastShardStage(MonitorStore store, SeriesReader reader, IOptions<ForecastOptions> options, IOptions<ScaleOptions> scale, TimeProvider clock)
    : IShardedStage
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string Key => JobKeys.Forecast;

    public StagePreparation Prepare(ShardRun run, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var catalogue = reader.Catalogue();
        using var connection = store.Open();
        var done = ForecastStamps(connection);
        // Stamps and histories in one scan each: one query per series took most of the owner's serial time (docs/benchmarks.md).
        var latest = SeriesReader.LatestVintages(connection);
        var stamps = catalogue.ToDictionary(s => s.SeriesId, s => latest.TryGetValue(s.SeriesId, out var stamp) ? stamp : (DateTime?)null);
        var histories = AsOf.KnownAll(connection, null);
        var changed = catalogue.Where(s => stamps[s.SeriesId] is { } stamp && (!done.TryGetValue(s.SeriesId, out var d) || stamp > d)).Select(s => s.SeriesId).ToHashSet(StringComparer.Ordinal);
        if (changed.Count == 0) return new StagePreparation(false, $"forecast: 0 of {catalogue.Count} series changed; nothing to do");

        var inputs = Enumerable.Range(0, run.ShardCount).Select(_ => new List<ShardSeries>()).ToArray();
        var plans = new List<FrequencyPlan>();
        var planSeconds = 0.0;
        foreach (var group in catalogue.Where(s => stamps[s.SeriesId] is not null).GroupBy(s => s.Frequency))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var series = group.Select(s => new ShardSeries(s.SeriesId, SeriesGrid.From(histories.TryGetValue(s.SeriesId, out var history) ? history : [], group.Key), stamps[s.SeriesId]!.Value))
                .Where(s => s.Grid.Values.Length > 0).ToList();
            if (series.Count == 0) continue;
            var planning = System.Diagnostics.Stopwatch.StartNew();
            plans.Add(PlanFrequency(group.Key, series, o));
            planSeconds += planning.Elapsed.TotalSeconds;
            foreach (var s in series.Where(s => changed.Contains(s.Id))) inputs[ShardHash.ShardOf(s.Id, run.ShardCount)].Add(s);
        }
        var forecastRunId = MonitorStore.NextId(connection, "forecast_run_seq");
        Sql.Execute(connection, null, "INSERT INTO forecast_runs (run_id, started_at, status) VALUES ($1, $2, 'running')", forecastRunId, clock.GetUtcNow().UtcDateTime);
        var context = new ForecastRunContext(forecastRunId, Settings(o), plans, o.OneStepMembers, o.OneStepPeriods);
        ShardRun.WriteAtomically(run.Context("json"), p => File.WriteAllText(p, JsonSerializer.Serialize(context, Json)));
        for (var shard = 0; shard < run.ShardCount; shard++) ForecastShardFiles.WriteInput(run.Input(shard), inputs[shard]);
        // The planning time is the serial share of a sharded run (docs/scale.md); ScaleBench reads it from this summary.
        return new StagePreparation(true, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"forecast: run {forecastRunId} re-forecasts {changed.Count} of {catalogue.Count} series (planned in {planSeconds:F1} s)"));
    }

    public void Compute(ShardRun run, int shard, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var settings = context.Settings with { Threads = Math.Max(1, options.Value.Threads) };
        var oneStepModel = "onestep(" + string.Join("+", context.OneStepMembers) + ")";
        var output = new ForecastShardOutput();
        foreach (var group in ForecastShardFiles.ReadInput(run.Input(shard)).GroupBy(s => s.Grid.Frequency))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var plan = context.Plans.Single(p => p.Frequency == group.Key.Code());
            var series = group.ToList();
            var inputs = series.Select(s => new SeriesInput(s.Id, s.Grid.Values, s.Grid.FirstCyclePosition)).ToList();
            var result = new ForecastPipeline(settings).Apply(plan.Plan, inputs, group.Key.SeasonLength(), plan.Horizon);
            var oneStep = new OneStepBacktest(context.OneStepMembers, group.Key.SeasonLength());
            var checks = new IReadOnlyList<OneStepForecast>?[series.Count];
            // The one-step checks refit the members at every period of every series: the shard's largest cost after the
            // pipeline, and per series, so they take the shard's threads too; rows are added in series order below.
            Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.Threads, CancellationToken = cancellationToken }, j =>
            {
                if (result.Forecasts[j].Point.All(double.IsFinite)) checks[j] = oneStep.Run(series[j].Grid.Values, context.OneStepPeriods);
            });
            for (var j = 0; j < series.Count; j++)
                if (checks[j] is { } check) output.Add(series[j], result.Forecasts[j], result.Validation[j], oneStepModel, check);
        }
        output.Write(run, shard);
    }

    public string Merge(ShardRun run, DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var written = ForecastShardFiles.Merge(connection, run, context.ForecastRunId);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var plan in context.Plans) ModelRegistry.Record(connection, context.ForecastRunId, plan, now);
        var summary = $"forecast: run {context.ForecastRunId} re-forecast {written.Series} of {written.Catalogue} series ({written.Fallbacks} with a fallback)";
        Sql.Execute(connection, null, "UPDATE forecast_runs SET finished_at = $2, status = 'succeeded', series_count = $3, message = $4 WHERE run_id = $1",
            context.ForecastRunId, now, written.Series, summary);
        return summary;
    }

    public void Fail(ShardRun run, string reason)
    {
        if (!File.Exists(run.Context("json"))) return;
        using var connection = store.Open();
        Sql.Execute(connection, null, "UPDATE forecast_runs SET finished_at = $2, status = 'failed', message = $3 WHERE run_id = $1 AND status = 'running'",
            Context(run).ForecastRunId, clock.GetUtcNow().UtcDateTime, reason.Length > 4000 ? reason[..4000] : reason);
    }

    /// <summary>
    /// Plans a frequency on at most Scale:PlanSample series, chosen by the same stable hash as shards (so the sample is the
    /// same whoever plans); with fewer series than that, on all of them, as an unsharded run would.
    /// </summary>
    private FrequencyPlan PlanFrequency(Frequency frequency, List<ShardSeries> series, ForecastOptions o)
    {
        var sample = series.OrderBy(s => ShardHash.ShardOf(s.Id, int.MaxValue)).ThenBy(s => s.Id, StringComparer.Ordinal).Take(Math.Max(1, scale.Value.PlanSample)).ToList();
        var horizon = o.HorizonFor(frequency.Code());
        var plan = new ForecastPipeline(Settings(o)).Plan(sample.Select(s => new SeriesInput(s.Id, s.Grid.Values, s.Grid.FirstCyclePosition)).ToList(),
            frequency.SeasonLength(), horizon, o.DefaultMethod);
        return new FrequencyPlan(frequency.Code(), horizon, plan, series.Min(s => s.Grid.FirstPeriod), series.Max(s => s.Grid.LastPeriod), series.Count);
    }

    private static PipelineSettings Settings(ForecastOptions o) =>
        new() { Candidates = o.Candidates, MinimumMembers = o.MinimumMembers, Origins = o.Origins, HeldOutOrigins = o.HeldOutOrigins, Threads = o.Threads };

    // A worker computes several shards of one run: it reads the run's context (the plan and its global-model zips) once
    // and keeps the models it loaded from them, instead of deserialising and loading them again for every shard.
    private static readonly Lock LatestContextLock = new();
    private static (string Folder, ForecastRunContext Context)? _latestContext;

    private static ForecastRunContext Context(ShardRun run)
    {
        lock (LatestContextLock)
        {
            if (_latestContext is { } latest && latest.Folder == run.Folder) return latest.Context;
            var context = JsonSerializer.Deserialize<ForecastRunContext>(File.ReadAllText(run.Context("json")), Json) ?? throw new ShardException($"{run.Context("json")} is empty");
            _latestContext = (run.Folder, context);
            return context;
        }
    }

    private static Dictionary<string, DateTime> ForecastStamps(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_id, max(vintage) FROM forecasts GROUP BY series_id";
        using var r = command.ExecuteReader();
        var result = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        while (r.Read()) result[r.GetString(0)] = r.GetDateTime(1);
        return result;
    }
}

/// <summary>One series handed to a shard: its grid and the data stamp its forecast is for.</summary>
public sealed record ShardSeries(string Id, SeriesGrid Grid, DateTime Vintage);

/// <summary>The plan of one frequency, with the training window and group size recorded in the model registry.</summary>
public sealed record FrequencyPlan(string Frequency, int Horizon, PipelinePlan Plan, DateOnly TrainStart, DateOnly TrainEnd, int SeriesCount);

/// <summary>What every shard of a forecast run shares: the stage's run id, settings, plans and one-step settings.</summary>
public sealed record ForecastRunContext(long ForecastRunId, PipelineSettings Settings, IReadOnlyList<FrequencyPlan> Plans, IReadOnlyList<string> OneStepMembers, int OneStepPeriods);
