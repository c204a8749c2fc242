namespace Monitor.Nowcast.Evaluation;

/// <summary>The settings chosen by the pre-2000 search (docs/nowcast.md); the evaluation and the product's US model use them.</summary>
public static class NowcastDefaults
{
    public static NowcastSettings Us { get; } = new(NowcastSettings.PeerIndicators, new Dictionary<string, string[]>(), 2, new DateOnly(1960, 1, 1), ErrorWindowQuarters: 20);
}
