using Monitor.Warn.Anomalies;
using Monitor.Warn.Nab;

namespace Monitor.Warn.Tests.Nab;

[TestClass]
public sealed class NabScorerTests
{
    private static readonly NabWindow[] Window = [new(500, 599)];

    private static bool[] Detections(int length, params int[] at)
    {
        var d = new bool[length];
        foreach (var i in at) d[i] = true;
        return d;
    }

    [TestMethod]
    public void Detecting_at_the_start_of_every_window_scores_100_and_nothing_scores_0()
    {
        var perfect = NabScorer.ScoreFile(Detections(1000, 500), Window, NabProfile.Standard);
        var none = NabScorer.ScoreFile(Detections(1000), Window, NabProfile.Standard);
        Assert.AreEqual(100, NabScorer.Normalise([perfect], NabProfile.Standard), 1e-9);
        Assert.AreEqual(0, NabScorer.Normalise([none], NabProfile.Standard), 1e-9);
    }

    [TestMethod]
    public void Only_the_earliest_detection_in_a_window_counts_and_later_ones_earn_less()
    {
        var early = NabScorer.ScoreFile(Detections(1000, 510, 520, 530), Window, NabProfile.Standard);
        var late = NabScorer.ScoreFile(Detections(1000, 590), Window, NabProfile.Standard);
        Assert.AreEqual(1, early.Detected);
        Assert.AreEqual(NabScorer.ScaledSigmoid(-90 / 100.0), early.Raw, 1e-12);
        Assert.IsLessThan(early.Raw, late.Raw);
    }

    [TestMethod]
    public void False_positives_cost_the_fp_weight_and_the_probation_period_is_not_scored()
    {
        Assert.AreEqual(150, NabScorer.ProbationPeriod(1000));
        Assert.AreEqual(750, NabScorer.ProbationPeriod(20000));
        var inProbation = NabScorer.ScoreFile(Detections(1000, 100), Window, NabProfile.Standard);
        Assert.AreEqual(0, inProbation.FalsePositives);
        var beforeWindow = NabScorer.ScoreFile(Detections(1000, 300), Window, NabProfile.Standard);
        Assert.AreEqual(-1.0 - 0.11, beforeWindow.Raw, 1e-12, "a missed window (−1) and an early false positive (−0.11)");
        var lowFp = NabScorer.ScoreFile(Detections(1000, 300), Window, NabProfile.RewardLowFp);
        Assert.AreEqual(-1.0 - 0.22, lowFp.Raw, 1e-12);
    }

    [TestMethod]
    public void The_streaming_detector_flags_a_planted_spike_once_and_quiet_data_not_at_all()
    {
        var values = Enumerable.Range(0, 3000).Select(t => 10 + Math.Sin(t / 10.0)).ToArray();
        Assert.IsFalse(StreamingAnomalyDetector.Detect(values, new StreamingSettings()).Any(f => f));
        values[2000] = 40;
        values[2001] = 40;
        var flags = StreamingAnomalyDetector.Detect(values, new StreamingSettings());
        CollectionAssert.AreEqual(new[] { 2000 }, flags.Select((f, i) => (f, i)).Where(x => x.f).Select(x => x.i).ToArray());
    }
}
