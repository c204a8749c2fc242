using Monitor.Core.Store;
using Monitor.Present.Export;

namespace Monitor.Web.Api.Endpoints;

/// <summary>GET /api/v1/forecasts: the rows of a forecast export (metadata, intervals, model, accuracy), paged.</summary>
public static class ForecastEndpoints
{
    public static void MapForecasts(this RouteGroupBuilder api) =>
        api.MapGet("/forecasts", List).WithName("ListForecasts")
            .WithSummary("Forecasts with 80 %/95 % intervals, model and backtest accuracy (预测)")
            .WithDescription("Filters as in exports: domain, region, industry, series (comma lists), run (a forecast run id; default: the latest run of each series), as_of (the runs finished by then). Paged; ordered by series and step.");

    private static IResult List(HttpContext context, MonitorStore store)
    {
        var query = new ApiQuery(context.Request, ExportParameters.Names);
        var filter = ExportParameters.Filter(query);
        var page = query.Page();
        if (!query.IsValid || filter is null) return query.Problem();

        var sql = new ForecastExportQuery(filter);
        using var connection = store.Open();
        var total = sql.Count(connection);
        using var command = sql.CreateCommand(connection, page.Limit, page.Offset);
        using var reader = command.ExecuteReader();
        var items = new ExportRows(reader).Read()
            .Select(row => ExportColumns.All.Select((c, i) => (c.Name, Value: row[i])).ToDictionary(p => p.Name, p => p.Value))
            .ToList();
        return ApiResponses.Paged(context, items, page, total);
    }
}

/// <summary>The export filter as query parameters (domain, region, industry, series, run, as_of), shared by forecasts and exports.</summary>
public static class ExportParameters
{
    public static readonly string[] Names = ["domain", "region", "industry", "series", "run", "as_of"];

    /// <summary>The filter, or null after recording the problems on <paramref name="query"/>.</summary>
    public static ExportFilter? Filter(ApiQuery query)
    {
        var (filter, problems) = ExportFilterParser.Parse(name => name switch
        {
            "as-of" => query.Text("as_of"),
            "domain" or "region" or "industry" or "series" => string.Join(',', query.List(name)) is { Length: > 0 } list ? list : null,
            _ => query.Text(name),
        });
        foreach (var problem in problems.Select(p => p.Replace("as-of", "as_of", StringComparison.Ordinal)))
        {
            var name = problem.Split(':')[0];
            query.Error(Names.Contains(name) ? name : "filter", problem);
        }
        return filter;
    }
}
