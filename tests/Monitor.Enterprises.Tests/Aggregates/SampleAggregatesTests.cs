using Microsoft.Extensions.Options;
using Monitor.Core.Cli;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Cli;
using Monitor.Enterprises.Disclosure;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Samples;
using Monitor.Enterprises.Store;
using Monitor.Testing;

namespace Monitor.Enterprises.Tests.Aggregates;

/// <summary>The generated sample loaded once for the class: its shape, its aggregates and the CLI verb's CSV.</summary>
[TestClass]
public sealed class SampleAggregatesTests
{
    private static TestStore _store = null!;
    private static string _folder = null!;
    private static IReadOnlyList<DistressLabel> _labels = null!;
    private static PanelLoadResult _load = null!;

    [ClassInitialize]
    public static void LoadSample(TestContext _)
    {
        var sample = SampleFixture.Instance;
        (_store, _folder, _labels, _load) = (sample.Store, sample.Folder, sample.Labels, sample.Load);
    }

    [TestMethod]
    public void SampleLoadsWithEntriesExitsAndLabelledEpisodes()
    {
        Assert.IsTrue(_load.Succeeded, _load.Summary());
        Assert.AreEqual(3000L, _load.Firms);
        Assert.IsGreaterThan(500_000L, _load.RowsNew);
        foreach (var kind in new[] { EnterpriseSampleGenerator.SharpFall, EnterpriseSampleGenerator.StopReporting, EnterpriseSampleGenerator.Divergence, EnterpriseSampleGenerator.Exit })
            Assert.IsGreaterThan(50, _labels.Count(l => l.Kind == kind), kind);
    }

    [TestMethod]
    public void GeneratorIsDeterministic()
    {
        var a = Path.Combine(_folder, "a.csv.gz");
        var b = Path.Combine(_folder, "b.csv.gz");
        new EnterpriseSampleGenerator(200).Write(a, a + ".labels");
        new EnterpriseSampleGenerator(200).Write(b, b + ".labels");
        CollectionAssert.AreEqual(File.ReadAllBytes(a + ".labels"), File.ReadAllBytes(b + ".labels"));
        Assert.AreEqual(File.ReadAllBytes(a).Length, File.ReadAllBytes(b).Length);
    }

    [TestMethod]
    public void ProvinceByDivisionTableHasSmallAndDominatedCellsHiddenAndNoneSolvable()
    {
        var request = new AggregateRequest("output", new DateOnly(2025, 6, 1), [AggregateRequest.Region, AggregateRequest.Industry]);
        var cells = new AggregateQuery(_store.Store).Cells(request);
        var working = Control().Apply(cells);

        Assert.AreEqual(31, cells.Select(c => c.Codes[0]).Distinct().Count(c => c != "_T"));
        Assert.AreEqual(20, cells.Select(c => c.Codes[1]).Distinct().Count(c => c != "_T"));
        Assert.IsGreaterThan(10, working.Count(c => c.Kind == SuppressionKind.Threshold), "cells with fewer than 3 firms");
        Assert.IsGreaterThan(3, working.Count(c => c.Kind == SuppressionKind.Dominance), "cells dominated by one firm");
        Assert.IsGreaterThan(0, working.Count(c => c.Kind == SuppressionKind.Secondary));
        Assert.IsNull(SuppressionAudit.Solvable(working, TableLines.Of(working)));
        var total = cells.Single(c => c.Codes.All(code => code == "_T"));
        Assert.AreEqual(total.Value, cells.Where(c => c.Codes[0] != "_T" && c.Codes[1] == "_T").Sum(c => c.Value), 1e-6 * total.Value);
    }

    [TestMethod]
    public async Task CliPrintsTheCsvWithMarginsAndDashesForHiddenCells()
    {
        var command = new EnterpriseAggregatesCommand(new AggregateTable(new AggregateQuery(_store.Store), Control()), new PublishedCoverage(_store.Store, Options.Create(new EnterpriseOptions())));
        using var output = new StringWriter();
        var code = await command.RunAsync(CommandLineArgs.Parse<EnterpriseAggregatesCommand>(["--indicator", "output", "--period", "2025-06", "--by", "region,industry"]), output, CancellationToken.None);

        Assert.AreEqual(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.AreEqual("region_code,industry_code,value,firms,suppressed,reason", lines[0]);
        Assert.IsTrue(lines.Any(l => l.StartsWith("_T,_T,", StringComparison.Ordinal)), "grand total");
        Assert.IsTrue(lines.Any(l => l.StartsWith("11,_T,", StringComparison.Ordinal)), "a province margin, two-digit code");
        Assert.IsTrue(lines.Any(l => l.StartsWith("_T,C13,", StringComparison.Ordinal)), "an industry margin, division code");
        var hidden = lines.Where(l => l.EndsWith(",true,保密", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(hidden);
        Assert.IsTrue(hidden.All(l => l.Split(',')[2] == "—"), "hidden values are dashes, never 0");
    }

    [TestMethod]
    public async Task CliCityAndSectionLevels()
    {
        var command = new EnterpriseAggregatesCommand(new AggregateTable(new AggregateQuery(_store.Store), Control()), new PublishedCoverage(_store.Store, Options.Create(new EnterpriseOptions())));
        using var output = new StringWriter();
        await command.RunAsync(CommandLineArgs.Parse<EnterpriseAggregatesCommand>(["--indicator", "revenue", "--period", "2025-06", "--by", "region,industry", "--region-level", "city", "--industry-level", "section"]), output, CancellationToken.None);
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.IsTrue(rows.All(r => r[0] == "_T" || r[0].Length == 4), "four-digit city codes");
        Assert.IsTrue(rows.All(r => r[1] == "_T" || r[1].Length == 1), "section letters");
    }

    [TestMethod]
    public void ManyTablesAtOnceEqualEachBuiltAlone()
    {
        var table = new AggregateTable(new AggregateQuery(_store.Store), Control());
        var june = new DateOnly(2025, 6, 1);
        AggregateRequest[] requests =
        [
            new("output", june, [AggregateRequest.Region, AggregateRequest.Industry]),
            new("revenue", june, [AggregateRequest.Region, AggregateRequest.Industry], "city", "section"),
            new("output", june.AddMonths(-1), [AggregateRequest.Region, AggregateRequest.Industry]),
            new("output", june, [AggregateRequest.Size, AggregateRequest.Region]),
            new("employment", new DateOnly(1990, 1, 1), [AggregateRequest.Industry]),
        ];

        var together = table.Build(requests);

        Assert.HasCount(requests.Length, together);
        Assert.IsEmpty(together[4], "a month without rows gives an empty table");
        for (var i = 0; i < requests.Length; i++)
        {
            var alone = table.Build(requests[i]);
            Assert.HasCount(alone.Count, together[i], $"table {i}");
            foreach (var (a, b) in alone.Zip(together[i]))
            {
                CollectionAssert.AreEqual(a.Codes.ToArray(), b.Codes.ToArray(), $"table {i}");
                Assert.AreEqual((a.Firms, a.Suppressed), (b.Firms, b.Suppressed), $"table {i} {string.Join(',', a.Codes)}");
                Assert.AreEqual(a.Value ?? 0, b.Value ?? 0, 1e-9 * Math.Abs(a.Value ?? 1), $"table {i} {string.Join(',', a.Codes)}");
            }
        }
    }

    private static DisclosureControl Control() => new(Options.Create(new EnterpriseOptions()));
}
