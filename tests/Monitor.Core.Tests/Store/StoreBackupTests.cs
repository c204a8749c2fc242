using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Core.Tests.Store;

/// <summary>A backup restored into a new file holds exactly what the store held, and ids go on where they stopped.</summary>
[TestClass]
public sealed class StoreBackupTests
{
    [TestMethod]
    public void Backup_then_restore_gives_the_same_contents_and_sequences_continue()
    {
        using var source = TestStore.OnDisk();
        Fill(source.Store);
        var backup = Path.Combine(source.Folder!, "backup");
        var target = Path.Combine(source.Folder!, "restored.duckdb");

        var manifest = StoreBackup.Export(source.Store, backup, TimeProvider.System);
        StoreBackup.Restore(backup, target, TimeProvider.System);

        using var restored = new MonitorStore(new StoreOptions { Path = target, MemoryLimit = "256MB" });
        CollectionAssert.AreEquivalent(Contents(source.Store).ToList(), Contents(restored).ToList());
        Assert.AreEqual(3L, manifest.Tables["job_runs"]);
        using var connection = restored.Open();
        Assert.AreEqual(4L, MonitorStore.NextId(connection, "job_run_seq"), "the next id follows the last one used before the backup");
    }

    [TestMethod]
    public void Restoring_over_a_store_keeps_the_replaced_file()
    {
        using var source = TestStore.OnDisk();
        Fill(source.Store);
        var backup = Path.Combine(source.Folder!, "backup");
        StoreBackup.Export(source.Store, backup, TimeProvider.System);
        var target = Path.Combine(source.Folder!, "other.duckdb");
        using (var other = new MonitorStore(new StoreOptions { Path = target, MemoryLimit = "256MB" })) other.EnsureOpen();

        var kept = StoreBackup.Restore(backup, target, TimeProvider.System);

        Assert.IsNotNull(kept);
        Assert.IsTrue(File.Exists(kept), kept);
    }

    [TestMethod]
    public void A_backup_never_writes_into_a_folder_that_holds_files()
    {
        using var source = TestStore.OnDisk();
        var backup = Path.Combine(source.Folder!, "backup");
        Directory.CreateDirectory(backup);
        File.WriteAllText(Path.Combine(backup, "keep.txt"), "someone's file");

        var error = Assert.ThrowsExactly<IOException>(() => StoreBackup.Export(source.Store, backup, TimeProvider.System));

        StringAssert.Contains(error.Message, "not empty");
        Assert.AreEqual(1, Directory.GetFiles(backup).Length);
    }

    [TestMethod]
    public void A_folder_that_is_not_a_backup_is_refused_and_the_store_left_alone()
    {
        var folder = TempFolder.Create();
        try
        {
            var target = Path.Combine(folder, "monitor.duckdb");
            File.WriteAllText(target, "stands for a store");

            var error = Assert.ThrowsExactly<FileNotFoundException>(() => StoreBackup.Restore(folder, target, TimeProvider.System));

            StringAssert.Contains(error.Message, StoreBackup.ManifestFile);
            Assert.AreEqual("stands for a store", File.ReadAllText(target));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static void Fill(MonitorStore store)
    {
        using var connection = store.Open();
        for (var i = 0; i < 3; i++)
        {
            var id = MonitorStore.NextId(connection, "job_run_seq");
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO job_runs VALUES ($1, 'forecast', TIMESTAMP '2026-01-01 06:00:00', TIMESTAMP '2026-01-01 06:01:00', 'succeeded', '季度 ''ok''')";
            command.Parameters.Add(new DuckDBParameter(id));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Every table's rows as text, for comparing two stores.</summary>
    private static IEnumerable<string> Contents(MonitorStore store)
    {
        using var connection = store.Open();
        foreach (var table in StoreBackup.RowCounts(connection, null).Keys.Where(t => t != "schema_migrations"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT CAST(t AS VARCHAR) FROM \"{table}\" t ORDER BY ALL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return table + ": " + reader.GetString(0);
        }
    }
}
