using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Monitor.Core.Cli;

/// <summary>
/// What a verb's <see cref="ICliCommand.RunAsync"/> reads: the System.CommandLine parse of its words (options by their
/// name without dashes, positional arguments in order) and the error writer for its one-line reasons.
/// </summary>
public sealed class CommandLineArgs
{
    private readonly ParseResult _parse;

    private CommandLineArgs(ParseResult parse, TextWriter error)
    {
        _parse = parse;
        Error = error;
        Positional = [.. parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)];
    }

    /// <summary>Where the verb writes its reason for a failure (stderr for the real command line).</summary>
    public TextWriter Error { get; }

    /// <summary>The positional arguments' words, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses the words after the verb against its definition (a parse of the whole command line is wrapped the same way).</summary>
    /// <exception cref="CommandLineException">An unknown option, a missing or malformed value.</exception>
    public static CommandLineArgs Parse(Command definition, IReadOnlyList<string> args, TextWriter? error = null) =>
        From(definition.Parse(args), error);

    /// <summary>Parses the words after the verb <typeparamref name="T"/> against its definition.</summary>
    /// <exception cref="CommandLineException">An unknown option, a missing or malformed value.</exception>
    public static CommandLineArgs Parse<T>(IReadOnlyList<string> args, TextWriter? error = null) where T : ICliVerb => Parse(T.Define(), args, error);

    /// <summary>Wraps a parse of the whole command line; its first problem becomes a <see cref="CommandLineException"/>.</summary>
    public static CommandLineArgs From(ParseResult parse, TextWriter? error = null) =>
        MonitorCommandLine.Problem(parse) is { } problem ? throw new CommandLineException(problem) : new(parse, error ?? Console.Error);

    /// <summary>The global <c>--db FILE</c> (<see cref="MonitorCommandLine.DatabaseOption"/>) when given; null in a verb parsed on its own.</summary>
    public string? Database => _parse.RootCommandResult.Command.Options.Any(o => o.Name == MonitorCommandLine.DatabaseOption)
        ? _parse.GetValue<string>(MonitorCommandLine.DatabaseOption)
        : null;

    /// <summary>The value of option <c>--name</c> (any type), or its default.</summary>
    public T? Value<T>(string name) => _parse.GetValue<T>("--" + name);

    /// <summary>The text of option <c>--name</c>, or null when it was not given.</summary>
    public string? Get(string name) => Value<string>(name);

    /// <summary>A flag was given (a <c>bool</c> option is true), or an option was given a value.</summary>
    public bool Has(string name) => _parse.GetResult("--" + name) is OptionResult { Implicit: false } result
        && (result.Option.ValueType != typeof(bool) || Value<bool>(name));

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CommandLineException($"--{name} is required");

    public int GetInt(string name, int fallback) => Has(name) ? Value<int>(name) : fallback;

    public DateTime? GetDate(string name) => Get(name) is { } text
        ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) ? value : throw new CommandLineException($"--{name}: '{text}' is not a date (use yyyy-MM-dd)")
        : null;

    /// <summary>A comma-separated option as its items.</summary>
    public IReadOnlyList<string> GetList(string name) =>
        Get(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>Bad command-line usage; the message is printed on one line and the process exits with 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
