using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core;
using Monitor.Core.Cli;
using Monitor.Core.Jobs;
using Monitor.Core.Store;
using Monitor.Forecast.Store;

namespace Monitor.Forecast.Tests;

[TestClass]
public sealed class RegistrationTests
{
    [TestMethod]
    public async Task AddMonitorForecast_registers_the_job_the_verbs_the_options_and_the_registry_table()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = ":memory:",
            ["Store:MemoryLimit"] = "256MB",
            ["Forecast:Horizons:M"] = "12",
            ["Forecast:DefaultMethod"] = "theta",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMonitorStore(configuration).AddMonitorForecast(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.AreEqual(JobKeys.Forecast, provider.GetServices<IMonitorJob>().Single().Key);
        CollectionAssert.AreEquivalent(new[] { "backtest", "forecast" }, provider.GetServices<CliVerb>().Select(c => c.Name).ToArray());
        var options = provider.GetRequiredService<IOptions<ForecastOptions>>().Value;
        Assert.AreEqual(12, options.HorizonFor("M"));
        Assert.AreEqual("theta", options.DefaultMethod);

        var store = provider.GetRequiredService<MonitorStore>();
        using (var connection = store.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM forecast_models";
            Assert.AreEqual(0L, command.ExecuteScalar());
        }
        var output = new StringWriter();
        var code = await provider.GetCliVerb("forecast").RunAsync(provider, [], output);
        Assert.AreEqual(0, code);
        Assert.AreEqual("forecast: 0 of 0 series changed; nothing to do", output.ToString().Trim());
    }
}
