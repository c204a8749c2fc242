using System.Text.RegularExpressions;

namespace Monitor.Web.Security;

/// <summary>
/// Shortens absolute file paths in text shown to non-admins to their file name ("/srv/feeds/a.csv" → "a.csv"): where
/// the server keeps its files is of no use to a reader and helps an attacker (issue #16).
/// </summary>
public static partial class PathRedaction
{
    public static string? Redact(string? text) =>
        text is null ? null : AbsolutePath().Replace(text, match => Path.GetFileName(match.Value.Replace('\\', '/').TrimEnd('/')) is { Length: > 0 } name ? name : "…");

    /// <summary>A Unix path of two or more segments not preceded by a scheme or word ("https://…" stays), or a Windows drive path.</summary>
    [GeneratedRegex(@"(?<![\w:/.])/(?:[^\s'""/<>]+/)+[^\s'""<>,;)]*|\b[A-Za-z]:\\[^\s'""<>,;)]+")]
    private static partial Regex AbsolutePath();
}
