using Monitor.Core.Cli;

namespace Monitor.Present.Export.Cli;

/// <summary><c>monitor export</c>: writes forecasts with metadata, intervals and accuracy to a file in one format.</summary>
public sealed class ExportCommand(ForecastExporter exporter) : ICliCommand
{
    public string Name => "export";

    public string Usage => "export --format csv|xlsx|parquet|json --out FILE [--domain D] [--region R] [--industry I] [--series ID,ID] [--run N] [--as-of yyyy-MM-dd]";

    public Task<int> RunAsync(CommandLineArgs args, TextWriter output, CancellationToken cancellationToken)
    {
        var formatText = args.Required("format");
        if (!ExportFormats.TryParse(formatText, out var format))
            throw new CommandLineException($"--format: '{formatText}' is not {ExportFormats.Choices}");
        var path = args.Required("out");
        var (filter, problems) = ExportFilterParser.Parse(args.Get);
        if (filter is null) throw new CommandLineException("--" + problems[0]);

        try
        {
            var result = exporter.ExportToFile(format, filter, path);
            output.WriteLine($"exported {result.Rows} rows ({result.Series} series) as {format.ToString().ToLowerInvariant()} to {Path.GetFullPath(path)}");
            return Task.FromResult(0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // ICliCommand hands a verb only its output; the reason for a failure goes to stderr like the host's own.
            Console.Error.WriteLine($"monitor export: cannot write {path}: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
