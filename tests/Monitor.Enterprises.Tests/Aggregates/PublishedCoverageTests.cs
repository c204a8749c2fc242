using Monitor.Enterprises.Cli;
using Monitor.Core.Cli;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Store;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Disclosure;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Ingest.Store;
using Monitor.Testing;

namespace Monitor.Enterprises.Tests.Aggregates;

/// <summary>
/// Coverage against a published series: the bottom-up total's share of the published total per cell, matched by
/// province (GB/T 2260 or ISO code) and month; a hidden cell shows none, since coverage × a public total is its value.
/// </summary>
[TestClass]
public sealed class PublishedCoverageTests
{
    private static readonly DateOnly March = new(2024, 3, 1);

    [TestMethod]
    public void Coverage_is_the_share_of_the_published_total_and_hidden_cells_have_none()
    {
        using var store = TestStore.InMemory(EnterpriseSchema.Scripts.Concat(IngestSchema.Scripts));
        var folder = TempFolder.Create();
        try
        {
            // Beijing: four firms, 10,000 万元 in all; Shanghai: three small firms (hidden as the complement); Guangdong: one firm (hidden).
            var rows = new List<PanelRow>();
            foreach (var (n, region, value) in new[] { (1, "110101", 1000), (2, "110101", 2000), (3, "110102", 3000), (4, "110105", 4000),
                         (5, "310101", 1), (6, "310101", 2), (7, "310104", 3), (8, "440305", 50) })
                rows.Add(new PanelRow(PanelFiles.Id(n, region), $"企业{n}", region, "1311", "small", "output", "2024-03", value.ToString(CultureInfo.InvariantCulture)));
            var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.IsTrue(new PanelLoader(store.Store, clock).Load(PanelFiles.WriteCsv(folder, rows), "enterprise:test").Succeeded);
            Publish(store.Store, "CN-BJ", 2.0);
            Publish(store.Store, "CN-GD", 0.01);
            Publish(store.Store, null, 4.0);

            var options = Options.Create(new EnterpriseOptions { Coverage = [new CoverageSeries { Indicator = "output", Dataset = "pub", Code = "IND_OUTPUT", Scale = 0.0001 }] });
            var request = new AggregateRequest("output", March, [AggregateRequest.Region]);
            var cells = new AggregateTable(new AggregateQuery(store.Store), new DisclosureControl(options)).Build(request);
            var coverage = new PublishedCoverage(store.Store, options).Of(request, cells);

            var byRegion = cells.Select((c, i) => (c.Codes[0], coverage[i])).ToDictionary(p => p.Item1, p => p.Item2);
            Assert.AreEqual(50.0, byRegion["11"]!.Value, 1e-9, "1.0 亿元 of 2.0");
            Assert.AreEqual(100 * 1.0056 / 4.0, byRegion[AggregateRequest.Total]!.Value, 1e-9);
            Assert.IsNull(byRegion["44"], "hidden cell: its coverage would give its value back");
            Assert.IsNull(byRegion["31"], "hidden complement, and no published value either");
            Assert.IsTrue(cells.Single(c => c.Codes[0] == "44").Suppressed);
            Assert.IsFalse(new PublishedCoverage(store.Store, options).Configured("revenue"));

            // The CLI prints the same shares on request, empty where the cell is hidden.
            var command = new EnterpriseAggregatesCommand(new AggregateTable(new AggregateQuery(store.Store), new DisclosureControl(options)), new PublishedCoverage(store.Store, options));
            using var output = new StringWriter();
            command.RunAsync(CommandLineArgs.Parse<EnterpriseAggregatesCommand>(["--indicator", "output", "--period", "2024-03", "--by", "region", "--coverage"]), output, CancellationToken.None).GetAwaiter().GetResult();
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            Assert.AreEqual("region_code,value,firms,suppressed,reason,coverage_pct", lines[0]);
            Assert.AreEqual("11,10000,4,false,,50", lines.Single(l => l.StartsWith("11,", StringComparison.Ordinal)));
            Assert.AreEqual("44,—,1,true,保密,", lines.Single(l => l.StartsWith("44,", StringComparison.Ordinal)));
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static void Publish(MonitorStore store, string? region, double value)
    {
        var id = "pub:IND_OUTPUT:" + (region ?? "total");
        using var connection = store.Open();
        Sql.Execute(connection, null, "INSERT INTO series (series_id, dataset, code, name, domain, region_code, frequency) VALUES ($1, 'pub', 'IND_OUTPUT', 'Industrial output', 'regional', $2, 'M')", id, region);
        Sql.Execute(connection, null, "INSERT INTO observations VALUES ($1, $2, $3, TIMESTAMP '2024-04-20 00:00:00', NULL, 1)", id, March, value);
    }
}
