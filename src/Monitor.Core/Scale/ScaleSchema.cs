using Monitor.Core.Store;

namespace Monitor.Core.Scale;

/// <summary>The tables of sharded runs (scale_runs, scale_shards), owned by <see cref="ShardCoordinator"/>.</summary>
public static class ScaleSchema
{
    public static IEnumerable<SchemaScript> Scripts => SchemaScript.FromEmbedded(typeof(ScaleSchema).Assembly, "scale", "Monitor.Core.Scale.Schema.");
}
