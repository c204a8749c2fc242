using DuckDB.NET.Data;
using Monitor.Core.Domain;
using Monitor.Core.RealTime;
using Monitor.Core.Store;

namespace Monitor.Ingest.Vintage;

/// <summary>
/// known_from for a first load of history. A file carries no vintage information, so a series the store has never
/// held gets, for each period, the release date its <see cref="ReleaseCalendar"/> gives (never later than the load);
/// series already stored keep the load time for new and revised values. Computed per (schedule, period), not per row,
/// into two temporary tables that the merge joins: <see cref="StagingTables.ReleaseGroups"/> (sidx → schedule) and
/// <see cref="StagingTables.Releases"/> (schedule, period → known_from).
/// </summary>
internal static class ReleaseStamps
{
    public static void Stage(DuckDBConnection connection, DuckDBTransaction transaction, string dataset, IReadOnlyList<StagedSeries> staged)
    {
        Sql.Execute(connection, transaction, $"""
            CREATE OR REPLACE TEMP TABLE {StagingTables.ReleaseGroups} (sidx INTEGER NOT NULL, grp INTEGER NOT NULL);
            CREATE OR REPLACE TEMP TABLE {StagingTables.Releases} (grp INTEGER NOT NULL, period DATE NOT NULL, known_from TIMESTAMP NOT NULL);
            """);
        var stored = StoredSeries(connection, transaction);
        var calendar = ReleaseCalendar.Load(connection);
        var schedules = new List<ReleaseSchedule>();
        using (var appender = connection.CreateAppender("temp", "main", StagingTables.ReleaseGroups))
        {
            for (var sidx = 0; sidx < staged.Count; sidx++)
            {
                if (stored.Contains(sidx)) continue;
                var spec = staged[sidx].Spec;
                var schedule = calendar.For(dataset, spec.Code, FrequencyExtensions.ParseFrequency(spec.Frequency));
                var group = schedules.IndexOf(schedule);
                if (group < 0) { group = schedules.Count; schedules.Add(schedule); }
                appender.CreateRow().AppendValue(sidx).AppendValue(group).EndRow();
            }
        }
        if (schedules.Count == 0) return;
        var periods = GroupPeriods(connection, transaction);
        using var releases = connection.CreateAppender("temp", "main", StagingTables.Releases);
        foreach (var (group, period) in periods)
        {
            releases.CreateRow().AppendValue(group).AppendValue(period).AppendValue(schedules[group].KnownFrom(period)).EndRow();
        }
    }

    /// <summary>The known_from of a merged row: its release for a first load, else the run's time (never later than it).</summary>
    public const string KnownFromExpression = "least($1, coalesce(rel.known_from, $1))";

    /// <summary>Joins that bring rel.known_from to rows with columns sidx and period.</summary>
    public static readonly string Join = $"""
        LEFT JOIN {StagingTables.ReleaseGroups} grp ON grp.sidx = o.sidx
        LEFT JOIN {StagingTables.Releases} rel ON rel.grp = grp.grp AND rel.period = o.period
        """;

    private static HashSet<int> StoredSeries(DuckDBConnection connection, DuckDBTransaction transaction)
    {
        using var command = Sql.Command(connection, transaction, $"""
            SELECT s.sidx FROM {StagingTables.Series} s WHERE EXISTS (SELECT 1 FROM observations x WHERE x.series_id = s.series_id)
            """);
        using var reader = command.ExecuteReader();
        var result = new HashSet<int>();
        while (reader.Read()) result.Add(reader.GetInt32(0));
        return result;
    }

    private static List<(int Group, DateOnly Period)> GroupPeriods(DuckDBConnection connection, DuckDBTransaction transaction)
    {
        using var command = Sql.Command(connection, transaction, $"""
            SELECT DISTINCT g.grp, o.period FROM {StagingTables.Observations} o JOIN {StagingTables.ReleaseGroups} g USING (sidx)
            """);
        using var reader = command.ExecuteReader();
        var result = new List<(int, DateOnly)>();
        while (reader.Read()) result.Add((reader.GetInt32(0), DateOnly.FromDateTime(reader.GetDateTime(1))));
        return result;
    }
}
