namespace Monitor.Warn.Sets;

/// <summary>
/// Variants of one indicator (当月, 同比, 环比, 累计, …) share a family: codes that start with the family stem. The stem is the
/// code without its transform suffixes (CN_CPI_YOY → CN_CPI, CN_IVA_YTD_YOY → CN_IVA, INDPRO__tcode5 → INDPRO).
/// </summary>
public static class IndicatorFamily
{
    private static readonly string[] Suffixes = ["_YOY", "_MOM", "_YTD", "_IDX", "_QOQ", "_SA", "_LEVEL"];

    public static string Stem(string code)
    {
        var stem = code;
        var derived = stem.IndexOf("__", StringComparison.Ordinal);
        if (derived > 0) stem = stem[..derived];
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var suffix in Suffixes)
            {
                if (stem.Length > suffix.Length && stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    stem = stem[..^suffix.Length];
                    changed = true;
                }
            }
        }
        return stem;
    }

    /// <summary>Whether <paramref name="code"/> belongs to the family of <paramref name="stem"/>.</summary>
    public static bool Contains(string stem, string code) =>
        code.Equals(stem, StringComparison.Ordinal) || (code.StartsWith(stem, StringComparison.Ordinal) && code.Length > stem.Length && code[stem.Length] == '_');
}
