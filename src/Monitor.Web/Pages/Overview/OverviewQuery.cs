using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Overview;

/// <summary>What the overview shows: the signal-light board, headline cards, the 预警指数, latest alerts, data freshness.</summary>
public sealed class OverviewQuery(MonitorStore store, IConfiguration configuration)
{
    public const string WarningIndex = "warning_index";

    /// <summary>Rows = macro indicators with lights, columns = the last <paramref name="months"/> months that have lights.</summary>
    public LightBoard Board(int months = 24, int maxRows = 30)
    {
        using var connection = store.Open();
        var cells = Sql.Rows(connection, """
            WITH board AS (
              SELECT s.series_id, s.name, s.name_zh FROM series s
              WHERE s.domain = 'macro' AND EXISTS (SELECT 1 FROM signal_lights l WHERE l.series_id = s.series_id)
              ORDER BY s.series_id LIMIT $1),
            last AS (SELECT max(l.period) AS p FROM signal_lights l JOIN board b USING (series_id))
            SELECT b.series_id, b.name, b.name_zh, l.period, l.points, l.colour, l.metric
            FROM board b LEFT JOIN signal_lights_current l ON l.series_id = b.series_id
              AND l.period > (SELECT p FROM last) - to_months($2)
            ORDER BY b.series_id, l.period
            """, r => (Id: r.GetString(0), Name: r.GetString(1), NameZh: r.Text(2), Period: r.IsDBNull(3) ? (DateOnly?)null : r.Day(3),
                Points: r.IsDBNull(4) ? 0 : r.GetInt32(4), Colour: r.Text(5), Metric: r.Number(6)), maxRows, months);
        var periods = cells.Where(c => c.Period is not null).Select(c => c.Period!.Value).Distinct().Order().ToList();
        var rows = cells.GroupBy(c => c.Id).Select(g => new LightRow(g.Key, g.First().Name, g.First().NameZh,
            g.Where(c => c.Period is not null).ToDictionary(c => c.Period!.Value, c => new LightCell(c.Points, c.Colour!, c.Metric)))).ToList();
        return new LightBoard(periods, rows);
    }

    /// <summary>The headline indicators: configured ids (Dashboard:Headline), else macro series with lights first.</summary>
    public IReadOnlyList<HeadlineCard> Headlines(int count = 12)
    {
        using var connection = store.Open();
        var ids = configuration.GetSection("Dashboard:Headline").Get<string[]>() is { Length: > 0 } configured
            ? configured.ToList()
            : Sql.Rows(connection, """
                SELECT s.series_id FROM series s
                WHERE s.domain = 'macro'
                ORDER BY EXISTS (SELECT 1 FROM signal_lights l WHERE l.series_id = s.series_id) DESC, s.series_id
                LIMIT $1
                """, r => r.GetString(0), count);
        if (ids.Count == 0) return [];
        var values = ids.Cast<object>().ToArray();
        var cards = Sql.Rows(connection, $"""
            WITH ranked AS (
              SELECT series_id, period, value, row_number() OVER (PARTITION BY series_id ORDER BY period DESC) AS rn FROM observations
              WHERE known_to IS NULL AND series_id IN ({Sql.Placeholders(ids.Count)})),
            latest AS (
              SELECT series_id, max(period) FILTER (WHERE rn = 1) AS period, max(value) FILTER (WHERE rn = 1) AS value,
                     max(value) FILTER (WHERE rn = 2) AS previous
              FROM ranked WHERE rn <= 2 GROUP BY series_id),
            light AS (
              SELECT series_id, points, colour, period FROM signal_lights_latest WHERE series_id IN ({Sql.Placeholders(ids.Count)}))
            SELECT s.series_id, s.name, s.name_zh, s.unit, latest.period, latest.value, light.points, light.colour, latest.previous
            FROM series s LEFT JOIN latest USING (series_id) LEFT JOIN light USING (series_id)
            WHERE s.series_id IN ({Sql.Placeholders(ids.Count)})
            """, r => new HeadlineCard(r.GetString(0), r.GetString(1), r.Text(2), r.Text(3), r.IsDBNull(4) ? null : r.Day(4), r.Number(5),
                r.IsDBNull(6) ? null : r.GetInt32(6), r.Text(7), r.Number(8)), values);
        return cards.OrderBy(c => ids.IndexOf(c.SeriesId)).ToList();
    }

