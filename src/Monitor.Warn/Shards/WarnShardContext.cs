using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Domain;
using Monitor.Core.Scale;
using Monitor.Warn.Sets;

namespace Monitor.Warn.Shards;

/// <summary>
/// What every shard and the merge of a warn run share: the owner's settings and indicator sets (so a worker's own
/// configuration changes nothing), the run's time stamp, the catalogue, and the observations the composites read.
/// </summary>
public sealed record WarnShardContext(WarnOptions Options, List<IndicatorSet> Sets, DateTime ComputedAt, List<SeriesInfo> Catalogue,
    Dictionary<string, List<Observation>> CompositeObservations)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // computed properties (SeriesInfo.Economy…) are derived again, not shipped
        IgnoreReadOnlyProperties = true,
    };

    public void Write(ShardRun run) => ShardRun.WriteAtomically(run.Context("json"), p => File.WriteAllText(p, JsonSerializer.Serialize(this, Json)));

    public static WarnShardContext Read(ShardRun run) =>
        JsonSerializer.Deserialize<WarnShardContext>(File.ReadAllText(run.Context("json")), Json) ?? throw new ShardException($"{run.Context("json")} is empty");
}
