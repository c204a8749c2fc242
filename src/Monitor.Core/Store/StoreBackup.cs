using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Monitor.Core.Store;

/// <summary>
/// Backup and restore of the DuckDB store as a folder (DuckDB's EXPORT DATABASE: schema.sql, load.sql and one Parquet
/// file per table). The export runs in one transaction, so it is a consistent copy even while jobs write; the process that
/// owns the store makes it (the host, or the command line when no host runs). A restore builds a new file beside the
/// target and swaps it in, keeping the replaced file; it refuses a store that another process holds.
/// </summary>
public static class StoreBackup
{
    /// <summary>The file that marks a folder as a Monitor backup, with the row count of every table when it was made.</summary>
    public const string ManifestFile = "monitor-backup.json";

    public static BackupManifest Export(MonitorStore store, string folder, TimeProvider clock)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new IOException($"backup folder {folder} is not empty; choose a new folder");
        Directory.CreateDirectory(folder);
        using var connection = store.Open();
        Sql.Execute(connection, null, "CHECKPOINT");
        using var transaction = connection.BeginTransaction();
        var tables = RowCounts(connection, transaction);
        Sql.Execute(connection, transaction, $"EXPORT DATABASE {SqlIdentifier.Literal(folder)} (FORMAT parquet)");
        var sequences = SequenceValues(connection, transaction);
        transaction.Commit();
        var manifest = new BackupManifest(clock.GetUtcNow().UtcDateTime, store.DatabasePath, tables, sequences);
        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, ManifestJson));
        return manifest;
    }

    /// <summary>Restores <paramref name="folder"/> into <paramref name="databasePath"/>; returns where the replaced file was kept, if any.</summary>
    public static string? Restore(string folder, string databasePath, TimeProvider clock)
    {
        folder = Path.GetFullPath(folder);
        var manifest = ReadManifest(folder);
        EnsureNotInUse(databasePath);
        var building = databasePath + ".restoring";
        DeleteStoreFiles(building);
        using (var connection = new DuckDBConnection($"Data Source={building}"))
        {
            connection.Open();
            Sql.Execute(connection, null, $"IMPORT DATABASE {SqlIdentifier.Literal(folder)}");
            RestoreSequences(connection, manifest.Sequences);
            var restored = RowCounts(connection, null);
            foreach (var (table, rows) in manifest.Tables)
                if (restored.GetValueOrDefault(table, -1) != rows)
                    throw new InvalidDataException($"backup {folder}: table {table} has {restored.GetValueOrDefault(table, -1)} rows after import, the manifest says {rows}");
            Sql.Execute(connection, null, "CHECKPOINT");
        }
        string? kept = null;
        if (File.Exists(databasePath))
        {
            kept = $"{databasePath}.before-restore-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
            File.Move(databasePath, kept);
            if (File.Exists(databasePath + ".wal")) File.Move(databasePath + ".wal", kept + ".wal");
        }
        File.Move(building, databasePath);
        return kept;
    }

    public static BackupManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{folder} is not a Monitor backup: {ManifestFile} is missing", path);
        return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), ManifestJson)
            ?? throw new InvalidDataException($"{path}: empty manifest");
    }

    /// <summary>Row counts of every base table (what a backup must hold, and what tests compare).</summary>
    public static Dictionary<string, long> RowCounts(DuckDBConnection connection, DuckDBTransaction? transaction)
    {
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY table_name";
            using var reader = command.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private static void EnsureNotInUse(string databasePath)
    {
        if (!File.Exists(databasePath)) return;
        try
        {
            using var probe = new DuckDBConnection($"Data Source={databasePath}");
            probe.Open();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreUnavailableException($"store {databasePath} is in use by another process (stop the Monitor host first); nothing was restored", ex);
        }
    }

    /// <summary>Sequence values as the export saw them (DuckDB's export re-creates sequences at their start value).</summary>
    private static Dictionary<string, long> SequenceValues(DuckDBConnection connection, DuckDBTransaction transaction)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE database_name = current_database() AND last_value IS NOT NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read()) values[reader.GetString(0)] = reader.GetInt64(1);
        return values;
    }

    private static void RestoreSequences(DuckDBConnection connection, IReadOnlyDictionary<string, long> sequences)
    {
        foreach (var (name, last) in sequences)
        {
            var quoted = $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            Sql.Execute(connection, null, $"DROP SEQUENCE IF EXISTS {quoted}");
            Sql.Execute(connection, null, $"CREATE SEQUENCE {quoted} START {last + 1}");
        }
    }

    private static void DeleteStoreFiles(string path)
    {
        if (File.Exists(path)) File.Delete(path);
        if (File.Exists(path + ".wal")) File.Delete(path + ".wal");
    }



    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}

/// <summary>What a backup folder holds: when and from where it was made, each table's row count, each sequence's last value.</summary>
public sealed record BackupManifest(DateTime CreatedAt, string Source, Dictionary<string, long> Tables, Dictionary<string, long> Sequences);