    /// <summary>The latest 预警指数 reading and its turning points.</summary>
    public IndexSummary Index()
    {
        using var connection = store.Open();
        var latest = Sql.Rows(connection, "SELECT period, value, colour FROM composite_readings WHERE index_code = $1 ORDER BY period DESC LIMIT 1",
            r => (Period: r.Day(0), Value: r.GetDouble(1), Colour: r.Text(2)), WarningIndex).FirstOrDefault();
        var turns = Sql.Rows(connection, "SELECT period, kind FROM turning_points WHERE index_code = $1 ORDER BY period DESC LIMIT 6",
            r => new TurningPoint(r.Day(0), r.GetString(1)), WarningIndex);
        return new IndexSummary(latest == default ? null : latest.Period, latest == default ? null : latest.Value, latest.Colour, turns);
    }

/// <summary>The largest contributors to an index in its latest period (what moves the composite).</summary>
    public IReadOnlyList<Contributor> TopContributors(string indexCode = WarningIndex, int count = 8) => Sql.Rows(store, """
        SELECT c.series_id, s.name, s.name_zh, c.contribution FROM composite_contributions c LEFT JOIN series s USING (series_id)
        WHERE c.index_code = $1 AND c.period = (SELECT max(period) FROM composite_contributions WHERE index_code = $1)
        ORDER BY abs(c.contribution) DESC LIMIT $2
        """, r => new Contributor(r.GetString(0), r.Text(1) ?? r.GetString(0), r.Text(2), r.GetDouble(3)), indexCode, count);

    public IReadOnlyList<AlertLine> LatestAlerts(int count = 8) => Sql.Rows(store, """
        SELECT alert_id, severity, state, colour, title, title_zh, series_id, period, opened_at FROM alerts
        WHERE state <> 'resolved' ORDER BY opened_at DESC, alert_id DESC LIMIT $1
        """, r => new AlertLine(r.GetInt64(0), r.GetString(1), r.GetString(2), r.Text(3), r.GetString(4), r.Text(5), r.Text(6),
            r.IsDBNull(7) ? null : r.Day(7), r.GetDateTime(8)), count);

    /// <summary>Per ingest source: last successful run, last status, series count.</summary>
    public IReadOnlyList<SourceFreshness> Freshness() => Sql.Rows(store, """
        WITH runs AS (
          SELECT source, max(finished_at) FILTER (WHERE status = 'succeeded') AS last_ok, arg_max(status, started_at) AS last_status,
                 arg_max(rows_rejected, started_at) AS rejected
          FROM ingest_runs GROUP BY source),
        counts AS (SELECT source, count(*) AS n FROM series WHERE source IS NOT NULL GROUP BY source)
        SELECT coalesce(runs.source, counts.source), runs.last_ok, runs.last_status, coalesce(counts.n, 0), coalesce(runs.rejected, 0)
        FROM runs FULL JOIN counts ON runs.source = counts.source ORDER BY 1
        """, r => new SourceFreshness(r.GetString(0), r.Time(1), r.Text(2), r.Count(3), r.Count(4)));
}

/// <summary>The signal-light board: month columns and one row per indicator.</summary>
public sealed record LightBoard(IReadOnlyList<DateOnly> Periods, IReadOnlyList<LightRow> Rows);

/// <summary>One indicator's row of the light board.</summary>
public sealed record LightRow(string SeriesId, string Name, string? NameZh, IReadOnlyDictionary<DateOnly, LightCell> Cells);

/// <summary>One month's light: points, colour and the metric behind it.</summary>
public sealed record LightCell(int Points, string Colour, double? Metric);

/// <summary>A headline indicator card: latest value, its change, light.</summary>
public sealed record HeadlineCard(string SeriesId, string Name, string? NameZh, string? Unit, DateOnly? Period, double? Value, int? Points, string? Colour,
    double? Previous = null)
{
    /// <summary>The change since the previous period: percentage points for a rate, per cent for a level.</summary>
    public Change? Change => SeriesChange.Between(Previous, Value, SeriesChange.InPoints(SeriesId, Name, NameZh, Unit));
}

/// <summary>The latest 预警指数 reading and its recent turning points.</summary>
public sealed record IndexSummary(DateOnly? Period, double? Value, string? Colour, IReadOnlyList<TurningPoint> TurningPoints);

/// <summary>A peak or trough of a composite index.</summary>
public sealed record TurningPoint(DateOnly Period, string Kind);

/// <summary>A series and its contribution to the latest 预警指数.</summary>
public sealed record Contributor(string SeriesId, string Name, string? NameZh, double Contribution);

/// <summary>An alert in the overview's latest-alerts list.</summary>
public sealed record AlertLine(long AlertId, string Severity, string State, string? Colour, string Title, string? TitleZh, string? SeriesId, DateOnly? Period, DateTime OpenedAt);

/// <summary>An ingest source: last success, last status, series count, rejected rows.</summary>
public sealed record SourceFreshness(string Source, DateTime? LastSucceeded, string? LastStatus, long SeriesCount, long RejectedLastRun);
