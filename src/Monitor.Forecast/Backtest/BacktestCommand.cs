using System.CommandLine;
using Microsoft.Extensions.Options;
using Monitor.Core.Cli;
using Monitor.Forecast.Ensemble;

namespace Monitor.Forecast.Backtest;

/// <summary><c>monitor backtest --input file.csv [--methods a,b] [--out per-series.csv] [--threads n] [--origins n]</c>: the M4 protocol on a long CSV.</summary>
public sealed class BacktestCommand(IOptions<ForecastOptions> options) : ICliVerb
{
    public static Command Define() => new("backtest", "the M4 protocol on a long mcomp-style CSV; the last line is `overall: …`")
    {
        new Option<string>("--input") { Required = true, Description = "long CSV as in shared/datasets/mcomp", HelpName = "FILE" },
        new Option<string>("--methods") { Description = "ensemble,theta,ets,comb,damped,ses,holt,lgbm,snaive,naive,naive2 or a fixed mean like theta+ets+lgbm (default: Forecast:DefaultMethod)" },
        new Option<string>("--out") { Description = "per-series scores CSV", HelpName = "FILE" },
        new Option<string>("--candidates") { Description = "ensemble candidates (default: Forecast:Candidates)" },
        new Option<int>("--threads") { Description = "series scored in parallel", DefaultValueFactory = _ => 1 },
        new Option<int>("--origins") { Description = "rolling origins for the ensemble weights (default: Forecast:Origins)" },
        new Option<int>("--max-weight") { Description = "largest weight of one member", DefaultValueFactory = _ => 1 },
    };

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var input = args.Required("input");
        var o = options.Value;
        var methods = args.GetList("methods").ToList();
        if (methods.Count == 0) methods.Add(o.DefaultMethod);
        var known = new[] { PipelineSettings.EnsembleMethod }.Concat(MemberForecasts.GlobalMembers).Concat(Models.StatisticalModels.All.Select(m => m.Name)).ToHashSet();
        if (methods.FirstOrDefault(m => !m.Split('+').All(known.Contains)) is { } unknown)
            throw new CommandLineException($"--methods: unknown method '{unknown}' (known: {string.Join(", ", known)})");
        var outPath = args.Get("out");
        var settings = new PipelineSettings
        {
            Candidates = args.GetList("candidates") is { Count: > 0 } c ? c : o.Candidates,
            MinimumMembers = o.MinimumMembers,
            Origins = args.GetInt("origins", o.Origins),
            MaxWeight = args.GetInt("max-weight", 1),
            Threads = args.GetInt("threads", 1),
        };
        if (!File.Exists(input)) throw new CommandLineException($"--input: {input} does not exist");

        IReadOnlyList<McompSeries> series;
        try
        {
            series = McompReader.Read(input);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            args.Error.WriteLine($"monitor backtest: {ex.Message}");
            return Task.FromResult(1);
        }
        var run = methods.Contains(BacktestReport.Reference) ? methods : [BacktestReport.Reference, .. methods];
        var scores = new BacktestRunner(settings).Run(series, run, output);
        if (outPath is not null) BacktestReport.WritePerSeries(outPath, scores);
        var summary = BacktestReport.Summarise(scores);
        var headline = methods.Contains(o.DefaultMethod) ? o.DefaultMethod : methods[0];
        BacktestReport.Write(output, summary, headline);
        return Task.FromResult(0);
    }
}
