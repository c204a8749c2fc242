using System.Security.Cryptography;
using Monitor.Core.Store;
using Monitor.Present.Export.Query;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

/// <summary>`monitor query` runs in a sandbox: read-only file, no file functions, no extensions, configuration locked, no WAL merge.</summary>
[TestClass]
public sealed class QuerySandboxTests
{
    private string _folder = null!;
    private string _path = null!;
    private string _jobs = null!;

    [TestInitialize]
    public void CreateStoreWithAWriteAheadLog()
    {
        _folder = TempFolder.Create();
        _path = Path.Combine(_folder, "monitor.duckdb");
        _jobs = Path.Combine(_folder, "jobs.db"); // the job database beside the store, which the query must not read
        File.WriteAllText(_jobs, "job storage");
        using var writer = new MonitorStore(new StoreOptions { Path = _path, MemoryLimit = "256MB" });
        using var connection = writer.Open();
        using var command = connection.CreateCommand();
        // Leave the last change in the write-ahead log, as a host killed before its checkpoint would.
        command.CommandText = "CHECKPOINT; PRAGMA disable_checkpoint_on_shutdown; SET wal_autocheckpoint = '1TB'; " +
                              "INSERT INTO job_runs (job_run_id, job_key, started_at, status) VALUES (1, 'test', now(), 'succeeded')";
        command.ExecuteNonQuery();
    }

    [TestCleanup]
    public void Delete() => TempFolder.Delete(_folder);

    [TestMethod]
    [DataRow("SELECT * FROM read_csv('/etc/passwd')")]
    [DataRow("SELECT * FROM read_text('/etc/hostname')")]
    [DataRow("SELECT * FROM read_blob('{jobs}')")]
    [DataRow("SELECT * FROM glob('/*')")]
    [DataRow("SELECT * FROM read_parquet('/tmp/*.parquet')")]
    public void File_functions_are_refused_with_a_one_line_reason(string sql)
    {
        var refused = Assert.ThrowsExactly<QueryRejectedException>(() => Run(sql.Replace("{jobs}", _jobs, StringComparison.Ordinal)));

        StringAssert.StartsWith(refused.Message, "queries may read only the store");
        Assert.IsFalse(refused.Message.Contains('\n', StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_query_longer_than_the_limit_is_refused_before_it_is_parsed()
    {
        var sql = "SELECT 1 AS x" + new string(' ', ReadOnlyQuery.MaxSqlLength);

        var refused = Assert.ThrowsExactly<QueryRejectedException>(() => Run(sql));

        StringAssert.Contains(refused.Message, $"at most {ReadOnlyQuery.MaxSqlLength}");
    }

    [TestMethod]
    public void The_sandbox_settings_are_on_and_locked()
    {
        var settings = Run("SELECT current_setting('enable_external_access') AS external, current_setting('autoinstall_known_extensions') AS install, " +
                           "current_setting('autoload_known_extensions') AS autoload, current_setting('lock_configuration') AS locked, " +
                           "current_setting('access_mode') AS mode");

        Assert.AreEqual("external,install,autoload,locked,mode\r\nfalse,false,false,true,read_only\r\n", settings.ToLowerInvariant());
    }

    [TestMethod]
    public void The_query_reads_the_logged_change_but_does_not_merge_the_log_into_the_file()
    {
        var wal = _path + ".wal";
        Assert.IsTrue(File.Exists(wal), "set-up: the last change is still in the write-ahead log");
        var before = Hash(_path);

        var rows = Run("SELECT job_key FROM job_runs");

        Assert.AreEqual("job_key\r\ntest\r\n", rows);
        Assert.IsTrue(File.Exists(wal), "the log is still there");
        Assert.AreEqual(before, Hash(_path), "the store file is byte for byte unchanged");
    }

    private string Run(string sql)
    {
        using var store = new MonitorStore(new StoreOptions { Path = _path, MemoryLimit = "256MB" });
        var output = new StringWriter();
        new ReadOnlyQuery(store).WriteCsv(sql, output);
        return output.ToString();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
