using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core.Jobs;
using Monitor.Testing;
using Npgsql;

namespace Monitor.Jobs.Tests;

/// <summary>Two Hangfire servers sharing PostgreSQL job storage: the way the pipeline grows past one machine.</summary>
[TestClass]
public sealed class SharedPostgresStorageTests
{
    private const string DefaultConnection = "Host=/var/run/postgresql;Username=root;Database=postgres;Pooling=false";

    [TestMethod]
    public async Task TwoServersRunEachStageExactlyOnceAndNeverTwoStagesAtOnce()
    {
        var connectionString = Environment.GetEnvironmentVariable("MONITOR_TEST_POSTGRES") ?? DefaultConnection;
        if (!await ScaleBench.ScaleHarness.CanConnect(connectionString)) CiRequirement.Missing("no PostgreSQL server reachable (.ci/install.sh starts one; or set MONITOR_TEST_POSTGRES)");

        var schema = "hangfire_test_" + Guid.NewGuid().ToString("N")[..8];
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { SchemaName = schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromMilliseconds(200) });
        using var test = TestStore.InMemory();
        var journal = new OverlapJournal();
        var keys = Enumerable.Range(1, 6).Select(i => $"stage-{i}").ToArray();
        var runner = new JobRunner(keys.Select(k => new SlowJob(k, journal)), new JobRunLog(test.Store, TimeProvider.System), NullLogger<JobRunner>.Instance);
        var client = new BackgroundJobClient(storage);
        var activator = new DispatcherActivator(runner, client);
        try
        {
            foreach (var key in keys) client.Enqueue<JobDispatcher>(d => d.RunStage(key, CancellationToken.None));
            using (var first = new BackgroundJobServer(ServerOptions(activator, "server-a"), storage))
            using (var second = new BackgroundJobServer(ServerOptions(activator, "server-b"), storage))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline && journal.Completed.Count < keys.Length) await Task.Delay(100);
            }

            CollectionAssert.AreEquivalent(keys, journal.Completed.ToArray(), "every stage ran exactly once");
            Assert.AreEqual(1, journal.MaxConcurrent, "pipeline stages are serialised across servers");
        }
        finally
        {
            await DropSchema(connectionString, schema);
        }
    }

    private static BackgroundJobServerOptions ServerOptions(JobActivator activator, string name) =>
        new() { Activator = activator, WorkerCount = 2, ServerName = name, SchedulePollingInterval = TimeSpan.FromMilliseconds(200) };

    private static async Task DropSchema(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class OverlapJournal
    {
        private int _running;

        public List<string> Completed { get; } = [];

        public int MaxConcurrent { get; private set; }

        public IDisposable Enter()
        {
            lock (this) MaxConcurrent = Math.Max(MaxConcurrent, ++_running);
            return new Exit(this);
        }

        private sealed class Exit(OverlapJournal journal) : IDisposable
        {
            public void Dispose()
            {
                lock (journal) journal._running--;
            }
        }
    }

    private sealed class SlowJob(string key, OverlapJournal journal) : IMonitorJob
    {
        public string Key => key;
        public string Name => key;
        public string? DefaultCron => null;

        public async Task<string> RunAsync(CancellationToken cancellationToken)
        {
            using (journal.Enter()) await Task.Delay(150, cancellationToken);
            lock (journal) journal.Completed.Add(key);
            return "ok";
        }
    }

    private sealed class DispatcherActivator(JobRunner runner, IBackgroundJobClient client) : JobActivator
    {
        public override object ActivateJob(Type jobType) => jobType == typeof(JobDispatcher) ? new JobDispatcher(runner, client) : base.ActivateJob(jobType);
    }
}
