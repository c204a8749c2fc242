using System.CommandLine;
using Monitor.Core.Cli;
using Monitor.Ingest.Model;
using Monitor.Ingest.Readers;
using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Cli;

/// <summary><c>monitor ingest</c>: loads a file or dataset folder, or runs a configured source now; prints a one-line summary.</summary>
public sealed class IngestCommand(FileIngestor ingestor, SourceRunner sources) : ICliVerb
{
    public static Command Define() => new("ingest", "load a file or dataset folder, or run a configured source now (--source NAME)")
    {
        new Argument<string>("path") { Arity = ArgumentArity.ZeroOrOne, Description = "a file or a dataset folder" },
        new Option<string>("--source") { Description = "run this configured source instead of loading a path", HelpName = "NAME" },
        new Option<string>("--dataset") { Description = "dataset name of the loaded series", HelpName = "NAME" },
        new Option<string>("--format") { Description = "auto, long, fred-md, … (default: detected)", HelpName = "F" },
        new Option<string>("--encoding") { Description = "text encoding, e.g. gb18030 (default: detected)", HelpName = "E" },
        new Option<string>("--domain") { Description = "domain of series that do not name one" },
        new Option<string>("--region") { Description = "region of series that do not name one" },
        new Option<string>("--industry") { Description = "industry of series that do not name one" },
        new Option<string>("--mapping") { Description = "a mapping JSON for a workbook or an SDMX message (see docs/sources.md)", HelpName = "FILE.json" },
        new Option<bool>("--force") { Description = "load even when the file was loaded before" },
        new Option<bool>("--quarantine") { Description = "set bad rows aside instead of rejecting the file" },
    };

    public async Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var result = args.Get("source") is { Length: > 0 } name
            ? await RunSource(name, cancellationToken)
            : IngestFile(args, cancellationToken);
        if (result.Succeeded)
        {
            await output.WriteLineAsync(result.Summary());
            return 0;
        }
        foreach (var problem in result.Problems.Take(20)) await args.Error.WriteLineAsync(problem.ToString());
        await args.Error.WriteLineAsync($"monitor ingest: rejected, store unchanged: {result.Summary()}");
        return 1;
    }

    private async Task<IngestResult> RunSource(string name, CancellationToken cancellationToken)
    {
        if (sources.Sources.All(s => !s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            throw new CommandLineException($"no source named '{name}' (configured: {string.Join(", ", sources.Sources.Select(s => s.Name))})");
        return await sources.RunAsync(name, cancellationToken);
    }

    private IngestResult IngestFile(CommandLineArgs args, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1) throw new CommandLineException("give one file or folder, or --source NAME");
        var path = Path.GetFullPath(args.Positional[0]);
        var request = new FileIngestor.Request(
            Source: "cli:" + Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)),
            Path: path,
            Dataset: args.Get("dataset"),
            Format: args.Get("format"),
            Defaults: new SourceDefaults(args.Get("domain"), args.Get("region"), args.Get("industry")),
            Encoding: args.Get("encoding"),
            Force: args.Has("force"),
            Quarantine: args.Has("quarantine"),
            Mapping: args.Get("mapping") is { Length: > 0 } mapping ? Path.GetFullPath(mapping) : null);
        return ingestor.Ingest(request, cancellationToken);
    }
}
