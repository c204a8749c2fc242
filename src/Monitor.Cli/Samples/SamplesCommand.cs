using System.CommandLine;
using Monitor.Core.Cli;
using Monitor.Core.Configuration;

namespace Monitor.Cli.Samples;

/// <summary><c>monitor samples [--out data-samples]</c>: regenerates the sample panel deterministically.</summary>
internal sealed class SamplesCommand : ICliVerb
{
    public static Command Define() => new("samples", "regenerate data-samples/ (deterministic, seed 20260101)")
    {
        new Option<string>("--out") { Description = "the folder to write", HelpName = "FOLDER", DefaultValueFactory = _ => "data-samples" },
    };

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = MonitorPaths.Resolve(args.Get("out")!);
        var release = new SampleDataGenerator().Generate();
        SampleWriter.Write(release, folder);
        var rows = release.First.Sum(s => s.Values.Count) + release.Revision.Sum(s => s.Values.Count);
        output.WriteLine($"samples: {release.First.Count} series, {release.Revision.Count} revised, {rows} observations, {release.Labels.Count} labelled anomalies written to {folder}");
        return Task.FromResult(0);
    }
}
