using System.Diagnostics;
using System.Text.Json;
using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Web.Tests.Hosting;

/// <summary>A host killed (SIGKILL) in the middle of a forecast finishes that forecast soon after it starts again.</summary>
[TestClass]
public sealed class CrashRecoveryTests
{
    [TestMethod]
    [Timeout(420_000, CooperativeCancellation = true)]
    public async Task A_forecast_killed_midway_completes_within_two_minutes_of_the_restart()
    {
        var folder = TempFolder.Create();
        try
        {
            using (var first = HostProcess.Start(folder))
            {
                await first.WaitForLine("job forecast started", TimeSpan.FromMinutes(3));
                await Task.Delay(500);
                Assert.IsFalse(first.Printed("job forecast succeeded"), "the forecast finished before it could be killed");
                first.KillHard();
            }

            var restarted = Stopwatch.StartNew();
            using (var second = HostProcess.Start(folder))
            {
                await second.WaitForLine("Application started", TimeSpan.FromMinutes(1));
                var whileRerunning = await ReadyDetails(second);
                await second.WaitForLine("job forecast succeeded", TimeSpan.FromMinutes(2) - restarted.Elapsed);
                var elapsed = restarted.Elapsed;
                var afterwards = await ReadyDetails(second);
                second.Stop();

                Assert.IsLessThan(TimeSpan.FromMinutes(2), elapsed);
                StringAssert.Contains(whileRerunning, "forecast run started", "/health reports the interrupted run until it has run again");
                StringAssert.Contains(whileRerunning, "interrupted");
                Assert.DoesNotContain("interrupted", afterwards, "once the forecast has run again");
            }

            using var store = new MonitorStore(new StoreOptions { Path = Path.Combine(folder, "monitor.duckdb") });
            CollectionAssert.AreEqual(new[] { "interrupted", "succeeded" }, ForecastStatuses(store));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static async Task<string> ReadyDetails(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        var body = await client.GetStringAsync("/health/ready");
        return JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("pipeline").GetRawText();
    }

    private static string[] ForecastStatuses(MonitorStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM job_runs WHERE job_key = 'forecast' ORDER BY started_at";
        using var reader = command.ExecuteReader();
        var statuses = new List<string>();
        while (reader.Read()) statuses.Add(reader.GetString(0));
        return [.. statuses];
    }
}
