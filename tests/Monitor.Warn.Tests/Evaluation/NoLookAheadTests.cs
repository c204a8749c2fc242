using Monitor.Core.RealTime;
using Monitor.Testing;
using Monitor.Warn.Evaluation;

namespace Monitor.Warn.Tests.Evaluation;

[TestClass]
public sealed class NoLookAheadTests
{
    /// <summary>
    /// Removes every row after month T from FRED-MD and checks that the signals for T (the leading composite, its score,
    /// the yield-curve and Sahm rules, all under release lags) equal the full run's: nothing after T can reach T.
    /// </summary>
    [TestMethod]
    public void The_signal_for_T_is_the_same_when_every_row_after_T_is_removed()
    {
        var path = RepoPaths.Dataset("fred_md/observations.csv");
        var full = DatasetFolder.Load(Path.GetDirectoryName(path)!);
        var fullRun = Run(full);
        var folder = TempFolder.Create();
        try
        {
            foreach (var cut in new[] { new DateOnly(1974, 6, 1), new DateOnly(1990, 9, 1), new DateOnly(2008, 3, 1), new DateOnly(2020, 4, 1) })
            {
                var lines = File.ReadLines(path).Where((line, i) => i == 0 || string.CompareOrdinal(Period(line), cut.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) <= 0);
                var sub = Path.Combine(folder, cut.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(sub);
                File.WriteAllLines(Path.Combine(sub, "observations.csv"), lines);
                var truncated = DatasetFolder.Load(sub);
                var truncatedRun = Run(truncated);

                var t = full.IndexOf(cut);
                Assert.AreEqual(truncated.Months - 1, truncated.IndexOf(cut), "the truncated data end at T");
                Assert.AreEqual(fullRun.Growth[t], truncatedRun.Growth[truncated.IndexOf(cut)], 1e-9, $"composite score at {cut}");
                Assert.AreEqual(fullRun.Warning[t], truncatedRun.Warning[^1], $"composite signal at {cut}");
                Assert.AreEqual(fullRun.Curve[t], truncatedRun.Curve[^1], $"yield curve at {cut}");
                Assert.AreEqual(fullRun.Sahm[t], truncatedRun.Sahm[^1], $"Sahm rule at {cut}");
            }
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static (double[] Growth, bool[] Warning, bool[] Curve, bool[] Sahm) Run(DatasetFolder data)
    {
        var known = KnownMonths.FromCalendar(data, "fred_md", ReleaseCalendar.Defaults);
        var components = WarnOptions.DefaultComposites[0].Components;
        var first = data.IndexOf(new DateOnly(1965, 1, 1));
        var statistics = LeadingCompositeRule.Statistics(components, data, known, first - 48);
        var warning = new LeadingCompositeRule(components, new LeadingRuleSettings()).Warnings(statistics, first);
        return (statistics.Growth, warning,
            known.InRealTime(ClassicRules.YieldCurveInversion(data), "GS10", "TB3MS"), known.InRealTime(ClassicRules.Sahm(data), "UNRATE"));
    }

    // Names and units may hold quoted commas; the period is the ISO date after the frequency field.
    private static string Period(string line) =>
        System.Text.RegularExpressions.Regex.Match(line, @",[DWMQA],(\d{4}-\d{2}-\d{2}),").Groups[1].Value;
}
