using System.CommandLine;
using Monitor.Core.Cli;

namespace Monitor.Present.Export.Cli;

/// <summary><c>monitor export</c>: writes forecasts with metadata, intervals and accuracy to a file in one format.</summary>
public sealed class ExportCommand(ForecastExporter exporter) : ICliVerb
{
    public static Command Define()
    {
        var command = new Command("export", "write forecasts with intervals, model and accuracy to a file")
        {
            new Option<string>("--format") { Required = true, Description = ExportFormats.Choices, HelpName = "FORMAT" },
            new Option<string>("--out") { Required = true, Description = "the file to write", HelpName = "FILE" },
        };
        // The filter options are the API's query parameters (ExportFilterParser), so both accept the same names.
        foreach (var name in ExportFilterParser.OptionNames) command.Options.Add(new Option<string>("--" + name) { Description = FilterHelp(name) });
        return command;
    }

    private static string FilterHelp(string name) => name switch
    {
        "run" => "one forecast run id",
        "as-of" => "forecasts as known at yyyy-MM-dd (end of day) or an ISO time",
        _ => $"{name} codes, comma-separated",
    };

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
            args.Error.WriteLine($"monitor export: cannot write {path}: {ex.Message}");
            return Task.FromResult(1);
        }
    }
}
