using System.CommandLine;
using System.Globalization;
using System.Diagnostics;
using Monitor.Core.Cli;
using Monitor.Core.Scale;
using Monitor.Core.Store;
using Monitor.Nowcast.Evaluation;
using Monitor.Nowcast.Evaluation.Shards;
using Monitor.Nowcast.Model;

namespace Monitor.Nowcast.Cli;

/// <summary>
/// <c>monitor evaluate-nowcast</c>: pseudo-real-time evaluation of the US GDP nowcast on FRED-MD/QD (latest vintage) beside
/// an AR(1); prints per-quarter and per-month figures and, last, the overall line.
/// </summary>
public sealed class EvaluateNowcastCommand : ICliVerb
{
    public static Command Define() => new("evaluate-nowcast", "pseudo-real-time evaluation of the US GDP nowcast beside an AR(1); the last line is the overall figures")
    {
        new Option<string>("--datasets") { Required = true, Description = "the shared datasets folder", HelpName = "DIR" },
        new Option<string>("--target") { Description = "FRED-QD quarterly target", DefaultValueFactory = _ => "GDPC1" },
        new Option<string>("--from") { Description = "first quarter scored", DefaultValueFactory = _ => "2000Q1" },
        new Option<string>("--to") { Description = "last quarter scored", DefaultValueFactory = _ => "2019Q4" },
        new Option<string>("--indicators") { Description = "comma-separated FRED-MD indicators (default: the US set)", HelpName = "A,B,..." },
        new Option<string>("--blocks") { Description = "factor blocks as name=A,B;name=C", HelpName = "BLOCKS" },
        new Option<int>("--factor-order") { Description = "AR order of the factors" },
        new Option<string>("--sample-start") { Description = "first month of the estimation sample (yyyy-MM)" },
        new Option<int>("--target-mean-quarters") { Description = "quarters of the rolling target mean (0: full sample)" },
        new Option<int>("--indicator-mean-months") { Description = "months of the rolling indicator mean (0: full sample)" },
        new Option<int>("--error-window-quarters") { Description = "quarters of past errors for the interval (0: model variance)" },
        new Option<int>("--estimation-window-years") { Description = "years of data each estimation uses, a rolling window (0: expanding from the sample start)" },
        new Option<int>("--bias-window-quarters") { Description = "quarters of past errors whose mean corrects each nowcast (0: none)" },
        new Option<int>("--factors") { Description = "global factors (1: one)" },
        new Option<bool>("--target-on-blocks") { Description = "the target loads on the blocks' factors too" },
        new Option<int>("--product-band-quarters") { Description = "also score the band the nowcast job shows, calibrated on this many quarters (0: not scored)" },
        new Option<int>("--max-iter") { Description = "EM iterations (E-steps)", DefaultValueFactory = _ => 100 },
        new Option<double>("--em-tolerance") { Description = "EM stops when one step raises the log-likelihood by less than this, relative", DefaultValueFactory = _ => 1e-4 },
        new Option<bool>("--em-accelerate") { Description = "accelerate EM by SQUAREM extrapolation (kept only when the likelihood rises)" },
        new Option<double>("--idio-floor") { Description = "least idiosyncratic variance of each series, a share of its variance (0: off)", DefaultValueFactory = _ => 0.0 },
        new Option<bool>("--quiet") { Description = "print only the per-month and overall lines" },
        new Option<int>("--shards") { Description = "shards the estimation years are dealt to (the rows do not depend on it)", DefaultValueFactory = _ => 1 },
        new Option<int>("--threads") { Description = "shards computed at once in this process", DefaultValueFactory = _ => 1 },
        new Option<string>("--db") { Description = "DuckDB file that keeps the run's rows (nowcast_evaluations); default: a private in-memory store", HelpName = "FILE" },
    };

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var root = args.Required("datasets");
        var target = args.Get("target") ?? "GDPC1";
        var from = Quarter(args.Get("from") ?? "2000Q1");
        var to = Quarter(args.Get("to") ?? "2019Q4");
        var defaults = NowcastDefaults.Us;
        var settings = defaults with
        {
            Indicators = args.Get("indicators") is { } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : defaults.Indicators,
            Blocks = args.Get("blocks") is { } blocks ? ParseBlocks(blocks) : defaults.Blocks,
            FactorOrder = args.GetInt("factor-order", defaults.FactorOrder),
            TargetMeanQuarters = args.GetInt("target-mean-quarters", defaults.TargetMeanQuarters),
            IndicatorMeanMonths = args.GetInt("indicator-mean-months", defaults.IndicatorMeanMonths),
            ErrorWindowQuarters = args.GetInt("error-window-quarters", defaults.ErrorWindowQuarters),
            EstimationWindowYears = args.GetInt("estimation-window-years", defaults.EstimationWindowYears),
            BiasWindowQuarters = args.GetInt("bias-window-quarters", defaults.BiasWindowQuarters),
            Factors = args.GetInt("factors", defaults.Factors),
            TargetOnBlocks = args.Has("target-on-blocks") || defaults.TargetOnBlocks,
            SampleStart = args.Get("sample-start") is { } start ? DateOnly.ParseExact(start + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) : defaults.SampleStart,
        };
        var quiet = args.Has("quiet");
        var em = new EmOptions(args.GetInt("max-iter", 100), args.Has("em-tolerance") ? args.Value<double>("em-tolerance") : 1e-4, args.Has("em-accelerate"),
            args.Has("idio-floor") ? args.Value<double>("idio-floor") : 0);
        UsPanel panel;
        try
        {
            panel = UsPanel.Load(root, target);
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            await output.WriteLineAsync($"monitor evaluate-nowcast: {ex.Message}");
            return 1;
        }
        if (settings.Indicators.FirstOrDefault(code => !panel.Monthly.ContainsKey(code)) is { } missing)
            throw new CommandLineException($"--indicators: '{missing}' is not a FRED-MD series");

