using System.Globalization;

namespace Monitor.Core.Cli;

/// <summary>The one parser of <c>--name value</c> / <c>--flag</c> options for every command-line verb.</summary>
public sealed class CommandLineArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public CommandLineArgs(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(token);
                continue;
            }
            var name = token[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0) _options[name[..eq]] = name[(eq + 1)..];
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) _options[name] = list[++i];
            else _options[name] = null;
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CommandLineException($"--{name} is required");

    public int GetInt(string name, int fallback) => Get(name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new CommandLineException($"--{name}: '{text}' is not a whole number")
        : fallback;

    public DateTime? GetDate(string name) => Get(name) is { } text
        ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) ? value : throw new CommandLineException($"--{name}: '{text}' is not a date (use yyyy-MM-dd)")
        : null;

    public IReadOnlyList<string> GetList(string name) =>
        Get(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>Options given but never asked for by the verb: a typo the user should hear about.</summary>
    public IEnumerable<string> Unread() => _options.Keys.Where(k => !_read.Contains(k));
}

/// <summary>Bad command-line usage; the message is printed and the process exits with 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
