using Monitor.Forecast.Backtest;
using Monitor.Testing;

namespace Monitor.Forecast.Tests;

/// <summary>The shared peer sample, read once per test run (skips when the shared datasets are absent).</summary>
internal static class McompSample
{
    private static IReadOnlyList<McompSeries>? _series;

    public static IReadOnlyList<McompSeries> PeerSample() => _series ??= McompReader.Read(RepoPaths.Dataset("mcomp/peer_sample.csv"));

    /// <summary>Every k-th series of each frequency: a small deterministic subset.</summary>
    public static IReadOnlyList<McompSeries> EveryKth(int k) =>
        PeerSample().GroupBy(s => s.Frequency).SelectMany(g => g.Where((_, i) => i % k == 0)).ToList();
}
