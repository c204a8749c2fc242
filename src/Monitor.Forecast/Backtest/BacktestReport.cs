using System.Globalization;

namespace Monitor.Forecast.Backtest;

/// <summary>Aggregates of one method over one group of series (plain means; OWA from the set averages against Naive2).</summary>
public sealed record GroupSummary(string Group, string Method, int Count, double Smape, double Mase, double Owa, double Cov80, double Cov95, double MillisecondsPerSeries, double CpuMillisecondsPerSeries);

/// <summary>Builds the source × frequency × category table of the backtest and its closing "overall:" line.</summary>
public static class BacktestReport
{
    public const string Reference = "naive2";

    public static IReadOnlyList<GroupSummary> Summarise(IReadOnlyList<SeriesScore> scores)
    {
        var rows = new List<GroupSummary>();
        var byGroup = scores.SelectMany(s => Groups(s.Series).Select(g => (Group: g, Score: s))).GroupBy(x => x.Group);
        foreach (var group in byGroup.OrderBy(g => GroupOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var reference = group.Where(x => x.Score.Method == Reference).Select(x => x.Score).ToList();
            double refSmape = reference.Count > 0 ? reference.Average(s => s.Smape) : double.NaN;
            double refMase = reference.Count > 0 ? reference.Average(s => s.Mase) : double.NaN;
            foreach (var method in group.GroupBy(x => x.Score.Method))
            {
                var s = method.Select(x => x.Score).ToList();
                double smape = s.Average(x => x.Smape), mase = s.Average(x => x.Mase);
                rows.Add(new GroupSummary(group.Key, method.Key, s.Count, smape, mase, 0.5 * (smape / refSmape + mase / refMase),
                    s.Average(x => x.Cov80), s.Average(x => x.Cov95), s.Average(x => x.Milliseconds), s.Average(x => x.CpuMilliseconds)));
            }
        }
        return rows;
    }

    public static void Write(TextWriter output, IReadOnlyList<GroupSummary> rows, string defaultMethod)
    {
        output.WriteLine("| source / freq / category | method | n | smape | mase | owa | cov80 | cov95 | ms/series | cpu ms/series |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            output.WriteLine(Invariant($"| {r.Group} | {r.Method} | {r.Count} | {r.Smape:F2} | {r.Mase:F3} | {r.Owa:F3} | {r.Cov80:F3} | {r.Cov95:F3} | {r.MillisecondsPerSeries:F1} | {r.CpuMillisecondsPerSeries:F1} |"));
        var overall = rows.First(r => r.Group == "ALL / ALL / ALL" && r.Method == defaultMethod);
        output.WriteLine(OverallLine(overall));
    }

    /// <summary>The closing line, exactly: overall: method=… n=… smape=… mase=… owa=… cov80=… cov95=… ms_per_series=…</summary>
    public static string OverallLine(GroupSummary r) =>
        Invariant($"overall: method={r.Method} n={r.Count} smape={r.Smape:F3} mase={r.Mase:F3} owa={r.Owa:F3} cov80={r.Cov80:F3} cov95={r.Cov95:F3} ms_per_series={r.MillisecondsPerSeries:F2}");

    public static void WritePerSeries(string path, IReadOnlyList<SeriesScore> scores)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("series_id,source,category,frequency,method,model,smape,mase,cov80,cov95,fallback_reason");
        foreach (var s in scores)
            writer.WriteLine(Invariant($"{s.Series.Id},{s.Series.Source},{s.Series.Category},{s.Series.Frequency},{s.Method},{s.Model.Replace(',', ';')},{s.Smape:G6},{s.Mase:G6},{s.Cov80:G4},{s.Cov95:G4},{s.FallbackReason?.Replace(',', ';')}"));
    }

    private static IEnumerable<string> Groups(McompSeries s) =>
    [
        "ALL / ALL / ALL", $"{s.Source} / ALL / ALL", $"{s.Source} / ALL / {s.Category}", $"{s.Source} / {s.Frequency} / ALL", $"{s.Source} / {s.Frequency} / {s.Category}",
    ];

    private static int GroupOrder(string group)
    {
        var parts = group.Split(" / ");
        if (parts[0] == "ALL") return 0;
        if (parts[1] == "ALL") return parts[2] == "ALL" ? 1 : 2;
        return parts[2] == "ALL" ? 3 : 4;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
