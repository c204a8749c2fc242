namespace Monitor.Web.Api.Endpoints;

/// <summary>GET /api/v1/anomalies, /signal-lights, /composites and /alerts: what the warning stage wrote, filtered and paged.</summary>
public static class WarningEndpoints
{
    private static readonly string[] AnomalyKinds = [.. global::Monitor.Warn.Anomalies.AnomalyKinds.All];
    private static readonly string[] Colours = ["blue", "lightblue", "green", "yellow", "red"];
    private static readonly string[] AlertStates = ["open", "acknowledged", "muted", "resolved"];
    private static readonly string[] Severities = ["info", "warning", "critical"];

    public static void MapWarnings(this RouteGroupBuilder api)
    {
        api.MapGet("/anomalies", Anomalies).WithName("ListAnomalies").WithSummary("Anomalies (异常)")
            .WithDescription("Filters: series, kind (interval, level_shift, cross_section, seasonal), from / to (period). Newest first.");
        api.MapGet("/signal-lights", SignalLights).WithName("ListSignalLights").WithSummary("Signal lights (景气信号灯)")
            .WithDescription("Points 1–5: blue 过冷, lightblue 趋冷, green 正常, yellow 趋热, red 过热. Filters: series, colour, from / to; latest=true keeps only each series' latest period. The newest check-point configuration of each period is returned.");
        api.MapGet("/composites", Composites).WithName("ListCompositeReadings").WithSummary("Composite indices (合成指数 / 预警指数)")
            .WithDescription("Filters: index (e.g. warning_index), from / to.");
        api.MapGet("/composites/{index}/contributions", Contributions).WithName("ListCompositeContributions")
            .WithSummary("What each indicator contributed to a composite (贡献)")
            .WithDescription("Filters: period (one period, yyyy-MM-dd; default the latest), series.");
        api.MapGet("/turning-points", TurningPoints).WithName("ListTurningPoints").WithSummary("Turning points of the composites (拐点)")
            .WithDescription("Filters: index, kind (peak, trough), from / to.");
        api.MapGet("/alerts", Alerts).WithName("ListAlerts").WithSummary("Alerts (预警)")
            .WithDescription("Filters: state (open, acknowledged, muted, resolved), severity (info, warning, critical), rule, series, economy, group. Each alert carries its group_key, economy and priority (severity × weight in the economy's indicator set). Most recently updated first.");
        api.MapGet("/alert-groups", AlertGroups).WithName("ListAlertGroups").WithSummary("Alert groups (预警分组)")
            .WithDescription("One row per group: late data by source, variants of one indicator by family, composites by index; one economy each. open_members = unresolved members (list them with /alerts?group=…). Filters: economy, kind (source, family, index, alert), open=true (only groups with unresolved members). Highest priority first.");
    }

    private static IResult Anomalies(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "series", "kind", "from", "to");
        var filter = new Present.Export.SqlFilter()
            .In("series_id", query.List("series"))
            .In("kind", query.Choice("kind", AnomalyKinds))
            .Where("period >= {0}", query.Date("from"))
            .Where("period <= {0}", query.Date("to"));
        return Respond(context, query, rows, filter,
            "SELECT series_id, period, kind, score, actual, expected, lo, hi, explanation, explanation_zh, run_id, detected_at FROM anomalies",
            "period DESC, series_id, kind");
    }

    private static IResult SignalLights(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "series", "colour", "from", "to", "latest");
        var latest = query.Flag("latest");
        var filter = new Present.Export.SqlFilter()
            .In("series_id", query.List("series"))
            .In("colour", query.Choice("colour", Colours))
            .Where("period >= {0}", query.Date("from"))
            .Where("period <= {0}", query.Date("to"));
        if (latest) filter.Where("period_rank = 1");
        const string ranked = """
            SELECT *, dense_rank() OVER (PARTITION BY series_id ORDER BY period DESC) AS period_rank FROM signal_lights_current
            """;
        return Respond(context, query, rows, filter,
            $"SELECT series_id, period, config_version, metric, points, colour, computed_at FROM ({ranked})",
            "series_id, period");
    }

    private static IResult Composites(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "index", "from", "to");
        var filter = new Present.Export.SqlFilter()
            .In("index_code", query.List("index"))
            .Where("period >= {0}", query.Date("from"))
            .Where("period <= {0}", query.Date("to"));
        return Respond(context, query, rows, filter, "SELECT index_code, period, value, colour, computed_at FROM composite_readings", "index_code, period");
    }

    private static IResult Contributions(HttpContext context, string index, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "period", "series");
        var period = query.Date("period");
        var filter = new Present.Export.SqlFilter().Where("index_code = {0}", index).In("series_id", query.List("series"));
        if (period is null) filter.Where("period = (SELECT max(period) FROM composite_contributions WHERE index_code = {0})", index);
        else filter.Where("period = {0}", period);
        return Respond(context, query, rows, filter, "SELECT index_code, period, series_id, contribution FROM composite_contributions", "contribution DESC, series_id");
    }

    private static IResult TurningPoints(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "index", "kind", "from", "to");
        var filter = new Present.Export.SqlFilter()
            .In("index_code", query.List("index"))
            .In("kind", query.Choice("kind", ["peak", "trough"]))
            .Where("period >= {0}", query.Date("from"))
            .Where("period <= {0}", query.Date("to"));
        return Respond(context, query, rows, filter, "SELECT index_code, period, kind FROM turning_points", "index_code, period");
    }

    private static IResult Alerts(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "state", "severity", "rule", "series", "economy", "group");
        var filter = new Present.Export.SqlFilter()
            .In("state", query.Choice("state", AlertStates))
            .In("severity", query.Choice("severity", Severities))
            .In("rule", query.List("rule"))
            .In("series_id", query.List("series"))
            .In("economy", query.List("economy"))
            .In("group_key", query.List("group"));
        return Respond(context, query, rows, filter,
            "SELECT alert_id, rule, series_id, period, severity, colour, state, title, title_zh, message, message_zh, opened_at, updated_at, resolved_at, acknowledged_by, muted_until, group_key, economy, priority FROM alert_group_members",
            "updated_at DESC, alert_id DESC");
    }

    private static IResult AlertGroups(HttpContext context, ApiRows rows)
    {
        var query = new ApiQuery(context.Request, "economy", "kind", "open");
        var filter = new Present.Export.SqlFilter()
            .In("economy", query.List("economy"))
            .In("group_kind", query.Choice("kind", ["source", "family", "index", "alert"]));
        if (query.Flag("open")) filter.Where("open_members > 0");
        return Respond(context, query, rows, filter,
            $"SELECT * FROM ({Monitor.Warn.Alerts.AlertGroupSql.Groups}) g",
            "priority DESC, group_key");
    }

    /// <summary>One page of a filtered SELECT, or the 400 answer when a parameter was bad.</summary>
    internal static IResult Respond(HttpContext context, ApiQuery query, ApiRows rows, Present.Export.SqlFilter filter, string select, string orderBy)
    {
        var page = query.Page();
        if (!query.IsValid) return query.Problem();
        var (items, total) = rows.Page(select, filter, orderBy, page);
        return ApiResponses.Paged(context, items, page, total);
    }
}
