using DuckDB.NET.Data;

namespace Monitor.Core.Store;

/// <summary>Applies schema scripts that have not run yet, each in its own transaction.</summary>
internal static class SchemaMigrator
{
    public static void Apply(DuckDBConnection connection, IEnumerable<SchemaScript> scripts)
    {
        Sql.Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                module VARCHAR NOT NULL, version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
                PRIMARY KEY (module, version))
            """);
        var applied = AppliedVersions(connection);
        foreach (var script in scripts.DistinctBy(s => (s.Module, s.Version)).OrderBy(s => s.Module == "core" ? 0 : 1).ThenBy(s => s.Module, StringComparer.Ordinal).ThenBy(s => s.Version))
        {
            if (applied.Contains((script.Module, script.Version))) continue;
            using var transaction = connection.BeginTransaction();
            Sql.Execute(connection, transaction, script.Sql);
            Sql.Execute(connection, transaction, "INSERT INTO schema_migrations (module, version) VALUES ($1, $2)", script.Module, script.Version);
            transaction.Commit();
        }
    }

    private static HashSet<(string, int)> AppliedVersions(DuckDBConnection connection)
    {
        var result = new HashSet<(string, int)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT module, version FROM schema_migrations";
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add((reader.GetString(0), reader.GetInt32(1)));
        return result;
    }
}
