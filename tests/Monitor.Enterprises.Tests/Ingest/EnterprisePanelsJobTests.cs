using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Enterprises.Warnings;
using Monitor.Ingest.Store;
using Monitor.Testing;
using Monitor.Testing.Workbooks;

namespace Monitor.Enterprises.Tests.Ingest;

/// <summary>The drop folder: each panel loads as its own vintage (a bad one changes nothing), files move to done/ or rejected/, warnings follow.</summary>
[TestClass]
public sealed class EnterprisePanelsJobTests
{
    [TestMethod]
    public async Task Each_dropped_panel_loads_or_is_rejected_alone_and_moves_aside()
    {
        using var store = TestStore.InMemory(EnterpriseSchema.Scripts.Concat(IngestSchema.Scripts));
        var folder = TempFolder.Create();
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
            var options = Options.Create(new EnterpriseOptions { PanelFolder = folder });
            PanelFiles.WriteCsv(folder, PanelFiles.Rows(3, 12), "a-good.csv");
            new XlsxBuilder().Sheet("企业", [.. PanelLayout.Columns], [PanelFiles.Id(9), "企业9", "999999", "1311", "small", "output", "2024-01", 1.0, "万元"])
                .Save(Path.Combine(folder, "b-bad.xlsx"));
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a panel");
            var job = new EnterprisePanelsJob(new PanelLoader(store.Store, clock), new FirmWarnings(store.Store, clock, options), options, clock);

            var summary = await job.RunAsync(CancellationToken.None);

            StringAssert.Contains(summary, "enterprise-panels: succeeded: rows read 36");
            StringAssert.Contains(summary, "b-bad.xlsx: 企业!C2: region_code");
            StringAssert.Contains(summary, "firm warnings");
            Assert.AreEqual(36L, Monitor.Core.Store.Sql.Rows(store.Store, "SELECT count(*) FROM enterprise_current", r => r.GetInt64(0)).Single());
            CollectionAssert.AreEqual(new[] { "20250301T080000-a-good.csv" }, Directory.GetFiles(Path.Combine(folder, "done")).Select(Path.GetFileName).ToArray());
            CollectionAssert.AreEqual(new[] { "20250301T080000-b-bad.xlsx" }, Directory.GetFiles(Path.Combine(folder, "rejected")).Select(Path.GetFileName).ToArray());
            Assert.IsTrue(File.Exists(Path.Combine(folder, "notes.txt")), "not a panel: left alone");
            StringAssert.StartsWith(await job.RunAsync(CancellationToken.None), "enterprise-panels: no panel in");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
