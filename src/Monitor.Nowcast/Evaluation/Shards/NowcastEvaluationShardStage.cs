using System.Text.Json;
using DuckDB.NET.Data;
using Monitor.Core.Scale;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Evaluation.Shards;

/// <summary>What the owner asks to evaluate: the panel, the settings, the scored quarters and the EM limits.</summary>
public sealed record NowcastEvaluationRequest(UsPanel Panel, NowcastSettings Settings, EmOptions Em, DateOnly From, DateOnly To, int ProductBandQuarters = 0);

/// <summary>What every shard of an evaluation run shares (context.json); the panel itself is context.panel.parquet.</summary>
public sealed record NowcastEvaluationContext(NowcastSettings Settings, EmOptions Em, DateOnly From, DateOnly To, int ProductBandQuarters,
    DateOnly PanelStart, int PanelMonths, IReadOnlyDictionary<string, string> Groups);

/// <summary>
/// <c>monitor evaluate-nowcast</c> as a sharded stage. Its cost is the yearly EM re-estimations and the nowcasts made
/// with them; each year starts its EM from its own data's principal components, so the years are independent and are
/// dealt to shards round-robin (neighbouring years cost about the same, so the shards stay balanced). Prepare (owner):
/// the panel once, and each shard's quarters. Compute (anywhere): the model's nowcasts of its years. Merge (owner): the
/// corrections that need earlier quarters' errors (<see cref="PastErrorCorrections"/>), over every shard's rows in
/// quarter order, into nowcast_evaluations. Any shard count therefore gives the rows of one.
/// </summary>
public sealed class NowcastEvaluationShardStage : IShardedStage
{
    public const string StageKey = "nowcast-evaluation";

    public string Key => StageKey;

    /// <summary>The owner's next evaluation, set before its run (workers read everything from the run's files).</summary>
    public NowcastEvaluationRequest? Request { get; set; }

    /// <summary>The run the latest merge in this process wrote (the embedded caller reads its rows right after).</summary>
    public long? LastMergedRun { get; private set; }

    public StagePreparation Prepare(ShardRun run, CancellationToken cancellationToken)
    {
        var request = Request ?? throw new ShardException("nowcast evaluation: nothing to evaluate (the owner sets the request before the run)");
        var settings = request.Settings;
        var context = new NowcastEvaluationContext(settings, request.Em, request.From, request.To, request.ProductBandQuarters, request.Panel.Start,
            request.Panel.Months, settings.Indicators.ToDictionary(code => code, code => request.Panel.Groups[code], StringComparer.Ordinal));
        ShardRun.WriteAtomically(run.Context("json"), p => File.WriteAllText(p, JsonSerializer.Serialize(context)));
        NowcastEvaluationFiles.WritePanel(run, request.Panel, settings.Indicators);
        var years = NowcastEvaluation.Years(settings, request.From, request.To);
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NowcastEvaluationFiles.WriteQuarters(run.Input(shard), years.Where((_, k) => k % run.ShardCount == shard).SelectMany(year => year));
        }
        return new StagePreparation(years.Count > 0, $"nowcast evaluation: {years.Count} estimation years, {request.From:yyyy-MM} to {request.To:yyyy-MM} scored");
    }

    public void Compute(ShardRun run, int shard, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var evaluation = new NowcastEvaluation(NowcastEvaluationFiles.ReadPanel(run, context), context.Settings, context.Em) { ProductBandQuarters = context.ProductBandQuarters };
        var rows = new List<ModelNowcast>();
        foreach (var year in Years(NowcastEvaluationFiles.ReadQuarters(run.Input(shard))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.AddRange(evaluation.Year(year, context.From));
        }
        NowcastEvaluationFiles.WriteNowcasts(run.Output(shard), shard, rows);
    }

    public string Merge(ShardRun run, DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var context = Context(run);
        var rows = NowcastEvaluationFiles.ReadNowcasts(connection, run);
        var expected = 3 * NowcastEvaluation.Years(context.Settings, context.From, context.To).Sum(year => year.Count);
        if (rows.Count != expected) throw new ShardException($"nowcast evaluation run {run.RunId}: the shards hold {rows.Count} nowcasts, {expected} expected");
        var corrected = PastErrorCorrections.Apply(rows.Select(r => r.Nowcast), context.Settings, context.From, context.ProductBandQuarters > 0);
        var written = NowcastEvaluationStore.Write(connection, run.RunId, rows.Zip(corrected, (r, c) => (r.Shard, c)));
        LastMergedRun = run.RunId;
        return $"nowcast evaluation: {written} nowcasts ({rows.Count(r => r.Nowcast.Quarter >= context.From)} scored) from {run.ShardCount} shard(s)";
    }

    public void Fail(ShardRun run, string reason)
    {
        // No run table of its own: scale_runs holds the reason, and the verb reports it.
    }

    /// <summary>A shard's quarters cut into estimation years: a new one at each first quarter and after each gap (the years between went to other shards).</summary>
    internal static List<List<DateOnly>> Years(IReadOnlyList<DateOnly> quarters)
    {
        var years = new List<List<DateOnly>>();
        for (var k = 0; k < quarters.Count; k++)
        {
            if (k == 0 || quarters[k].Month == 1 || quarters[k - 1].AddMonths(3) != quarters[k]) years.Add([]);
            years[^1].Add(quarters[k]);
        }
        return years;
    }

    private static NowcastEvaluationContext Context(ShardRun run) =>
        JsonSerializer.Deserialize<NowcastEvaluationContext>(File.ReadAllText(run.Context("json"))) ?? throw new ShardException($"{run.Context("json")} is empty");
}
