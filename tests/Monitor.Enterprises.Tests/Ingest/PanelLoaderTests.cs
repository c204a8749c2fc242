using Microsoft.Extensions.Time.Testing;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Store;
using Monitor.Testing;

namespace Monitor.Enterprises.Tests.Ingest;

[TestClass]
public sealed class PanelLoaderTests
{
    private TestStore _store = null!;
    private string _folder = null!;
    private FakeTimeProvider _clock = null!;
    private PanelLoader _loader = null!;

    [TestInitialize]
    public void SetUp()
    {
        _store = TestStore.InMemory(EnterpriseSchema.Scripts);
        _folder = TempFolder.Create();
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        _loader = new PanelLoader(_store.Store, _clock);
    }

    [TestCleanup]
    public void TearDown()
    {
        _store.Dispose();
        TempFolder.Delete(_folder);
    }

    [TestMethod]
    [DataRow("panel.csv")]
    [DataRow("panel.csv.gz")]
    [DataRow("panel.parquet")]
    public void CleanFileLoadsInEveryFormat(string name)
    {
        var csv = PanelFiles.WriteCsv(_folder, PanelFiles.Rows(4, 6), name == "panel.parquet" ? "source.csv" : name);
        var path = csv;
        if (name == "panel.parquet")
        {
            path = Path.Combine(_folder, name);
            Execute($"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{path}' (FORMAT parquet)");
        }

        var result = _loader.Load(path, "enterprise:test");

        Assert.IsTrue(result.Succeeded, result.Summary());
        Assert.AreEqual(24, result.RowsNew);
        Assert.AreEqual(4, result.Firms);
        Assert.AreEqual(24L, Count("SELECT count(*) FROM enterprise_current"));
        Assert.AreEqual("succeeded", Scalar("SELECT status FROM ingest_runs WHERE run_id = " + result.RunId));
    }

    [TestMethod]
    public void SecondFileRevisesAsAVintage()
    {
        var rows = PanelFiles.Rows(2, 3);
        _loader.Load(PanelFiles.WriteCsv(_folder, rows), "enterprise:test");
        _clock.Advance(TimeSpan.FromDays(30));
        rows[0] = rows[0] with { Value = "999" };
        rows.Add(rows[^1] with { Period = "2024-04" });

        var second = _loader.Load(PanelFiles.WriteCsv(_folder, rows, "second.csv"), "enterprise:test");

        Assert.IsTrue(second.Succeeded, second.Summary());
        Assert.AreEqual((1L, 1L, 5L), (second.RowsNew, second.RowsRevised, second.RowsUnchanged));
        Assert.AreEqual(999.0, Scalar($"SELECT value FROM enterprise_current WHERE enterprise_id = '{rows[0].Id}' AND period = DATE '2024-01-01'"));
        Assert.AreEqual(8L, Count("SELECT count(*) FROM enterprise_observations"), "the old value is kept, closed");
    }

    [TestMethod]
    public void RepeatedIdenticalRowIsKeptOnce()
    {
        var rows = PanelFiles.Rows(1, 2);
        rows.Add(rows[0]);
        var result = _loader.Load(PanelFiles.WriteCsv(_folder, rows), "enterprise:test");
        Assert.IsTrue(result.Succeeded, result.Summary());
        Assert.AreEqual(2L, Count("SELECT count(*) FROM enterprise_current"));
    }

    [TestMethod]
    [DataRow(3, "enterprise_id", "GB 32100-2015 gives")]
    [DataRow(4, "region_code", "unknown GB/T 2260 division code '119999'")]
    [DataRow(5, "industry_code", "unknown GB/T 4754-2017 division '99'")]
    [DataRow(6, "value", "same firm, indicator and month as line 2")]
    [DataRow(7, "region_code", "a move needs a dated record")]
    [DataRow(8, "period", "'2024-13' is not a month")]
    [DataRow(9, "value", "'abc' is not a finite number")]
    [DataRow(10, "size_class", "'huge' is not one of")]
    public void BadFileIsRejectedWholeWithFileLineFieldReason(int badLine, string field, string reason)
    {
        var good = _loader.Load(PanelFiles.WriteCsv(_folder, PanelFiles.Rows(1, 1, "310101"), "before.csv"), "enterprise:test");
        Assert.IsTrue(good.Succeeded, good.Summary());
        var rows = PanelFiles.Rows(9, 1);
        var first = rows[0];
        var index = badLine - 2;
        rows[index] = badLine switch
        {
            3 => rows[index] with { Id = rows[index].Id[..17] + (rows[index].Id[17] == 'A' ? 'B' : 'A') },
            4 => rows[index] with { Region = "119999" },
            5 => rows[index] with { Industry = "9911" },
            6 => first with { Value = "1" },
            7 => first with { Region = "110102", Indicator = "revenue" },
            8 => rows[index] with { Period = "2024-13" },
            9 => rows[index] with { Value = "abc" },
            _ => rows[index] with { Size = "huge" },
        };

        var result = _loader.Load(PanelFiles.WriteCsv(_folder, rows, "bad.csv"), "enterprise:test");

        Assert.IsFalse(result.Succeeded);
        var problem = result.Problems[0];
        Assert.AreEqual(("bad.csv", (long)badLine, field), (problem.File, problem.Line, problem.Field), problem.ToString());
        StringAssert.Contains(problem.Reason, reason);
        Assert.AreEqual(1L, Count("SELECT count(*) FROM enterprise_observations"), "store unchanged");
        StringAssert.StartsWith((string)Scalar($"SELECT error_report FROM ingest_runs WHERE run_id = {result.RunId}")!, $"bad.csv:{badLine}: {field}:");
    }

    [TestMethod]
    public void MoveThatRewritesStoredMonthsIsRejected()
    {
        _loader.Load(PanelFiles.WriteCsv(_folder, PanelFiles.Rows(1, 3)), "enterprise:test");
        var moved = PanelFiles.Rows(1, 3).Select(r => r with { Region = "110102" }).ToList();

        var result = _loader.Load(PanelFiles.WriteCsv(_folder, moved, "moved.csv"), "enterprise:test");

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual(("region_code", 2L), (result.Problems[0].Field, result.Problems[0].Line), result.Problems[0].ToString());
        Assert.AreEqual(0L, Count("SELECT count(*) FROM enterprise_current WHERE region_code = '110102'"));
    }

    [TestMethod]
    public void DatedMoveFromALaterMonthIsAccepted()
    {
        _loader.Load(PanelFiles.WriteCsv(_folder, PanelFiles.Rows(1, 3)), "enterprise:test");
        var later = PanelFiles.Rows(1, 6).Skip(3).Select(r => r with { Region = "110102" }).ToList();
        var result = _loader.Load(PanelFiles.WriteCsv(_folder, later, "later.csv"), "enterprise:test");
        Assert.IsTrue(result.Succeeded, result.Summary());
    }

    [TestMethod]
    public void WrongHeaderIsRejectedOnLineOne()
    {
        var path = Path.Combine(_folder, "wrong.csv");
        File.WriteAllText(path, "id,name\n1,2\n");
        var result = _loader.Load(path, "enterprise:test");
        Assert.AreEqual(("header", 1L), (result.Problems[0].Field, result.Problems[0].Line));
    }

    private void Execute(string sql)
    {
        using var connection = _store.Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = _store.Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), System.Globalization.CultureInfo.InvariantCulture);
}
