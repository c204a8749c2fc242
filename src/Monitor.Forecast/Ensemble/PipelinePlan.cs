using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Monitor.Forecast.Global;

namespace Monitor.Forecast.Ensemble;

/// <summary>
/// What a forecast run learns across series, once: the chosen combination, the conformal bands and the global models
/// (as ML.NET zips, keyed by member and validation origin). It serialises to JSON so a sharded run can ship it to workers.
/// </summary>
public sealed record PipelinePlan(
    string Method, IReadOnlyList<string> Candidates, Combination Chosen, double[][] Quantiles, int ResidualCount,
    IReadOnlyDictionary<string, byte[]> Models, IReadOnlyDictionary<string, OriginBacktest[]> Backtests, int GlobalRows, int SampleSize)
{
    private readonly ConcurrentDictionary<string, GlobalLagModel> _loaded = new(StringComparer.Ordinal);

    [JsonIgnore]
    public ConformalBands Bands => ConformalBands.FromQuantiles(Quantiles, ResidualCount);

    public static string ModelKey(string member, int? origin) => origin is { } o ? $"{member}@{o}" : $"{member}@full";

    /// <summary>The global model of a member at a validation origin (null: on full histories), loaded from its zip; null if none was trained.</summary>
    public GlobalLagModel? Model(string member, int? origin, int seasonLength, int horizon, GlobalModelSettings settings) =>
        Models.TryGetValue(ModelKey(member, origin), out var zip)
            ? _loaded.GetOrAdd(ModelKey(member, origin), _ => GlobalLagModel.Load(zip, seasonLength, horizon, member == MemberForecasts.ShortGlobalMember ? settings with { WindowFactor = 0.5 } : settings))
            : null;
}
