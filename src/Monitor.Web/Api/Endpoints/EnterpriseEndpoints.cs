using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Text;
using Monitor.Enterprises.Access;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Disclosure;
using Monitor.Web.Pages.Enterprises;
using Monitor.Web.Security.Audit;

namespace Monitor.Web.Api.Endpoints;

/// <summary>
/// /api/v1/enterprises: disclosure-controlled aggregates for every signed-in user or key; firm rows, firm warnings
/// and the firm CSV export only within the caller's region scope (an API key acts with its owner's), each audited.
/// </summary>
public static class EnterpriseEndpoints
{
    public static void MapEnterprises(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/enterprises");
        group.MapGet("/aggregates", Aggregates).WithName("EnterpriseAggregates")
            .WithSummary("Enterprise aggregates with disclosure control (规上企业汇总，保密处理)")
            .WithDescription("indicator, period (YYYY-MM), by (region,industry,size), region_level (province|city), industry_level (section|division). Hidden cells have value null, display \"—\" and reason 保密. coverage_pct: the cell's share (%) of the published total where Enterprises:Coverage names one; null for hidden cells.");
        group.MapGet("/firms", Firms).WithName("EnterpriseFirms")
            .WithSummary("Firm-level rows within your enterprise scope (audited)")
            .WithDescription("region, industry, indicator, period (YYYY-MM), enterprise, limit. 403 without an enterprise scope.");
        group.MapGet("/firms.csv", FirmsCsv).WithName("EnterpriseFirmsCsv").WithSummary("The same firm rows as CSV (audited)");
        group.MapGet("/warnings", Warnings).WithName("EnterpriseWarnings").WithSummary("Firm warnings within your enterprise scope (audited)");
        group.MapWatchList();
    }

    private static IResult Aggregates(HttpContext context, [FromServices] AggregateTable table, [FromServices] PublishedCoverage coverage)
    {
        if (EnterpriseQuery.Aggregate(context.Request.Query) is not { } request || request.Problem() is not null)
            return Results.Problem(EnterpriseQuery.AggregateProblem(context.Request.Query), statusCode: 400, title: "bad request");
        var cells = table.Build(request);
        var shares = coverage.Of(request, cells);
        return Results.Json(cells.Select((c, i) => new
        {
            codes = request.By.Zip(c.Codes).ToDictionary(p => p.First, p => p.Second),
            value = c.Value,
            display = c.Value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : ProtectedCell.Hidden,
            firms = c.Firms,
            same_sample_growth = c.SameSampleGrowth,
            suppressed = c.Suppressed,
            reason = c.ReasonText,
            coverage_pct = shares[i],
        }), ApiResponses.Json);
    }

    private static IResult Firms(HttpContext context, [FromServices] FirmReader reader) =>
        Guarded(context, filter => Results.Json(reader.Rows(context.AuditActor(), context.AuditTarget(), filter), ApiResponses.Json));

    private static IResult Warnings(HttpContext context, [FromServices] FirmReader reader) =>
        Guarded(context, filter => Results.Json(reader.Warnings(context.AuditActor(), context.AuditTarget(), filter), ApiResponses.Json));

    private static IResult FirmsCsv(HttpContext context, [FromServices] FirmReader reader) =>
        Guarded(context, filter =>
        {
            var text = new StringBuilder();
            text.Append(CsvField.Line(["enterprise_id", "enterprise_name", "region_code", "industry_code", "size_class", "indicator", "period", "value", "unit"])).Append("\r\n");
            foreach (var r in reader.Rows(context.AuditActor(), context.AuditTarget(), filter))
                text.Append(CsvField.Line([r.EnterpriseId, r.Name, r.RegionCode, r.IndustryCode, r.SizeClass, r.Indicator, r.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), CsvField.Number(r.Value), r.Unit])).Append("\r\n");
            return Results.Text(text.ToString(), "text/csv; charset=utf-8");
        });

    // Bad input and refusals are audited too: the reader audits refusals; a filter that does not parse is written here.
    private static IResult Guarded(HttpContext context, Func<FirmFilter, IResult> read)
    {
        if (EnterpriseQuery.Firms(context.Request.Query) is not { } filter)
        {
            context.Audit(Core.Audit.AuditActions.EnterpriseRead, context.AuditParameters(), Core.Audit.AuditOutcome.Failure, "bad filter");
            return Results.Problem("period must be YYYY-MM and limit a whole number", statusCode: 400, title: "bad request");
        }
        try
        {
            return read(filter);
        }
        catch (FirmAccessDeniedException)
        {
            return Results.Problem("firm-level data needs an enterprise scope (ask an administrator)", statusCode: 403, title: "forbidden");
        }
    }
}
