namespace Monitor.Warn.Nab;

/// <summary>The NAB cost matrix of one application profile (config/profiles.json).</summary>
public sealed record NabProfile(string Name, double TpWeight, double FnWeight, double FpWeight)
{
    public static NabProfile Standard { get; } = new("standard", 1.0, 1.0, 0.11);
    public static NabProfile RewardLowFp { get; } = new("reward_low_FP_rate", 1.0, 1.0, 0.22);
    public static NabProfile RewardLowFn { get; } = new("reward_low_FN_rate", 1.0, 2.0, 0.11);
    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFp, RewardLowFn];
}

/// <summary>A labelled window as row indices (inclusive) of its file.</summary>
public readonly record struct NabWindow(int Start, int End)
{
    public int Width => End - Start + 1;
}

/// <summary>Raw score of one file: the sum of true-positive rewards, false-positive penalties and missed-window penalties.</summary>
public readonly record struct NabFileScore(double Raw, int Windows, int Detected, int FalsePositives);

/// <summary>
/// The NAB scoring rules (Lavin &amp; Ahmad 2015; Ahmad et al. 2017): rows in the probationary period (the first
/// min(⌊0.15·n⌋, 750) rows) are not scored; in each window only the earliest detection counts, rewarded
/// tp·σ(position) with σ(y) = 2/(1+e^{5y}) − 1 and position −1 at the window's start rising to 0 at its end; a detection
/// outside windows costs fp·σ(distance past the previous window / (its width − 1)), or fp·1 before any window; each
/// missed window costs fn. The corpus score is normalised: 100·(raw − null)/(perfect − null).
/// </summary>
public static class NabScorer
{
    public static int ProbationPeriod(int length) => (int)Math.Min(Math.Floor(0.15 * length), 0.15 * 5000);

    public static double ScaledSigmoid(double position) => position > 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * position))) - 1.0;

    public static NabFileScore ScoreFile(IReadOnlyList<bool> detections, IReadOnlyList<NabWindow> windows, NabProfile profile)
    {
        var probation = ProbationPeriod(detections.Count);
        var detected = new bool[windows.Count];
        double raw = 0;
        var falsePositives = 0;
        NabWindow? previous = null;
        var w = 0;
        for (var i = 0; i < detections.Count; i++)
        {
            while (w < windows.Count && i > windows[w].End) previous = windows[w++];
            var inWindow = w < windows.Count && i >= windows[w].Start;
            if (!detections[i] || i < probation) continue;
            if (inWindow)
            {
                if (detected[w]) continue;
                detected[w] = true;
                var position = -(windows[w].End - i + 1) / (double)windows[w].Width;
                raw += profile.TpWeight * ScaledSigmoid(position);
            }
            else
            {
                falsePositives++;
                var unweighted = previous is { } p ? ScaledSigmoid(Math.Abs(p.End - i) / (double)(p.Width - 1)) : -1.0;
                raw += profile.FpWeight * unweighted;
            }
        }
        var hits = detected.Count(d => d);
        raw -= profile.FnWeight * (windows.Count - hits);
        return new NabFileScore(raw, windows.Count, hits, falsePositives);
    }

    /// <summary>Normalised corpus score: perfect detector 100, null detector (no detections) 0.</summary>
    public static double Normalise(IEnumerable<NabFileScore> files, NabProfile profile)
    {
        var list = files.ToList();
        var raw = list.Sum(f => f.Raw);
        var windows = list.Sum(f => f.Windows);
        var nullScore = -profile.FnWeight * windows;
        var perfect = profile.TpWeight * ScaledSigmoid(-1.0) * windows;
        return 100.0 * (raw - nullScore) / (perfect - nullScore);
    }
}
