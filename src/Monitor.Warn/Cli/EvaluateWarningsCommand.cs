using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Cli;
using Monitor.Core.RealTime;
using Monitor.Warn.Evaluation;

namespace Monitor.Warn.Cli;

/// <summary>
/// <c>monitor evaluate-warnings</c>: scores the leading composite's warnings, as they would have run (release lags from
/// the release calendar by default), against NBER peaks on FRED-MD, beside the yield-curve and Sahm rules under the same
/// lags. With <c>--train-until</c> the rule's settings are searched on data up to that date (<see cref="SettingsSearch"/>),
/// frozen, and scored on the training and the test period separately; the last line is the summary of the composite
/// (on the test period when there is one).
/// </summary>
public sealed class EvaluateWarningsCommand(IOptions<WarnOptions> options) : ICliVerb
{
    public static Command Define() => new("evaluate-warnings", "score the warning rules, as they would have run, against NBER recessions on FRED-MD; the last line is `overall: …`")
    {
        new Option<string>("--datasets") { Required = true, Description = "the shared datasets folder", HelpName = "DIR" },
        new Option<string>("--dataset") { Description = "dataset folder with the indicators", DefaultValueFactory = _ => "fred_md" },
        new Option<string>("--reference") { Description = "dataset folder with the reference cycle", DefaultValueFactory = _ => "business_cycles" },
        new Option<string>("--from") { Description = "first month scored (yyyy-MM-dd)", DefaultValueFactory = _ => "1960-01-01" },
        new Option<string>("--train-until") { Description = "search the rule's settings on data up to this month, freeze them, score the rest out of sample", HelpName = "DATE" },
        new Option<string>("--grid-out") { Description = "with --train-until: write every searched setting's training and test scores to this CSV (is any setting the search could have chosen better on the test?)", HelpName = "FILE" },
        new Option<string>("--signals-out") { Description = "write the composite's monthly signals (with the date each was known) to this CSV", HelpName = "FILE" },
        new Option<bool>("--no-release-lags") { Description = "use month t's values at month t (ignores the release calendar; not real time)" },
        new Option<int>("--percentile") { Description = "percentile a component must fall below" },
        new Option<int>("--persistence") { Description = "months the signal must persist" },
        new Option<int>("--curve-below-bp") { Description = "yield-curve spread threshold in basis points (negative: off)" },
        new Option<int>("--min-history") { Description = "months of history before a percentile is trusted" },
        new Option<int>("--breadth") { Description = "percent of components that must agree" },
        new Option<bool>("--no-hysteresis") { Description = "end a warning as soon as the rule stops firing" },
    };

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var root = args.Required("datasets");
        var dataset = args.Get("dataset") ?? "fred_md";
        var referenceName = args.Get("reference") ?? "business_cycles";
        var from = DateOnly.FromDateTime(args.GetDate("from") ?? new DateTime(1960, 1, 1));
        var trainUntil = args.GetDate("train-until") is { } tu ? new DateOnly(tu.Year, tu.Month, 1) : (DateOnly?)null;
        var signalsOut = args.Get("signals-out");
        var gridOut = args.Get("grid-out");
        var lags = !args.Has("no-release-lags");
        var settings = Settings(args);
        try
        {
            var data = DatasetFolder.Load(Path.Combine(root, dataset));
            var reference = ReferenceCycle.Load(Path.Combine(root, referenceName));
            var known = lags ? KnownMonths.FromCalendar(data, dataset, ReleaseCalendar.Defaults) : KnownMonths.Unlagged(data);
            var components = (options.Value.EffectiveComposites.FirstOrDefault(c => c.Code == "leading") ?? WarnOptions.DefaultComposites[0]).Components;
            var statistics = LeadingCompositeRule.Statistics(components, data, known, data.IndexOf(from) - settings.MinimumHistory - 12);
            var classic = new[]
            {
                (Rule: "yield curve (GS10-TB3MS<0)", Warnings: known.InRealTime(ClassicRules.YieldCurveInversion(data), "GS10", "TB3MS")),
                (Rule: "Sahm rule", Warnings: known.InRealTime(ClassicRules.Sahm(data), "UNRATE")),
            };
            await output.WriteLineAsync(lags
                ? $"release lags: on (release calendar of {dataset}; a month's signal uses only values published by its last day)"
                : "release lags: off (month t's value used at month t)");
            if (trainUntil is { } until)
            {
                var grid = SettingsSearch.Grid(components, statistics, data, reference, from, until);
                settings = SettingsSearch.Best(grid).Settings;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"settings searched on {from:yyyy-MM}..{until:yyyy-MM} and frozen: percentile={settings.Percentile} persistence={settings.Persistence} curve_below={(double.IsNaN(settings.CurveBelow) ? "none" : settings.CurveBelow.ToString("0.##", CultureInfo.InvariantCulture))} breadth={settings.Breadth} min_history={settings.MinimumHistory}"));
                if (gridOut is not null) await GridReport.Write(output, gridOut, grid, settings, data, reference, until.AddMonths(1));
            }
            var ours = new LeadingCompositeRule(components, settings).Warnings(statistics, data.IndexOf(from));
            var rules = classic.Append((Rule: "leading composite", Warnings: ours)).ToList();
            var last = await WritePeriods(output, data, reference, rules, from, trainUntil);
            if (signalsOut is not null) WriteSignals(signalsOut, data, known, ours, statistics, from);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"overall: detected={last.Detected}/{last.Peaks.Count} median_lead={Lead(last.MedianLead)} false_alarms={last.FalseAlarmStarts.Count} years={last.From.Year}-{last.To.Year}"));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            await args.Error.WriteLineAsync($"monitor evaluate-warnings: {ex.Message}");
            return 1;
        }
    }

    private static LeadingRuleSettings Settings(CommandLineArgs args)
    {
        var defaults = new LeadingRuleSettings();
        return defaults with
        {
            Percentile = args.GetInt("percentile", (int)defaults.Percentile),
            Persistence = args.GetInt("persistence", defaults.Persistence),
            MinimumHistory = args.GetInt("min-history", defaults.MinimumHistory),
            Breadth = args.GetInt("breadth", (int)(defaults.Breadth * 100)) / 100.0,
            CurveBelow = args.GetInt("curve-below-bp", (int)(defaults.CurveBelow * 100)) is var bp && bp >= 0 ? bp / 100.0 : double.NaN,
            Hysteresis = !args.Has("no-hysteresis"),
        };
    }

    // Without training: one period. With it: training, test, and the test rule since 1970; returns the composite's last score.
    private static async Task<WarningScore> WritePeriods(TextWriter output, DatasetFolder data, ReferenceCycle reference,
        List<(string Rule, bool[] Warnings)> rules, DateOnly from, DateOnly? trainUntil)
    {
        if (trainUntil is not { } until) return await WritePeriod(output, "", data, reference, rules, from, null);
        var trainingReference = new ReferenceCycle(reference.Peaks.Where(p => p <= until).ToList(), reference.Recessions.Where(r => r.First <= until).ToList());
        await WritePeriod(output, "[train] ", data, trainingReference, rules, from, until);
        var since1970 = new DateOnly(1970, 1, 1);
        if (since1970 > from && since1970 <= until) await WritePeriod(output, "[1970-] ", data, reference, rules, since1970, null);
        return await WritePeriod(output, "[test]  ", data, reference, rules, until.AddMonths(1), null);
    }

    private static async Task<WarningScore> WritePeriod(TextWriter output, string label, DatasetFolder data, ReferenceCycle reference,
        List<(string Rule, bool[] Warnings)> rules, DateOnly from, DateOnly? until)
    {
        WarningScore? score = null;
        foreach (var (rule, warnings) in rules)
        {
            score = WarningScorer.Score(rule, data, warnings, reference, from, until);
            await WriteDetail(output, label, score);
        }
        return score!;
    }

    private static async Task WriteDetail(TextWriter output, string label, WarningScore score)
    {
        var peaks = string.Join(" ", score.Peaks.Select(p => $"{p.Peak:yyyy-MM}:{(p.Lead is { } l ? l.ToString(CultureInfo.InvariantCulture) : "miss")}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{label}{score.Rule,-28} {score.From:yyyy-MM}..{score.To:yyyy-MM} detected={score.Detected}/{score.Peaks.Count} median_lead={Lead(score.MedianLead)} false_alarms={score.FalseAlarmStarts.Count} [{string.Join(",", score.FalseAlarmStarts.Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)))}] leads: {peaks}"));
    }

    /// <summary>month,known_at,signal,score for every month evaluated: the composite's verdict, when it was known, and its 6-month growth.</summary>
    private static void WriteSignals(string path, DatasetFolder data, KnownMonths known, bool[] warnings, LeadingStatistics statistics, DateOnly from)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
        {
            writer.Write("month,known_at,signal,score\n");
            for (var t = Math.Max(0, data.IndexOf(from)); t < data.Months; t++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{data.MonthAt(t):yyyy-MM-dd},{known.DecisionTime(t):yyyy-MM-dd},{(warnings[t] ? 1 : 0)},{(double.IsNaN(statistics.Growth[t]) ? "" : statistics.Growth[t].ToString("0.####", CultureInfo.InvariantCulture))}\n"));
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static string Lead(double? lead) => lead is { } l ? l.ToString("0.#", CultureInfo.InvariantCulture) : "n/a";
}
