using Monitor.Core.Domain;
using Monitor.Present.Export;

namespace Monitor.Web.Api.Endpoints;

/// <summary>GET /api/v1/series, /series/{id} and /series/{id}/observations (current values or as known at a date).</summary>
public static class CatalogueEndpoints
{
    private const string SeriesColumns =
        "series_id, dataset, code, name, name_zh, domain, region_code, industry_code, frequency, unit, transform, source, country, counter_cyclical, updated_at";

    public static void MapCatalogue(this RouteGroupBuilder api)
    {
        api.MapGet("/series", ListSeries).WithName("ListSeries")
            .WithSummary("Series catalogue (序列目录)")
            .WithDescription("Filters: domain (macro, regional, industry), region, industry, dataset, frequency (D, W, M, Q, A) — comma lists — and q (text in the id or either name). Paged with limit/offset.");
        api.MapGet("/series/{id}", GetSeries).WithName("GetSeries").WithSummary("One series of the catalogue");
        api.MapGet("/series/{id}/observations", Observations).WithName("ListObservations")
            .WithSummary("Observations of one series (观测值), current or as of a date")
            .WithDescription("as_of: what was known then (yyyy-MM-dd = end of that day, or an ISO timestamp); from / to: period range. Paged.");
    }

    private static IResult ListSeries(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "domain", "region", "industry", "dataset", "frequency", "q");
        var filter = new SqlFilter()
            .In("domain", query.Choice("domain", Domains.All))
            .In("region_code", query.List("region"))
            .In("industry_code", query.List("industry"))
            .In("dataset", query.List("dataset"))
            .In("frequency", query.Choice("frequency", ["D", "W", "T", "M", "Q", "S", "A"]))
            .Where("(series_id ILIKE {0} OR name ILIKE {0} OR name_zh ILIKE {0})", query.Text("q") is { } text ? $"%{text}%" : null);
        var page = query.Page();
        if (!query.IsValid) return query.Problem();
        var (items, total) = rows.Page($"SELECT {SeriesColumns} FROM series", filter, "series_id", page);
        return ApiResponses.Paged(context, items, page, total);
    }

    private static IResult GetSeries(HttpContext context, string id, ApiRows rows)
    {
        var query = new ApiQuery(context.Request);
        if (!query.IsValid) return query.Problem();
        var found = rows.All($"SELECT {SeriesColumns} FROM series WHERE series_id = $1", Filter(id));
        return found.Count == 0 ? ApiProblems.NotFound($"no series '{id}'") : ApiResponses.Ok(context, found[0]);
    }

    private static IResult Observations(HttpContext context, string id, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "as_of", "from", "to");
        var asOf = query.Instant("as_of");
        var from = query.Date("from");
        var to = query.Date("to");
        var page = query.Page();
        if (!query.IsValid) return query.Problem();
        if (rows.All("SELECT 1 FROM series WHERE series_id = $1", Filter(id)).Count == 0) return ApiProblems.NotFound($"no series '{id}'");

        var filter = new SqlFilter().Where("series_id = {0}", id);
        if (asOf is { } at) filter.Where("known_from <= {0}", at).Where("(known_to IS NULL OR known_to > {0})", at);
        else filter.Where("known_to IS NULL");
        filter.Where("period >= {0}", from).Where("period <= {0}", to);
        var (items, total) = rows.Page("SELECT period, value, known_from FROM observations", filter, "period", page);
        return ApiResponses.Paged(context, items, page, total);
    }

    private static SqlFilter Filter(string id)
    {
        var filter = new SqlFilter();
        filter.Parameter(id);
        return filter;
    }
}
