using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Warn.Evaluation;
using Monitor.Warn.Job;

namespace Monitor.Warn.Tests.Job;

[TestClass]
public sealed class WarnJobFredMdTests
{
    [TestMethod]
    public async Task On_FRED_MD_the_default_composites_date_the_2007_and_2020_downturns()
    {
        var folder = Path.GetDirectoryName(RepoPaths.Dataset("fred_md/observations.csv"))!;
        var data = DatasetFolder.Load(folder);
        using var test = TestStore.OnDisk(WarnSchemas.All);
        Seed(test.Store, data);
        var clock = new ManualClock(new DateTime(2025, 9, 20));
        var job = new WarnJob(test.Store, new WarnInputReader(test.Store, new SeriesReader(test.Store)), Microsoft.Extensions.Options.Options.Create(new WarnOptions()), clock);

        var summary = await job.RunAsync(CancellationToken.None);

        StringAssert.Contains(summary, $"{data.Series.Count} series");
        Assert.IsGreaterThan(700L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM composite_readings WHERE index_code = 'leading_cycle'"));
        Assert.IsGreaterThan(700L, WarnStoreSeed.Count(test.Store, "SELECT count(*) FROM composite_readings WHERE index_code = 'warning_index'"));
        // the coincident cycle peaks within a year of the NBER peaks of 2007-12 and 2020-02
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store,
            "SELECT count(*) FROM turning_points WHERE index_code = 'coincident_cycle' AND kind = 'peak' AND period BETWEEN DATE '2006-12-01' AND DATE '2008-12-01'"));
        Assert.AreEqual(1L, WarnStoreSeed.Count(test.Store,
            "SELECT count(*) FROM turning_points WHERE index_code = 'coincident_cycle' AND kind = 'peak' AND period BETWEEN DATE '2019-02-01' AND DATE '2020-06-01'"));
        Assert.AreEqual(8L, WarnStoreSeed.Count(test.Store, "SELECT count(DISTINCT series_id) FROM composite_contributions WHERE index_code = 'leading'"));
    }

    /// <summary>The store id the ingest gives: the one industry series of the default composites carries its NAICS code.</summary>
    private static string Id(string code) => code == "AWHMAN" ? "fred_md:AWHMAN::NAICS-31-33" : "fred_md:" + code;

    private static void Seed(MonitorStore store, DatasetFolder data)
    {
        using var connection = store.Open();
        foreach (var code in data.Series.Keys)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO series (series_id, dataset, code, name, domain, frequency, counter_cyclical) VALUES ($1, 'fred_md', $2, $2, 'macro', 'M', $3)";
            command.Parameters.Add(new DuckDBParameter(Id(code)));
            command.Parameters.Add(new DuckDBParameter(code));
            command.Parameters.Add(new DuckDBParameter(code is "UNRATE" or "CLAIMSx"));
            command.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("observations");
        foreach (var (code, values) in data.Series)
        {
            for (var t = 0; t < values.Length; t++)
            {
                if (!double.IsFinite(values[t])) continue;
                appender.CreateRow().AppendValue(Id(code)).AppendValue(data.MonthAt(t).ToDateTime(TimeOnly.MinValue)).AppendValue(values[t])
                    .AppendValue(new DateTime(2025, 9, 1)).AppendNullValue().AppendValue(1L).EndRow();
            }
        }
    }
}
