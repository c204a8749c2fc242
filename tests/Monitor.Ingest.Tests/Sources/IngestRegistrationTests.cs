using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Ingest.Sources;
using Monitor.Testing;

namespace Monitor.Ingest.Tests.Sources;

/// <summary>AddMonitorIngest turns each configured source into an ingest:&lt;name&gt; job and registers the ingest verb.</summary>
[TestClass]
public sealed class IngestRegistrationTests
{
    [TestMethod]
    public async Task ConfiguredSourcesBecomeScheduledJobsThatIngest()
    {
        var folder = TempFolder.Create();
        try
        {
            var data = Path.Combine(folder, "ds");
            Directory.CreateDirectory(data);
            await File.WriteAllTextAsync(Path.Combine(data, "observations.csv"),
                "series_code,series_name,domain,region_code,industry_code,frequency,period,value,unit\nX,x,macro,,,M,2024-01-01,1,\n");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Path"] = ":memory:",
                ["Ingest:Sources:0:Name"] = "daily",
                ["Ingest:Sources:0:Location"] = data,
                ["Ingest:Sources:0:Cron"] = "0 6 * * *",
                ["Ingest:Sources:1:Name"] = "off",
                ["Ingest:Sources:1:Location"] = data,
                ["Ingest:Sources:1:Cron"] = "0 6 * * *",
                ["Ingest:Sources:1:Enabled"] = "false",
            }).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
            services.AddMonitorStore(configuration).AddMonitorIngest(configuration);
            await using var provider = services.BuildServiceProvider();

            var jobs = provider.GetServices<IMonitorJob>().OfType<IngestSourceJob>().ToList();
            var message = await provider.GetRequiredService<JobRunner>().RunAsync("ingest:daily", CancellationToken.None);

            CollectionAssert.AreEqual(new[] { "ingest:daily", "ingest:off" }, jobs.Select(j => j.Key).ToArray());
            Assert.AreEqual("0 6 * * *", jobs[0].DefaultCron);
            Assert.IsNull(jobs[1].DefaultCron, "a disabled source is not scheduled");
            Assert.AreEqual("Asia/Shanghai", jobs[0].TimeZone);
            StringAssert.Contains(message, "new 1");
            Assert.IsTrue(provider.GetServices<CliVerb>().Any(c => c.Name == "ingest"));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    [TestMethod]
    public async Task AConfiguredApiSourceRunsAsItsJobThroughTheRegisteredClients()
    {
        var folder = TempFolder.Create();
        using var server = new Api.ApiServer(_ => new Api.Reply(200, "DATAFLOW,FREQ,CURRENCY,TIME_PERIOD,OBS_VALUE\nECB:EXR(1.0),M,USD,2024-01,1.09\nECB:EXR(1.0),M,USD,2024-02,1.08\n", "text/csv"));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store:Path"] = ":memory:",
                ["Ingest:CacheFolder"] = Path.Combine(folder, "cache"),
                ["Ingest:Sources:0:Name"] = "ecb",
                ["Ingest:Sources:0:Kind"] = "http-api",
                ["Ingest:Sources:0:Format"] = "sdmx",
                ["Ingest:Sources:0:Location"] = server.Base + "service/data/EXR/M.USD",
                ["Ingest:Sources:0:StartPeriod"] = "2024-01",
            }).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
            services.AddMonitorStore(configuration).AddMonitorIngest(configuration);
            await using var provider = services.BuildServiceProvider();

            var message = await provider.GetRequiredService<JobRunner>().RunAsync("ingest:ecb", CancellationToken.None);

            StringAssert.Contains(message, "new 2");
            Assert.AreEqual("?startPeriod=2024-01", server.Requests.Single().Query);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
