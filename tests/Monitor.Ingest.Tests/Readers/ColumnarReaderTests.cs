using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Testing;

namespace Monitor.Ingest.Tests.Readers;

/// <summary>Parquet and JSON files in the long layout's columns load through DuckDB's own readers.</summary>
[TestClass]
public sealed class ColumnarReaderTests
{
    [TestMethod]
    public void ParquetCopyOfATidyDatasetLoadsTheSameRows()
    {
        var csv = RepoPaths.Dataset("china_nbs_quarterly_gdp/observations.csv");
        using var h = new IngestHarness();
        var parquet = Path.Combine(h.Folder, "gdp.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv({SqlIdentifier.Literal(csv)}, all_varchar = true)) TO {SqlIdentifier.Literal(parquet)} (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var result = h.Ingest(parquet);

        Assert.AreEqual(("succeeded", 1152L, 64), (result.Status, result.RowsNew, result.SeriesCount), string.Join("\n", result.Problems));
    }

    [TestMethod]
    public void JsonRecordsLoadAndABadValueNamesItsRecord()
    {
        using var h = new IngestHarness();
        var good = h.Write("good.json", """
            [{"series_code":"X","series_name":"x","domain":"macro","region_code":null,"industry_code":null,"frequency":"M","period":"2024-01-01","value":1.5,"unit":"%"},
             {"series_code":"X","series_name":"x","domain":"macro","region_code":null,"industry_code":null,"frequency":"M","period":"2024-02-01","value":2.5,"unit":"%"}]
            """);
        var bad = h.Write("bad.json", """
            [{"series_code":"X","series_name":"x","domain":"macro","region_code":null,"industry_code":null,"frequency":"M","period":"2024-03-01","value":"n/a","unit":"%"}]
            """);

        var loaded = h.Ingest(good);
        var rejected = h.Ingest(bad);

        Assert.AreEqual(("succeeded", 2L), (loaded.Status, loaded.RowsNew));
        Assert.AreEqual("failed", rejected.Status);
        StringAssert.Contains(rejected.Problems[0].ToString(), "bad.json:1: value: 'n/a' is not a number");
        Assert.AreEqual(2L, h.Count("SELECT count(*) FROM observations"));
    }
}
