using System.Net;
using System.Text.Json;
using Monitor.Testing;

namespace Monitor.Web.Tests.Hosting;

/// <summary>The first start finds the shipped samples wherever MONITOR_HOME points, and says so on /health when it cannot load them.</summary>
[TestClass]
public sealed class FirstStartTests
{
    [TestMethod]
    public void The_samples_are_copied_beside_the_application()
    {
        var host = Path.GetDirectoryName(typeof(HostExtensions).Assembly.Location)!;

        Assert.IsTrue(Directory.EnumerateFiles(Path.Combine(host, "data-samples", "china_sample")).Any(), host);
    }

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task With_MONITOR_HOME_elsewhere_the_first_start_loads_the_shipped_samples()
    {
        var folder = TempFolder.Create();
        try
        {
            using var host = HostProcess.Start(folder, new Dictionary<string, string> { ["MONITOR_HOME"] = folder });

            await host.WaitForLine("job ingest:samples-revision succeeded", TimeSpan.FromMinutes(3));

            Assert.IsFalse(host.Printed("job ingest:samples failed"), host.Output);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task A_first_start_that_cannot_load_its_samples_makes_health_degraded()
    {
        var missing = Path.Combine(Path.GetTempPath(), "monitor-tests", "no-such-samples-" + Guid.NewGuid().ToString("N"));
        await using var host = await RunningHost.StartAsync(seeded: false, settings: new Dictionary<string, string?>
        {
            ["JobStorage:RunServer"] = "true",
            ["JobStorage:PollInterval"] = "00:00:01",
            ["Pipeline:FirstStartSources:0"] = "samples",
            ["Ingest:Sources:0:Location"] = missing,
        });
        using var client = host.Client();

        var health = await WaitForStatus(client, "degraded", TimeSpan.FromSeconds(90));

        StringAssert.Contains(health.GetProperty("reason").GetString(), "ingest:samples failed");
    }

    private static async Task<JsonElement> WaitForStatus(HttpClient client, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health/ready");
            last = await response.Content.ReadAsStringAsync();
            var body = JsonDocument.Parse(last).RootElement;
            if (body.GetProperty("status").GetString() == status) return body;
            Assert.AreNotEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode, last);
            await Task.Delay(250);
        }
        Assert.Fail($"/health/ready never said '{status}' within {timeout}: {last}");
        return default;
    }
}
