using System.Globalization;
using Monitor.Warn.Evaluation;

namespace Monitor.Warn.Cli;

/// <summary>
/// Evidence for a frozen search: every setting of the grid with its training and its test score, so a reader can see
/// whether any setting the search could have chosen from the training data alone would have done better on the test.
/// </summary>
internal static class GridReport
{
    private const string Header = "percentile,persistence,curve_below,train_rank,train_detected,train_peaks,train_false_alarms,train_median_lead,test_detected,test_peaks,test_false_alarms,test_median_lead,chosen";

    /// <summary>Writes the CSV (atomically) and one summary line: how many settings meet the test targets, and the best training rank among them.</summary>
    public static async Task Write(TextWriter output, string path, IReadOnlyList<GridPoint> grid, LeadingRuleSettings chosen,
        DatasetFolder data, ReferenceCycle reference, DateOnly testFrom)
    {
        var rows = grid.Select(point => (Point: point, Rank: 1 + grid.Count(other => SettingsSearch.Better(other.Training, point.Training)),
            Test: WarningScorer.Score("leading composite", data, point.Warnings, reference, testFrom))).ToList();
        var temporary = path + ".tmp";
        await using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
        {
            await writer.WriteAsync(Header + "\n");
            foreach (var (point, rank, test) in rows) await writer.WriteAsync(Row(point, rank, test, point.Settings == chosen) + "\n");
        }
        File.Move(temporary, path, overwrite: true);
        var meeting = rows.Where(r => r.Test.Detected == r.Test.Peaks.Count && r.Test.FalseAlarmStarts.Count <= 1 && r.Test.MedianLead >= 6).ToList();
        var allPeaks = rows.Where(r => r.Test.Detected == r.Test.Peaks.Count).ToList();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"grid: settings={rows.Count} test_all_peaks={allPeaks.Count} test_targets_met={meeting.Count} best_train_rank_of_those={(meeting.Count == 0 ? "n/a" : meeting.Min(r => r.Rank).ToString(CultureInfo.InvariantCulture))} chosen_test_detected={rows.Single(r => r.Point.Settings == chosen).Test.Detected} (written to {path})"));
    }

    private static string Row(GridPoint point, int rank, WarningScore test, bool chosen)
    {
        var s = point.Settings;
        var train = point.Training;
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Percentile},{s.Persistence},{(double.IsNaN(s.CurveBelow) ? "none" : s.CurveBelow.ToString("0.##", CultureInfo.InvariantCulture))},{rank},{train.Detected},{train.Peaks.Count},{train.FalseAlarmStarts.Count},{Lead(train.MedianLead)},{test.Detected},{test.Peaks.Count},{test.FalseAlarmStarts.Count},{Lead(test.MedianLead)},{(chosen ? 1 : 0)}");
    }

    private static string Lead(double? lead) => lead is { } l ? l.ToString("0.#", CultureInfo.InvariantCulture) : "";
}
