using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Core.Cli;

/// <summary>The <c>monitor</c> command line's tree: every registered verb under one root with the global <c>--db</c> option.</summary>
public static partial class MonitorCommandLine
{
    /// <summary>The global option: every verb works on that store instead of the configured one.</summary>
    public const string DatabaseOption = "--db";

    public static Command Build(IEnumerable<CliVerb> verbs)
    {
        // A plain Command rather than RootCommand, whose name is the executable's (dotnet, testhost) rather than "monitor".
        var root = new Command("monitor", "economic monitoring and early warning (one verb a run; `monitor <verb> --help` for its options)")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Options.Add(new Option<string>(DatabaseOption) { Recursive = true, Description = "work on this DuckDB store instead of Store:Path", HelpName = "FILE" });
        foreach (var verb in verbs.OrderBy(v => v.Name, StringComparer.Ordinal)) root.Subcommands.Add(verb.Define());
        return root;
    }

    /// <summary>
    /// The first problem of a parse as one line, or null. An unknown <c>--name</c> comes first: System.CommandLine takes
    /// it for a positional value when the verb has one (<c>ingest --bogus file.csv</c> would otherwise parse, or
    /// complain about file.csv).
    /// </summary>
    public static string? Problem(ParseResult parse)
    {
        var words = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).Concat(parse.UnmatchedTokens);
        if (words.FirstOrDefault(w => w.Length > 1 && w[0] == '-' && !double.TryParse(w, CultureInfo.InvariantCulture, out _)) is { } unknown)
            return $"unknown option '{unknown.Split('=')[0]}'";
        return parse.Errors.Count == 0 ? null : Whitespace().Replace(parse.Errors[0].Message, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
