using System.Diagnostics;
using System.Globalization;
using Monitor.Warn.Anomalies;
using Monitor.Warn.Nab;

namespace WarnBench;

/// <summary>Scores the streaming detector on the NAB corpus with the three profiles, beside the published scoreboard.</summary>
internal static class NabBench
{
    private static readonly (string Name, double Standard, double LowFp, double LowFn)[] Scoreboard =
    [
        ("ARTime", 74.9, 65.1, 80.4), ("Numenta HTM", 70.5, 62.6, 75.2), ("CAD OSE", 69.9, 67.0, 73.2),
        ("earthgecko Skyline", 58.2, 46.2, 63.9), ("KNN CAD", 58.0, 43.4, 64.8), ("Relative Entropy", 54.6, 47.6, 58.8),
        ("Random Cut Forest", 51.7, 38.4, 59.7), ("Twitter ADVec", 47.1, 33.6, 53.5), ("Windowed Gaussian", 39.6, 20.9, 47.4),
        ("Random", 11.0, 1.2, 19.5), ("Null", 0, 0, 0),
    ];

    public static void Run(string folder, bool sweep)
    {
        var watch = Stopwatch.StartNew();
        var corpus = NabCorpus.Load(folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"NAB: {corpus.Count} files, {corpus.Sum(f => f.Values.Length)} rows, {corpus.Sum(f => f.Windows.Count)} windows, loaded in {watch.ElapsedMilliseconds} ms"));
        var settings = new StreamingSettings();
        if (sweep) settings = Sweep(corpus);
        watch.Restart();
        var detections = corpus.Select(f => StreamingAnomalyDetector.Detect(f.Values, settings)).ToList();
        var detectMs = watch.ElapsedMilliseconds;
        var ours = NabProfile.All.Select(p => NabScorer.Normalise(corpus.Select((f, i) => NabScorer.ScoreFile(detections[i], f.Windows, p)), p)).ToList();
        Console.WriteLine($"settings: {settings}; detection over the corpus {detectMs} ms");
        Console.WriteLine("| detector | standard | reward low FP | reward low FN |");
        Console.WriteLine("|---|---:|---:|---:|");
        var rows = Scoreboard.Select(s => (s.Name, s.Standard, s.LowFp, s.LowFn)).Append(("**Monitor warn (this)**", ours[0], ours[1], ours[2])).OrderByDescending(r => r.Item2);
        foreach (var r in rows) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Item1} | {r.Item2:F1} | {r.Item3:F1} | {r.Item4:F1} |"));
    }

    /// <summary>NAB tunes each detector's threshold on the corpus for each profile; ours sweeps a bounded grid of 96 settings (standard profile).</summary>
    private static StreamingSettings Sweep(IReadOnlyList<NabFile> corpus)
    {
        var best = (Score: double.MinValue, Settings: new StreamingSettings());
        foreach (var window in new[] { 2000, 8000 })
        foreach (var sigma in new[] { 6.0, 7.0, 8.0 })
        foreach (var limit in new[] { 30.0, double.PositiveInfinity })
        foreach (var changeSigma in new[] { 10.0, double.PositiveInfinity })
        foreach (var ratio in new[] { 3.0, double.PositiveInfinity })
        foreach (var quiet in new[] { 200, 400 })
        {
            var s = new StreamingSettings(window, sigma, 1.0, limit, quiet, changeSigma, ratio);
            var score = NabScorer.Normalise(corpus.Select(f => NabScorer.ScoreFile(StreamingAnomalyDetector.Detect(f.Values, s), f.Windows, NabProfile.Standard)), NabProfile.Standard);
            if (score > best.Score) best = (score, s);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sweep: best standard score {best.Score:F1} with {best.Settings}"));
        return best.Settings;
    }
}