        var request = new NowcastEvaluationRequest(panel, settings, em, from, to, args.GetInt("product-band-quarters", 0));
        var scale = new ScaleOptions { LocalShards = args.GetInt("shards", 1), LocalThreads = args.GetInt("threads", 1) };
        using var store = new MonitorStore(new StoreOptions { Path = args.Get("db") ?? ":memory:" }, NowcastServiceCollectionExtensions.Schema);
        var stage = new NowcastEvaluationShardStage { Request = request };
        var wall = Stopwatch.StartNew();
        try
        {
            ShardCoordinator.InProcess(store, stage, TimeProvider.System, scale).Run(stage.Key, cancellationToken);
        }
        catch (NowcastDataException ex)
        {
            await output.WriteLineAsync($"monitor evaluate-nowcast: {ex.Message}");
            return 1;
        }
        var runId = stage.LastMergedRun ?? throw new CommandLineException("the evaluation run was not merged");
        var evaluation = NowcastEvaluationStore.Read(store, runId);
        var rows = evaluation.Rows;
        if (!quiet)
            foreach (var q in rows.Chunk(3))
                await output.WriteLineAsync(Invariant($"{q[0].Quarter:yyyy}Q{((q[0].Quarter.Month - 1) / 3) + 1} actual={q[2].Actual:0.00} m1={q[0].Nowcast.Mean:0.00} m2={q[1].Nowcast.Mean:0.00} m3={q[2].Nowcast.Mean:0.00} sd={q[2].Nowcast.StandardDeviation:0.00} ar1={q[2].Ar1:0.00}"));
        foreach (var problem in evaluation.Problems) await output.WriteLineAsync($"note: {problem}");
        await output.WriteLineAsync(Invariant($"settings: indicators={settings.Indicators.Count} blocks={settings.Blocks.Count} factor_order={settings.FactorOrder} sample_start={settings.SampleStart:yyyy-MM} target_mean_q={settings.TargetMeanQuarters} indicator_mean_m={settings.IndicatorMeanMonths} error_window_q={settings.ErrorWindowQuarters} window_y={settings.EstimationWindowYears} bias_q={settings.BiasWindowQuarters} factors={settings.Factors} target_on_blocks={settings.TargetOnBlocks} em_tolerance={em.Tolerance:0e0} em_accelerate={em.Accelerate} idio_floor={em.IdioFloor:0.###} fits={evaluation.Fits} fit_seconds={evaluation.FitSeconds:0.0} cpu_ms_per_nowcast={rows.Average(r => r.CpuMilliseconds):0.0} max_ms_per_nowcast={rows.Max(r => r.Milliseconds):0}"));
        // an update with the year's parameters is what each release costs; the yearly re-estimation is timed apart
        var updates = rows.Where(r => !r.Reestimated).ToList();
        await output.WriteLineAsync(Invariant($"updates: n={updates.Count} ms_mean={updates.Average(r => r.Milliseconds):0.0} ms_max={updates.Max(r => r.Milliseconds):0} cpu_ms_mean={updates.Average(r => r.CpuMilliseconds):0.0} (without the {rows.Count - updates.Count} nowcasts that re-estimated)"));
        for (var month = 1; month <= 3; month++)
        {
            var m = rows.Where(r => r.Month == month).ToList();
            await output.WriteLineAsync(Invariant($"month{month}: n={m.Count} rmse={Rmse(m, r => r.Nowcast.Mean):0.000} rmse_ar1={Rmse(m, r => r.Ar1):0.000} ratio={Rmse(m, r => r.Nowcast.Mean) / Rmse(m, r => r.Ar1):0.000} cov80={Coverage(m):0.000}"));
        }
        await output.WriteLineAsync(Invariant($"band: cov80_shown={Coverage(rows):0.000} cov80_model_variance={Coverage(rows, r => r.ModelDensity):0.000} (the model's smoothed variance, before the spread from past errors)"));
        if (rows.All(r => r.ProductDensity is not null))
            await output.WriteLineAsync(Invariant($"product band: cov80={Coverage(rows, r => r.ProductDensity!):0.000} cov80_m1={Coverage(rows.Where(r => r.Month == 1), r => r.ProductDensity!):0.000} cov80_m2={Coverage(rows.Where(r => r.Month == 2), r => r.ProductDensity!):0.000} cov80_m3={Coverage(rows.Where(r => r.Month == 3), r => r.ProductDensity!):0.000} mean_sd={rows.Average(r => r.ProductDensity!.StandardDeviation):0.00} (the nowcast job's band: today's information pattern shifted back over past quarters)"));
        await output.WriteLineAsync(Invariant($"run: scale_run={runId} shards={scale.LocalShards} threads={scale.LocalThreads} wall_s={wall.Elapsed.TotalSeconds:0.0} (the estimation years dealt to shards; corrections from past errors at the merge)"));
        var m3 = rows.Where(r => r.Month == 3).ToList();
        await output.WriteLineAsync(Invariant(
            $"overall: n={m3.Count} rmse_m1={Rmse(rows.Where(r => r.Month == 1), r => r.Nowcast.Mean):0.000} rmse_m2={Rmse(rows.Where(r => r.Month == 2), r => r.Nowcast.Mean):0.000} rmse_m3={Rmse(m3, r => r.Nowcast.Mean):0.000} rmse_ar1_m3={Rmse(m3, r => r.Ar1):0.000} ratio_m3={Rmse(m3, r => r.Nowcast.Mean) / Rmse(m3, r => r.Ar1):0.000} cov80={Coverage(rows):0.000} ms_per_nowcast={rows.Average(r => r.Milliseconds):0.0}"));
        return 0;
    }

    private static double Rmse(IEnumerable<EvaluatedNowcast> rows, Func<EvaluatedNowcast, double> value) =>
        Math.Sqrt(rows.Average(r => Math.Pow(value(r) - r.Actual, 2)));

    private static double Coverage(IEnumerable<EvaluatedNowcast> rows, Func<EvaluatedNowcast, NowcastDensity>? density = null) => rows.Average(r =>
    {
        var (low, high) = (density?.Invoke(r) ?? r.Nowcast).Interval(0.8);
        return r.Actual >= low && r.Actual <= high ? 1.0 : 0.0;
    });

    internal static DateOnly Quarter(string text)
    {
        if (text.Length == 6 && text[4] is 'Q' or 'q' && int.TryParse(text[..4], CultureInfo.InvariantCulture, out var year) && text[5] is >= '1' and <= '4')
            return new DateOnly(year, ((text[5] - '1') * 3) + 1, 1);
        throw new CommandLineException($"'{text}' is not a quarter like 2000Q1");
    }

    internal static Dictionary<string, string[]> ParseBlocks(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => part.Split('=', 2)).ToDictionary(
            p => p.Length == 2 ? p[0] : throw new CommandLineException($"--blocks: '{p[0]}' is not name=A,B"),
            p => p[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
