using Microsoft.Extensions.Options;
using Monitor.Core.Domain;
using Monitor.Core.Store;
using Monitor.Warn;
using Monitor.Warn.Alerts;
using Monitor.Warn.Job;
using Monitor.Warn.Sets;
using Monitor.Web.Pages.Shared;

namespace Monitor.Web.Pages.Overview;

/// <summary>
/// What the overview shows for one economy: the signal-light board and headline cards of its indicator set, its 预警指数,
/// its alert groups by priority, data freshness. Nothing here mixes economies.
/// </summary>
public sealed class OverviewQuery(MonitorStore store, IConfiguration configuration, IndicatorSetStore? sets = null, TimeProvider? clock = null)
{
    public const string WarningIndex = CompositeAnalysis.WarningIndex;

    private readonly IndicatorSetStore _sets = sets ?? new IndicatorSetStore(store, Options.Create(new WarnOptions()), TimeProvider.System);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Configuration key of the economy the overview opens on; an empty value picks the economy with the most set indicators.</summary>
    public const string DefaultEconomyKey = "Overview:DefaultEconomy";

    /// <summary>The economies, their sets and the default economy (<see cref="DefaultEconomyKey"/>, "CN" when not configured).</summary>
    public EconomyContext Economies() => new(new SeriesReader(store).Catalogue(), _sets.Current(), configuration[DefaultEconomyKey] ?? "CN");

