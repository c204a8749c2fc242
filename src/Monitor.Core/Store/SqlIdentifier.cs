using System.Text.RegularExpressions;

namespace Monitor.Core.Store;

/// <summary>Guards the few places where a name, not a value, must be spliced into SQL (values always go in as parameters).</summary>
public static partial class SqlIdentifier
{
    public static string Check(string identifier) =>
        IdentifierPattern().IsMatch(identifier) ? identifier : throw new ArgumentException($"not a plain SQL identifier: '{identifier}'", nameof(identifier));

    public static string CheckSize(string size) =>
        SizePattern().IsMatch(size) ? size : throw new ArgumentException($"not a memory size like '1GB': '{size}'", nameof(size));

    /// <summary>Quotes a string literal for the few DuckDB statements that take no parameters (COPY, SET).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
