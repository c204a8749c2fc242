using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.Store;

namespace Monitor.Core.RealTime;

/// <summary>
/// The release calendar: publication-lag rules per dataset, code pattern and frequency (table <c>release_rules</c>) and
/// explicit release dates a source states (table <c>release_dates</c>), both in the store (Core schema script
/// 003_release_calendar.sql, which also holds the documented defaults). <see cref="For(string, string, Frequency)"/>
/// gives a series' <see cref="ReleaseSchedule"/>; <see cref="AsOf"/> uses it to answer "what was known on date D".
/// </summary>
public sealed class ReleaseCalendar
{
    private static readonly Lazy<ReleaseCalendar> LazyDefaults = new(LoadDefaults);
    private readonly IReadOnlyList<ReleaseRule> _rules;
    private readonly IReadOnlyList<(string Dataset, string CodePattern, DateOnly Period, DateOnly Released)> _dates;
    private readonly Dictionary<(string, string, Frequency), ReleaseSchedule> _cache = [];
    private readonly Lock _gate = new();

    public ReleaseCalendar(IReadOnlyList<ReleaseRule> rules, IReadOnlyList<(string Dataset, string CodePattern, DateOnly Period, DateOnly Released)>? dates = null)
    {
        _rules = rules;
        _dates = dates ?? [];
    }

    /// <summary>The rules of the calendar, as stored.</summary>
    public IReadOnlyList<ReleaseRule> Rules => _rules;

    /// <summary>The calendar the schema script installs (for evaluations on dataset files, outside any store).</summary>
    public static ReleaseCalendar Defaults => LazyDefaults.Value;

    /// <summary>
    /// The schedule of one series: the most specific matching rule, plus the explicit dates that name it. A derived
    /// series (<c>CODE__method</c>) follows its parent's calendar.
    /// </summary>
    public ReleaseSchedule For(string dataset, string code, Frequency frequency)
    {
        if (code.IndexOf("__", StringComparison.Ordinal) is > 0 and var cut) code = code[..cut];
        lock (_gate)
        {
            if (_cache.TryGetValue((dataset, code, frequency), out var known)) return known;
            var rule = _rules.Select(r => (Rule: r, Rank: r.Match(dataset, code, frequency))).Where(r => r.Rank is not null)
                .OrderByDescending(r => r.Rank).Select(r => r.Rule).FirstOrDefault()
                ?? throw new InvalidOperationException($"release calendar: no rule for {dataset}:{code} ({frequency.Code()}); release_rules needs a ('*', '*', '{frequency.Code()}') row");
            var dates = _dates.Select(d => (d.Period, d.Released, Rank: ReleaseRule.Specificity(d.Dataset, d.CodePattern, dataset, code)))
                .Where(d => d.Rank is not null).GroupBy(d => d.Period)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Rank).First().Released);
            return _cache[(dataset, code, frequency)] = new ReleaseSchedule(rule, frequency, dates);
        }
    }

    /// <summary>The schedule of a catalogued series.</summary>
    public ReleaseSchedule For(SeriesInfo series) => For(series.Dataset, series.Code, series.Frequency);

    /// <summary>Reads the calendar from the store.</summary>
    public static ReleaseCalendar Load(DuckDBConnection connection)
    {
        var rules = new List<ReleaseRule>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT dataset, code_pattern, frequency, lag_months, release_day, lag_days, merge_jan_feb, note FROM release_rules";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rules.Add(new ReleaseRule(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }
        var dates = new List<(string, string, DateOnly, DateOnly)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT dataset, code_pattern, period, released_on FROM release_dates";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                dates.Add((reader.GetString(0), reader.GetString(1), DateOnly.FromDateTime(reader.GetDateTime(2)), DateOnly.FromDateTime(reader.GetDateTime(3))));
            }
        }
        return new ReleaseCalendar(rules, dates);
    }

    /// <summary>Reads the calendar of a store.</summary>
    public static ReleaseCalendar Load(MonitorStore store)
    {
        using var connection = store.Open();
        return Load(connection);
    }

    private static ReleaseCalendar LoadDefaults()
    {
        using var store = new MonitorStore(new StoreOptions { Path = ":memory:", MemoryLimit = "256MB" });
        return Load(store);
    }
}