    /// <summary>
    /// The board of <paramref name="economy"/>: its set's indicators grouped by theme (a quarterly light sits in its quarter's
    /// last month), then up to <paramref name="maxOthers"/> other national indicators of the economy with lights (shown behind an expander).
    /// </summary>
    public LightBoard Board(EconomyContext context, string economy, int months = 24, int maxOthers = 40)
    {
        var set = context.Sets.For(economy);
        var byId = context.Catalogue.ToDictionary(s => s.SeriesId, StringComparer.Ordinal);
        var setRows = set?.Members.Where(m => byId.ContainsKey(m.SeriesId)).Select(m => (Info: byId[m.SeriesId], Theme: (string?)m.Theme)).ToList() ?? [];
        var shown = setRows.Select(r => r.Info.SeriesId).ToHashSet(StringComparer.Ordinal);
        var others = context.Catalogue.Where(s => s.Economy == economy && s.Domain == "macro" && s.RegionCode is null && !shown.Contains(s.SeriesId)).ToList();
        var ids = setRows.Select(r => r.Info.SeriesId).Concat(others.Select(o => o.SeriesId)).ToList();
        if (ids.Count == 0) return new LightBoard([], [], []);
        var cells = Sql.Rows(store, $"""
            SELECT series_id, period, points, colour, metric FROM signal_lights_current
            WHERE series_id IN ({Sql.Placeholders(ids.Count)})
            """, r => (Id: r.GetString(0), Period: r.Day(1), Cell: new LightCell(r.GetInt32(2), r.GetString(3), r.Number(4))), ids.Cast<object>().ToArray());
        var lit = cells.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.ToDictionary(c => Shown(c.Period, byId[c.Id].Frequency), c => c.Cell));
        if (lit.Count == 0) return new LightBoard([], [], []);
        var last = lit.Values.SelectMany(d => d.Keys).Max();
        var periods = Enumerable.Range(0, months).Select(i => last.AddMonths(i - months + 1)).ToList();
        LightRow Row(SeriesInfo info, string? theme) => new(info.SeriesId, info.Name, info.NameZh,
            lit.TryGetValue(info.SeriesId, out var d) ? d.Where(p => p.Key >= periods[0]).ToDictionary(p => p.Key, p => p.Value) : new Dictionary<DateOnly, LightCell>(), theme);
        var rows = setRows.OrderBy(r => ThemeOrder(r.Theme)).Select(r => Row(r.Info, r.Theme)).ToList();
        var rest = others.Where(o => lit.ContainsKey(o.SeriesId)).Take(maxOthers).Select(o => Row(o, null)).ToList();
        // without a set the economy's lit indicators are the board itself
        return set is null ? new LightBoard(periods, rest, []) : new LightBoard(periods, rows, rest);
    }

    /// <summary>A quarterly light is dated by the quarter's first month; the board shows it in the quarter's last month.</summary>
    public static DateOnly Shown(DateOnly period, Frequency frequency) => frequency == Frequency.Quarterly ? period.AddMonths(2) : period;

    private static int ThemeOrder(string? theme) => theme is null ? int.MaxValue : Themes.All.ToList().IndexOf(theme) is var i and >= 0 ? i : Themes.All.Count;

    /// <summary>
    /// The headline cards: one per indicator of the economy's set (its shown variant), in theme order; for an economy without a
    /// set, the configured Dashboard:Headline ids, else its macro series with lights first.
    /// </summary>
    public IReadOnlyList<HeadlineCard> Headlines(EconomyContext context, string economy, int count = 12)
    {
        var ids = HeadlineIds(context, economy, count);
        if (ids.Count == 0) return [];
        var values = ids.Cast<object>().ToArray();
        var cards = Sql.Rows(store, $"""
            WITH ranked AS (
              SELECT series_id, period, value, row_number() OVER (PARTITION BY series_id ORDER BY period DESC) AS rn FROM current_observations
              WHERE series_id IN ({Sql.Placeholders(ids.Count)})),
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

    private List<string> HeadlineIds(EconomyContext context, string economy, int count)
    {
        var present = context.Catalogue.Select(s => s.SeriesId).ToHashSet(StringComparer.Ordinal);
        if (context.Sets.For(economy) is { } set)
            return set.Members.Where(m => present.Contains(m.SeriesId)).OrderBy(m => ThemeOrder(m.Theme)).Select(m => m.SeriesId).ToList();
        if (configuration.GetSection("Dashboard:Headline").Get<string[]>() is { Length: > 0 } configured)
            return configured.Where(present.Contains).ToList();
        var candidates = context.Catalogue.Where(s => s.Economy == economy && s.Domain == "macro").Select(s => s.SeriesId).ToList();
        if (candidates.Count == 0) return [];
        var lit = Sql.Rows(store, $"SELECT DISTINCT series_id FROM signal_lights WHERE series_id IN ({Sql.Placeholders(candidates.Count)})",
            r => r.GetString(0), candidates.Cast<object>().ToArray()).ToHashSet(StringComparer.Ordinal);
        return candidates.OrderBy(id => lit.Contains(id) ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal).Take(count).ToList();
    }

    /// <summary>The latest reading of the economy's 预警指数 and its turning points.</summary>
    public IndexSummary Index(string economy)
    {
        var code = CompositeAnalysis.WarningIndexCode(economy);
        using var connection = store.Open();
        var latest = Sql.Rows(connection, "SELECT period, value, colour FROM composite_readings WHERE index_code = $1 ORDER BY period DESC LIMIT 1",
            r => (Period: r.Day(0), Value: r.GetDouble(1), Colour: r.Text(2)), code).FirstOrDefault();
        var turns = Sql.Rows(connection, "SELECT period, kind FROM turning_points WHERE index_code = $1 ORDER BY period DESC LIMIT 6",
            r => new TurningPoint(r.Day(0), r.GetString(1)), code);
        return new IndexSummary(code, latest == default ? null : latest.Period, latest == default ? null : latest.Value, latest.Colour, turns);
    }

    /// <summary>The largest contributors to an index in its latest period (what moves the composite).</summary>
    public IReadOnlyList<Contributor> TopContributors(string indexCode = WarningIndex, int count = 8) => Sql.Rows(store, """
        SELECT c.series_id, s.name, s.name_zh, c.contribution FROM composite_contributions c LEFT JOIN series s USING (series_id)
        WHERE c.index_code = $1 AND c.period = (SELECT max(period) FROM composite_contributions WHERE index_code = $1)
        ORDER BY abs(c.contribution) DESC LIMIT $2
        """, r => new Contributor(r.GetString(0), r.Text(1) ?? r.GetString(0), r.Text(2), r.GetDouble(3)), indexCode, count);

    /// <summary>The economy's unresolved alert groups by priority (severity × weight in its set): the first <paramref name="count"/> and how many more.</summary>
    public AlertGroupList TopAlertGroups(string economy, int count = 10)
    {
        var groups = Sql.Rows(store, $"""
            SELECT group_key, group_kind, label, label_zh, open_members, priority, severity_rank, last_opened, last_period,
                   count(*) OVER () AS total
            FROM ({AlertGroupSql.Groups}) g WHERE economy = $1 AND open_members > 0
            ORDER BY priority DESC, last_opened DESC, group_key LIMIT $2
            """, r => (Group: new AlertGroupLine(r.GetString(0), r.GetString(1), r.GetString(2), r.Text(3), r.Count(4), r.GetDouble(5),
                AlertGroupLine.SeverityOf(r.Count(6)), r.Time(7), r.IsDBNull(8) ? null : r.Day(8)), Total: r.Count(9)), economy, count);
        return new AlertGroupList(groups.Select(g => g.Group).ToList(), groups.Count == 0 ? 0 : groups[0].Total - groups.Count);
    }

    /// <summary>
    /// Per ingest source: its dataset name, last successful run, last status, series count; and for the economy's set
    /// members their latest period against the release calendar (on time, late, stopped).
    /// </summary>
    public IReadOnlyList<SourceFreshness> Freshness() => Sql.Rows(store, """
        WITH runs AS (
          SELECT source, max(finished_at) FILTER (WHERE status = 'succeeded') AS last_ok, arg_max(status, started_at) AS last_status,
                 arg_max(rows_rejected, started_at) AS rejected
          FROM ingest_runs GROUP BY source),
        counts AS (SELECT source, count(*) AS n, string_agg(DISTINCT dataset, ', ' ORDER BY dataset) AS datasets FROM series WHERE source IS NOT NULL GROUP BY source)
        SELECT coalesce(runs.source, counts.source), runs.last_ok, runs.last_status, coalesce(counts.n, 0), coalesce(runs.rejected, 0), counts.datasets
        FROM runs FULL JOIN counts ON runs.source = counts.source ORDER BY coalesce(counts.datasets, runs.source)
        """, r => new SourceFreshness(r.GetString(0), r.Time(1), r.Text(2), r.Count(3), r.Count(4), r.Text(5)));

    /// <summary>The latest period of each indicator of the economy's set and whether it is on time, late or stopped.</summary>
    public IReadOnlyList<MemberFreshness> SetFreshness(EconomyContext context, string economy)
    {
        if (context.Sets.For(economy) is not { } set) return [];
        var byId = context.Catalogue.ToDictionary(s => s.SeriesId, StringComparer.Ordinal);
        var ids = set.Members.Select(m => m.SeriesId).Where(byId.ContainsKey).ToList();
        var latest = ids.Count == 0 ? [] : Sql.Rows(store, $"""
            SELECT series_id, max(period) FROM current_observations WHERE series_id IN ({Sql.Placeholders(ids.Count)}) GROUP BY series_id
            """, r => (Id: r.GetString(0), Period: r.Day(1)), ids.Cast<object>().ToArray()).ToDictionary(x => x.Id, x => x.Period, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var calendar = Monitor.Core.RealTime.ReleaseCalendar.Load(store);
        return set.Members.Select(m => byId.TryGetValue(m.SeriesId, out var info)
            ? new MemberFreshness(m.SeriesId, info.Name, info.NameZh, info.Dataset, latest.TryGetValue(m.SeriesId, out var p) ? p : null,
                latest.TryGetValue(m.SeriesId, out var q) ? ReleaseStatus.Of(calendar.For(info), q, today) : ReleaseState.Missing)
            : new MemberFreshness(m.SeriesId, m.SeriesId, null, null, null, ReleaseState.Missing)).ToList();
    }
}

/// <summary>The signal-light board: month columns, the set's rows (grouped by theme) and the economy's other indicators.</summary>
public sealed record LightBoard(IReadOnlyList<DateOnly> Periods, IReadOnlyList<LightRow> Rows, IReadOnlyList<LightRow> Others);

/// <summary>One indicator's row of the light board; Theme is null outside the set.</summary>
public sealed record LightRow(string SeriesId, string Name, string? NameZh, IReadOnlyDictionary<DateOnly, LightCell> Cells, string? Theme = null);

/// <summary>One month's light: points, colour and the metric behind it.</summary>
public sealed record LightCell(int Points, string Colour, double? Metric);

/// <summary>A headline indicator card: latest value, its change, light.</summary>
public sealed record HeadlineCard(string SeriesId, string Name, string? NameZh, string? Unit, DateOnly? Period, double? Value, int? Points, string? Colour,
    double? Previous = null)
{
    /// <summary>The change since the previous period: percentage points for a rate, per cent for a level.</summary>
    public Change? Change => SeriesChange.Between(Previous, Value, SeriesChange.InPoints(SeriesId, Name, NameZh, Unit));
}

/// <summary>The latest reading of an economy's 预警指数 (index_code) and its recent turning points.</summary>
public sealed record IndexSummary(string Code, DateOnly? Period, double? Value, string? Colour, IReadOnlyList<TurningPoint> TurningPoints);

/// <summary>A peak or trough of a composite index.</summary>
public sealed record TurningPoint(DateOnly Period, string Kind);

/// <summary>A series and its contribution to the latest 预警指数.</summary>
public sealed record Contributor(string SeriesId, string Name, string? NameZh, double Contribution);

/// <summary>The top alert groups and how many unresolved groups are not shown.</summary>
public sealed record AlertGroupList(IReadOnlyList<AlertGroupLine> Groups, long More);

/// <summary>One alert group (AlertGroupSql.Groups): its key, kind, label, unresolved members, priority, worst severity.</summary>
public sealed record AlertGroupLine(string Key, string Kind, string Label, string? LabelZh, long OpenMembers, double Priority, string Severity,
    DateTime? LastOpened, DateOnly? LastPeriod)
{
    public static string SeverityOf(long rank) => rank switch { >= 3 => "critical", 2 => "warning", _ => "info" };
}

/// <summary>An ingest source: its datasets, last success, last status, series count, rejected rows.</summary>
public sealed record SourceFreshness(string Source, DateTime? LastSucceeded, string? LastStatus, long SeriesCount, long RejectedLastRun, string? Datasets = null)
{
    /// <summary>What the reader sees: the dataset name (the source name only when it wrote no series).</summary>
    public string DisplayName => Datasets ?? Source;
}

/// <summary>A set member's latest period and its release status.</summary>
public sealed record MemberFreshness(string SeriesId, string Name, string? NameZh, string? Dataset, DateOnly? Latest, ReleaseState State);
