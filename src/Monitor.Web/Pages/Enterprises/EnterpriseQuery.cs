using System.Globalization;
using Microsoft.Extensions.Primitives;
using Monitor.Enterprises.Access;
using Monitor.Enterprises.Aggregates;

namespace Monitor.Web.Pages.Enterprises;

/// <summary>Reads the enterprise filters from a query string, the same way for the page and the API.</summary>
public static class EnterpriseQuery
{
    /// <summary>The table asked for (defaults: output, the latest month given, region × industry, province × division).</summary>
    public static AggregateRequest? Aggregate(IQueryCollection query, DateOnly? latest = null)
    {
        var period = Month(query["period"]) ?? latest;
        if (period is null) return null;
        var by = Text(query["by"])?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                 ?? [AggregateRequest.Region, AggregateRequest.Industry];
        return new AggregateRequest(Text(query["indicator"]) ?? "output", period.Value, by,
            Text(query["region_level"]) ?? "province", Text(query["industry_level"]) ?? "division");
    }

    public static string AggregateProblem(IQueryCollection query) =>
        Aggregate(query) is { } request ? request.Problem() ?? "" : "period must be given as YYYY-MM";

    /// <summary>The firm filter, or null when a field does not parse.</summary>
    public static FirmFilter? Firms(IQueryCollection query)
    {
        DateOnly? period = null;
        if (Text(query["period"]) is { } text && (period = Month(text)) is null) return null;
        var limit = 500;
        if (Text(query["limit"]) is { } l && !int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit)) return null;
        return new FirmFilter(Text(query["region"]), Text(query["industry"]), Text(query["indicator"]), period, Text(query["enterprise"]), Math.Clamp(limit, 1, 10_000));
    }

    private static DateOnly? Month(StringValues value) =>
        DateOnly.TryParseExact(value.ToString(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    private static string? Text(StringValues value) => value.ToString() is { Length: > 0 } text ? text.Trim() : null;
}
