using Microsoft.Extensions.Options;
using Monitor.Core.Cli;
using Monitor.Testing;
using Monitor.Warn.Cli;
using Monitor.Warn.Evaluation;

namespace Monitor.Warn.Tests.Evaluation;

[TestClass]
public sealed class EvaluateWarningsTests
{
    [TestMethod]
    public async Task On_FRED_MD_the_classic_rules_reproduce_the_anchors_and_the_last_line_is_the_summary()
    {
        RepoPaths.Dataset("fred_md/observations.csv");
        RepoPaths.Dataset("business_cycles/turning_points.csv");
        var output = new StringWriter();
        var code = await new EvaluateWarningsCommand(Options.Create(new WarnOptions()))
            .RunAsync(CommandLineArgs.Parse<EvaluateWarningsCommand>(["--datasets", RepoPaths.Datasets!, "--dataset", "fred_md", "--reference", "business_cycles", "--no-release-lags"]), output, CancellationToken.None);
        Assert.AreEqual(0, code);
        var lines = output.ToString().TrimEnd().Split('\n').Skip(1).ToArray();
        StringAssert.StartsWith(lines[0], "yield curve");
        StringAssert.Contains(lines[0], "detected=7/9 median_lead=11 false_alarms=2");
        StringAssert.Contains(lines[1], "detected=8/9 median_lead=-2.5 false_alarms=2");
        // the leading composite catches more peaks than the yield curve, earlier than the Sahm rule, with no more false alarms
        Assert.AreEqual("overall: detected=8/9 median_lead=12.5 false_alarms=2 years=1960-2025", lines[^1].TrimEnd('\r'));
        StringAssert.Matches(lines[^1], new System.Text.RegularExpressions.Regex(@"^overall: detected=\d+/9 median_lead=-?[\d.]+ false_alarms=\d+ years=1960-2025$"));
    }

    [TestMethod]
    public async Task With_train_until_the_last_line_is_the_test_period_and_signals_are_written()
    {
        RepoPaths.Dataset("fred_md/observations.csv");
        RepoPaths.Dataset("business_cycles/turning_points.csv");
        var folder = TempFolder.Create();
        try
        {
            var signals = Path.Combine(folder, "signals.csv");
            var output = new StringWriter();
            var code = await new EvaluateWarningsCommand(Options.Create(new WarnOptions())).RunAsync(CommandLineArgs.Parse<EvaluateWarningsCommand>(
                ["--datasets", RepoPaths.Datasets!, "--dataset", "fred_md", "--reference", "business_cycles", "--train-until", "1989-12-01", "--signals-out", signals]),
                output, CancellationToken.None);

            Assert.AreEqual(0, code);
            var lines = output.ToString().TrimEnd().Split('\n');
            StringAssert.StartsWith(lines[0], "release lags: on");
            StringAssert.Contains(output.ToString(), "[train] leading composite");
            StringAssert.Matches(lines[^1], new System.Text.RegularExpressions.Regex(@"^overall: detected=\d/4 median_lead=-?[\d.]+ false_alarms=\d+ years=1990-2025$"));
            var rows = File.ReadAllLines(signals);
            Assert.AreEqual("month,known_at,signal,score", rows[0]);
            StringAssert.StartsWith(rows[1], "1960-01-01,1960-01-31,");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task The_grid_report_scores_every_searched_setting_on_training_and_test_and_marks_the_frozen_one()
    {
        RepoPaths.Dataset("fred_md/observations.csv");
        RepoPaths.Dataset("business_cycles/turning_points.csv");
        var folder = TempFolder.Create();
        try
        {
            var grid = Path.Combine(folder, "grid.csv");
            var output = new StringWriter();
            var code = await new EvaluateWarningsCommand(Options.Create(new WarnOptions())).RunAsync(CommandLineArgs.Parse<EvaluateWarningsCommand>(
                ["--datasets", RepoPaths.Datasets!, "--dataset", "fred_md", "--reference", "business_cycles", "--train-until", "1989-12-01", "--grid-out", grid]),
                output, CancellationToken.None);

            Assert.AreEqual(0, code);
            var rows = File.ReadAllLines(grid).Skip(1).Select(r => r.Split(',')).ToList();
            Assert.AreEqual(SettingsSearch.Percentiles.Length * SettingsSearch.Persistences.Length * SettingsSearch.CurveGates.Length, rows.Count);
            var chosen = rows.Single(r => r[^1] == "1");
            // the frozen setting is the training winner, and its test score is the one the last line reports
            Assert.AreEqual("1", chosen[3]);
            var overall = output.ToString().TrimEnd().Split('\n')[^1];
            StringAssert.StartsWith(overall, $"overall: detected={chosen[8]}/{chosen[9]} median_lead={chosen[11]} false_alarms={chosen[10]} ");
            StringAssert.Contains(output.ToString(), $"grid: settings={rows.Count} test_all_peaks={rows.Count(r => r[8] == r[9])} ");
            Assert.IsTrue(rows.All(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) >= 1), "every setting has a training rank");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public void Scorer_counts_leads_inside_the_window_and_false_alarms_outside()
    {
        var folder = TempFolder.Create();
        try
        {
            File.WriteAllText(Path.Combine(folder, "observations.csv"),
                "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\n" +
                string.Join("\n", Enumerable.Range(0, 120).Select(t => $"X,\"x, a series\",macro,,,M,{new DateOnly(2000, 1, 1).AddMonths(t):yyyy-MM-dd},1,u")));
            var data = DatasetFolder.Load(folder);
            var reference = new ReferenceCycle([new DateOnly(2005, 1, 1)], [(new DateOnly(2005, 2, 1), new DateOnly(2005, 8, 1))]);
            var warning = new bool[120];
            warning[50] = warning[51] = true; // 2004-03: 10 months before the peak
            warning[100] = true;              // 2008-05: outside window and recession: a false alarm
            var score = WarningScorer.Score("x", data, warning, reference, new DateOnly(2000, 1, 1));
            Assert.AreEqual(1, score.Detected);
            Assert.AreEqual(10.0, score.MedianLead);
            CollectionAssert.AreEqual(new[] { new DateOnly(2008, 5, 1) }, score.FalseAlarmStarts.ToArray());
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
