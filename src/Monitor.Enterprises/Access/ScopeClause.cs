using System.Globalization;

namespace Monitor.Enterprises.Access;

/// <summary>The region scope as a SQL condition, so that rows outside it never leave the store.</summary>
internal static class ScopeClause
{
    /// <summary>"(starts_with(column, $n) OR …)" over the prefixes, appending them to <paramref name="values"/>; never empty.</summary>
    public static string Build(string column, IReadOnlyList<string> prefixes, List<object?> values)
    {
        if (prefixes.Count == 0) return "FALSE";
        var terms = new List<string>();
        foreach (var prefix in prefixes)
        {
            values.Add(prefix);
            terms.Add($"starts_with({column}, ${values.Count.ToString(CultureInfo.InvariantCulture)})");
        }
        return "(" + string.Join(" OR ", terms) + ")";
    }
}
