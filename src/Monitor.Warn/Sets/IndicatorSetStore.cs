using DuckDB.NET.Data;
using Microsoft.Extensions.Options;
using Monitor.Core.Store;

namespace Monitor.Warn.Sets;

/// <summary>
/// The indicator sets in force: the configured ones (Warn:IndicatorSets, else <see cref="DefaultIndicatorSets"/>), each
/// replaced by its latest version saved on the admin page when that version is higher. Saving never overwrites: it adds a version.
/// </summary>
public sealed class IndicatorSetStore(MonitorStore store, IOptions<WarnOptions> options, TimeProvider clock)
{
    public IReadOnlyList<IndicatorSet> Current()
    {
        var saved = Saved();
        return Configured().Select(c => saved.TryGetValue(c.Code, out var s) && s.Version > c.Version ? s : c)
            .Concat(saved.Values.Where(s => Configured().All(c => c.Code != s.Code))).ToList();
    }

    /// <summary>Saves <paramref name="set"/> as the next version of its code; returns that version.</summary>
    public int Save(IndicatorSet set, string actor)
    {
        IndicatorSetValidator.ThrowIfInvalid(set);
        var configured = Configured().FirstOrDefault(c => c.Code == set.Code)?.Version ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        return store.InTransaction((connection, transaction) =>
        {
            using var max = connection.CreateCommand();
            max.Transaction = transaction;
            max.CommandText = "SELECT coalesce(max(version), 0) FROM indicator_sets WHERE set_code = $1";
            max.Parameters.Add(new DuckDBParameter(set.Code));
            var version = Math.Max(configured, Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)) + 1;
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO indicator_sets VALUES ($1, $2, $3, $4, $5, $6, $7)";
            foreach (var value in new object?[] { set.Code, version, set.Economy, set.Name, set.NameZh, actor, now })
                insert.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
            insert.ExecuteNonQuery();
            using var members = connection.CreateAppender("indicator_set_members");
            for (var i = 0; i < set.Members.Count; i++)
            {
                var m = set.Members[i];
                members.CreateRow().AppendValue(set.Code).AppendValue(version).AppendValue(i).AppendValue(m.SeriesId).AppendValue(m.Theme)
                    .AppendValue(m.Weight).AppendValue(m.CounterCyclical).AppendValue(m.Family).EndRow();
            }
            return version;
        });
    }

    /// <summary>The versions of <paramref name="code"/> saved in the store, newest first (the configured version is not among them).</summary>
    public IReadOnlyList<IndicatorSetVersion> Versions(string code)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.version, s.saved_by, s.saved_at, count(m.position) FROM indicator_sets s
            LEFT JOIN indicator_set_members m USING (set_code, version)
            WHERE s.set_code = $1 GROUP BY ALL ORDER BY s.version DESC
            """;
        command.Parameters.Add(new DuckDBParameter(code));
        using var reader = command.ExecuteReader();
        var versions = new List<IndicatorSetVersion>();
        while (reader.Read()) versions.Add(new IndicatorSetVersion(reader.GetInt32(0), reader.GetString(1), reader.GetDateTime(2), Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)));
        return versions;
    }

    /// <summary>
    /// Version <paramref name="version"/> of set <paramref name="code"/>: a saved version, or the configured one when its
    /// number is asked; null when there is no such version. The admin page loads it into the editor to restore it.
    /// </summary>
    public IndicatorSet? Version(string code, int version) =>
        Saved(code, version).GetValueOrDefault(code) ?? Configured().FirstOrDefault(c => c.Code == code && c.Version == version);

    private IReadOnlyList<IndicatorSet> Configured() =>
        options.Value.IndicatorSets.Count > 0 ? options.Value.IndicatorSets : DefaultIndicatorSets.All;

    /// <summary>The newest saved version of each set; with <paramref name="code"/> and <paramref name="version"/>, that version only.</summary>
    private Dictionary<string, IndicatorSet> Saved(string code = "", int version = -1)
    {
        const string chosen = "SELECT set_code, max(version) AS version FROM indicator_sets WHERE ($1 = '' OR set_code = $1) AND ($2 < 0 OR version = $2) GROUP BY set_code";
        using var connection = store.Open();
        var sets = Sql.Rows(connection, $"SELECT set_code, version, economy, name, name_zh FROM indicator_sets JOIN ({chosen}) v USING (set_code, version)",
            r => new IndicatorSet { Code = r.GetString(0), Version = r.GetInt32(1), Economy = r.GetString(2), Name = r.GetString(3), NameZh = r.Text(4) ?? "" },
            code, version).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var members = Sql.Rows(connection, $"""
            SELECT m.set_code, m.series_id, m.theme, m.weight, m.counter_cyclical, m.family FROM indicator_set_members m
            JOIN ({chosen}) v USING (set_code, version)
            ORDER BY m.set_code, m.position
            """,
            r => (Code: r.GetString(0), Member: new IndicatorSetMember
            {
                SeriesId = r.GetString(1), Theme = r.GetString(2), Weight = r.GetDouble(3), CounterCyclical = r.GetBoolean(4), Family = r.Text(5),
            }),
            code, version);
        foreach (var (setCode, member) in members) sets[setCode].Members.Add(member);
        return sets;
    }
}

/// <summary>One saved version of a set: its number, who saved it and when (UTC), how many indicators it has.</summary>
public sealed record IndicatorSetVersion(int Version, string SavedBy, DateTime SavedAt, int Members);
