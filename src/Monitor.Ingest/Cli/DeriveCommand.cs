using System.CommandLine;
using Monitor.Core.Cli;
using Monitor.Ingest.Derive;

namespace Monitor.Ingest.Cli;

/// <summary><c>monitor derive SERIES_ID --method M</c>: computes and stores a derived series (y/y, m/m, log-diff, FRED tcode, YTD → single).</summary>
public sealed class DeriveCommand(SeriesDeriver deriver) : ICliVerb
{
    public static Command Define()
    {
        var method = new Option<string>("--method") { Required = true, Description = "how the series is derived", HelpName = string.Join("|", SeriesTransforms.Methods) };
        method.AcceptOnlyFromAmong([.. SeriesTransforms.Methods]);
        return new("derive", "compute and store a derived series (y/y, m/m, log-diff, FRED tcode, 累计 → monthly) with lineage")
        {
            new Argument<string>("series_id") { Description = "the source series, e.g. fred_md:INDPRO" },
            method,
        };
    }

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1) throw new CommandLineException("give one series id, e.g. fred_md:INDPRO");
        var method = args.Required("method");
        if (!SeriesTransforms.Methods.Contains(method)) throw new CommandLineException($"unknown method '{method}'");
        try
        {
            var result = deriver.Derive(args.Positional[0], method, cancellationToken);
            if (result.Succeeded) output.WriteLine(result.Summary());
            else args.Error.WriteLine($"monitor derive: {result.Problems.FirstOrDefault()?.ToString() ?? result.Summary()}");
            return Task.FromResult(result.Succeeded ? 0 : 1);
        }
        catch (KeyNotFoundException ex)
        {
            args.Error.WriteLine($"monitor derive: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
