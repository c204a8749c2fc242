using Monitor.Present.Export;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class BatchingTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(1000)]
    public void BatchedReadingReturnsExactlyTheOrderedRows(int seriesPerBatch)
    {
        using var store = TestStore.InMemory(PresentSchemas.All);
        ForecastFixture.Small(store.Store);
        using var connection = store.Store.Open();
        var filter = new ExportFilter { AsOf = ForecastFixture.Run2Finished.AddDays(1) };
        using var command = new ForecastExportQuery(filter).CreateCommand(connection);
        using var reader = command.ExecuteReader();
        var expected = new ExportRows(reader).Read().Select(Describe).ToList();

        var batched = ForecastExportStream.Read(connection, filter, seriesPerBatch).Select(Describe).ToList();

        Assert.HasCount(9, expected);
        CollectionAssert.AreEqual(expected, batched);
    }

    private static string Describe(object?[] row) => string.Join('|', row.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
}
