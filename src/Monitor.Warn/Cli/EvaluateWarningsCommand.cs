using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Core.Cli;
using Monitor.Warn.Evaluation;

namespace Monitor.Warn.Cli;

/// <summary>
/// <c>monitor evaluate-warnings</c>: scores the leading composite's warnings (pseudo-real-time) against NBER peaks since
/// 1960 on FRED-MD, beside the yield-curve and Sahm rules; the last line is the overall summary of the composite.
/// </summary>
public sealed class EvaluateWarningsCommand(IOptions<WarnOptions> options) : ICliVerb
{
    public static Command Define() => new("evaluate-warnings", "score the warning rules against NBER recessions on FRED-MD; the last line is `overall: …`")
    {
        new Option<string>("--datasets") { Required = true, Description = "the shared datasets folder", HelpName = "DIR" },
        new Option<string>("--dataset") { Description = "dataset folder with the indicators", DefaultValueFactory = _ => "fred_md" },
        new Option<string>("--reference") { Description = "dataset folder with the reference cycle", DefaultValueFactory = _ => "business_cycles" },
        new Option<string>("--from") { Description = "first month scored (yyyy-MM-dd)", DefaultValueFactory = _ => "1960-01-01" },
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
        var defaults = new LeadingRuleSettings();
        var settings = defaults with
        {
            Percentile = args.GetInt("percentile", (int)defaults.Percentile),
            Persistence = args.GetInt("persistence", defaults.Persistence),
            MinimumHistory = args.GetInt("min-history", defaults.MinimumHistory),
            Breadth = args.GetInt("breadth", (int)(defaults.Breadth * 100)) / 100.0,
            CurveBelow = args.GetInt("curve-below-bp", (int)(defaults.CurveBelow * 100)) is var bp && bp >= 0 ? bp / 100.0 : double.NaN,
            Hysteresis = !args.Has("no-hysteresis"),
        };
        WarningScore[] scores;
        try
        {
            var data = DatasetFolder.Load(Path.Combine(root, dataset));
            var reference = ReferenceCycle.Load(Path.Combine(root, referenceName));
            var leading = options.Value.EffectiveComposites.FirstOrDefault(c => c.Code == "leading") ?? WarnOptions.DefaultComposites[0];
            scores =
            [
                WarningScorer.Score("yield curve (GS10-TB3MS<0)", data, ClassicRules.YieldCurveInversion(data), reference, from),
                WarningScorer.Score("Sahm rule", data, ClassicRules.Sahm(data), reference, from),
                WarningScorer.Score("leading composite", data, new LeadingCompositeRule(leading.Components, settings).Warnings(data, data.IndexOf(from)), reference, from),
            ];
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            await args.Error.WriteLineAsync($"monitor evaluate-warnings: {ex.Message}");
            return 1;
        }

        foreach (var score in scores) await WriteDetail(output, score);
        var ours = scores[^1];
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"overall: detected={ours.Detected}/{ours.Peaks.Count} median_lead={Lead(ours.MedianLead)} false_alarms={ours.FalseAlarmStarts.Count} years={ours.From.Year}-{ours.To.Year}"));
        return 0;
    }

    private static async Task WriteDetail(TextWriter output, WarningScore score)
    {
        var peaks = string.Join(" ", score.Peaks.Select(p => $"{p.Peak:yyyy-MM}:{(p.Lead is { } l ? l.ToString(CultureInfo.InvariantCulture) : "miss")}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{score.Rule,-28} detected={score.Detected}/{score.Peaks.Count} median_lead={Lead(score.MedianLead)} false_alarms={score.FalseAlarmStarts.Count} [{string.Join(",", score.FalseAlarmStarts.Select(d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture)))}] leads: {peaks}"));
    }

    private static string Lead(double? lead) => lead is { } l ? l.ToString("0.#", CultureInfo.InvariantCulture) : "n/a";
}
