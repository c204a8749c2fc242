using Monitor.Testing;
using Monitor.Web.Pages.Data;
using Monitor.Web.Tests.Seeding;

namespace Monitor.Web.Tests.Pages.Data;

[TestClass]
public sealed class DataQueryTests
{
    [TestMethod]
    public void Counts_runs_and_rejected_rows_are_reported()
    {
        var store = SeededStore.Shared;
        var query = new DataQuery(store);

        var counts = query.Counts().ToDictionary(c => c.Table, c => c.Rows);
        var failed = query.IngestRuns().Single(r => r.Source == "pboc");

        Assert.AreEqual(63L, counts["series"]);
        Assert.AreEqual(2L, failed.RowsRejected);
        CollectionAssert.AreEqual(new[] { "m2.csv:4: value: 'n/a' is not a number", "m2.csv:9: period: '2025-13' is not a month" }, failed.FirstProblems().ToArray());
        Assert.HasCount(2, query.JobRuns());
    }
}
