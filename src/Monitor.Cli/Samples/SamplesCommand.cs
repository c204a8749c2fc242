using Monitor.Core.Cli;
using Monitor.Core.Configuration;

namespace Monitor.Cli.Samples;

/// <summary><c>monitor samples [--out data-samples]</c>: regenerates the sample panel deterministically.</summary>
internal sealed class SamplesCommand : ICliCommand
{
    public string Name => "samples";

    public string Usage => "samples [--out FOLDER]   regenerate data-samples/ (deterministic, seed 20260101)";

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = MonitorPaths.Resolve(args.Get("out") ?? "data-samples");
        var release = new SampleDataGenerator().Generate();
        SampleWriter.Write(release, folder);
        var rows = release.First.Sum(s => s.Values.Count) + release.Revision.Sum(s => s.Values.Count);
        output.WriteLine($"samples: {release.First.Count} series, {release.Revision.Count} revised, {rows} observations, {release.Labels.Count} labelled anomalies written to {folder}");
        return Task.FromResult(0);
    }
}
