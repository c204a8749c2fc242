using System.Globalization;

namespace Monitor.Present.Export;

/// <summary>
/// Builds an <see cref="ExportFilter"/> from named text options (command-line options or query-string parameters),
/// so that the CLI and the API accept the same names and values: domain, region, industry, series (comma lists),
/// run (a run id) and as-of (yyyy-MM-dd or an ISO timestamp).
/// </summary>
public static class ExportFilterParser
{
    public static readonly IReadOnlyList<string> OptionNames = ["domain", "region", "industry", "series", "run", "as-of"];

    /// <summary>The filter, or the problems found (one per bad option: "name: 'value' is not …").</summary>
    public static (ExportFilter? Filter, IReadOnlyList<string> Problems) Parse(Func<string, string?> option)
    {
        var problems = new List<string>();
        long? run = null;
        if (option("run") is { Length: > 0 } runText)
        {
            if (long.TryParse(runText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) run = id;
            else problems.Add($"run: '{runText}' is not a forecast run id (a positive whole number)");
        }
        DateTime? asOf = null;
        if (option("as-of") is { Length: > 0 } asOfText)
        {
            if (TryParseInstant(asOfText, out var at)) asOf = at;
            else problems.Add($"as-of: '{asOfText}' is not a date (use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)");
        }
        var filter = new ExportFilter
        {
            Domains = List(option("domain")),
            Regions = List(option("region")),
            Industries = List(option("industry")),
            SeriesIds = List(option("series")),
            RunId = run,
            AsOf = asOf,
        };
        if (problems.Count == 0 && filter.Problem() is { } problem) problems.Add(problem);
        return (problems.Count == 0 ? filter : null, problems);
    }

    /// <summary>A date means the end of that day (everything known during it); a timestamp means that instant.</summary>
    public static bool TryParseInstant(string text, out DateTime instant)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = day.ToDateTime(TimeOnly.MaxValue);
            return true;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out instant);
    }

    private static IReadOnlyList<string> List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
