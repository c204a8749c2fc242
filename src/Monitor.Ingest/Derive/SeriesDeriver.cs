using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Ingest.Model;
using Monitor.Ingest.Vintage;

namespace Monitor.Ingest.Derive;

/// <summary>
/// Computes a derived series on request and stores it like any ingested one (so a revised parent gives a revised
/// derived vintage), as <c>&lt;parent code&gt;__&lt;method&gt;</c> in the parent's dataset, with its lineage in derived_series.
/// </summary>
public sealed class SeriesDeriver(MonitorStore store, VintageWriter writer, TimeProvider clock)
{
    public IngestResult Derive(string parentId, string method, CancellationToken cancellationToken = default)
    {
        var parent = new SeriesReader(store).Find(parentId) ?? throw new KeyNotFoundException($"no series '{parentId}' in the catalogue");
        IReadOnlyList<Observation> history;
        DateTime? vintage;
        using (var connection = store.Open())
        {
            history = SeriesReader.History(connection, parentId);
            vintage = SeriesReader.LatestVintage(connection, parentId);
        }
        var values = SeriesTransforms.Apply(method, history, parent.Frequency);
        var spec = new SeriesSpec($"{parent.Code}__{method}", $"{parent.Name} [{method}]", parent.Domain, parent.Frequency.Code(),
            parent.RegionCode, parent.IndustryCode, parent.NameZh is null ? null : $"{parent.NameZh}【{method}】", UnitOf(method, parent.Unit), method, parent.Country);
        var result = writer.Ingest(new IngestInput($"derive:{method}", parent.Dataset, parentId, parentId, [], sink =>
        {
            var handle = sink.Series(spec, 0);
            foreach (var o in values)
            {
                sink.RowRead();
                sink.Value(handle, o.Period, o.Value, 0);
            }
        }), cancellationToken);
        if (result.Status == "succeeded") RecordLineage(SeriesKey.Compose(parent.Dataset, spec.Code, parent.RegionCode, parent.IndustryCode), parentId, method, vintage);
        return result;
    }

    private static string? UnitOf(string method, string? parentUnit) => method switch
    {
        "yoy" or "mom" => "%",
        "logdiff" => "log difference",
        "ytd-single" => parentUnit,
        _ => null,
    };

    private void RecordLineage(string derivedId, string parentId, string method, DateTime? parentVintage)
    {
        using var connection = store.Open();
        Sql.Execute(connection, null, """
            INSERT INTO derived_series (series_id, parent_series_id, method, parent_vintage, computed_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (series_id) DO UPDATE SET parent_series_id = excluded.parent_series_id, method = excluded.method,
                parent_vintage = excluded.parent_vintage, computed_at = excluded.computed_at
            """, derivedId, parentId, method, parentVintage, clock.GetUtcNow().UtcDateTime);
    }
}
