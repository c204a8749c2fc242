using Monitor.Core.Store;
using Monitor.Enterprises.Aggregates;
using Monitor.Enterprises.Ingest;

namespace Monitor.Enterprises.Tests.Aggregates;

/// <summary>
/// The cells of a table, from the fine sums with the year-ago join on hashed firm keys and numbered months, equal those
/// of one plain query over the month and the same month a year earlier joined on the credit code and the date.
/// </summary>
[TestClass]
public sealed class AggregateQueryReferenceTests
{
    [TestMethod]
    [DataRow("province", "division", false, true, DisplayName = "province × division, hashed firm keys")]
    [DataRow("province", "division", false, false, DisplayName = "province × division, credit codes as keys")]
    [DataRow("city", "section", true, true, DisplayName = "city × section × size class, hashed firm keys")]
    public void CellsEqualAPlainQueryOfTheMonthAndTheYearBefore(string regionLevel, string industryLevel, bool bySize, bool hashed)
    {
        var store = SampleFixture.Instance.Store.Store;
        var june = new DateOnly(2025, 6, 1);
        IReadOnlyList<string> by = bySize ? [AggregateRequest.Region, AggregateRequest.Industry, AggregateRequest.Size] : [AggregateRequest.Region, AggregateRequest.Industry];
        var request = new AggregateRequest("output", june, by, regionLevel, industryLevel);

        var cells = new AggregateQuery(store) { HashFirmKeys = hashed }.Cells(request);
        var expected = Reference(store, request);

        Assert.IsGreaterThan(100, expected.Count);
        Assert.IsTrue(expected.Any(c => c.SameFirms > 0 && c.SameFirms < c.Firms), "the sample has firms that entered within the year");
        Assert.HasCount(expected.Count, cells);
        foreach (var (e, a) in expected.Zip(cells))
        {
            var where = string.Join(',', e.Codes);
            CollectionAssert.AreEqual(e.Codes.ToArray(), a.Codes.ToArray());
            Assert.AreEqual((e.Firms, e.SameFirms, e.Largest), (a.Firms, a.SameFirms, a.Largest), where);
            Assert.AreEqual(e.Value, a.Value, 1e-9 * Math.Abs(e.Value), where);
            Assert.AreEqual(e.SameNow, a.SameNow, 1e-9 * Math.Abs(e.SameNow), where);
            Assert.AreEqual(e.SameYearAgo, a.SameYearAgo, 1e-9 * Math.Abs(e.SameYearAgo), where);
        }
    }

    private static List<AggregateCell> Reference(MonitorStore store, AggregateRequest request)
    {
        var keys = new List<string> { $"substr(c.region_code, 1, {(request.RegionLevel == "city" ? 4 : 2)})", request.IndustryLevel == "section" ? "d.parent" : "d.parent || d.code" };
        if (request.By.Contains(AggregateRequest.Size)) keys.Add("c.size_class");
        var names = keys.Select((_, i) => $"k{i}").ToList();
        var sets = Enumerable.Range(0, 1 << names.Count).Select(mask => "(" + string.Join(", ", names.Where((_, i) => (mask & (1 << i)) != 0)) + ")");
        using var connection = store.Open();
        PanelChecks.Prepare(connection);
        var n = names.Count;
        return Sql.Rows(connection, $"""
            WITH now AS (
                SELECT c.enterprise_id, {string.Join(", ", keys.Select((k, i) => $"{k} AS {names[i]}"))}, c.value
                FROM enterprise_current c JOIN enterprise_industry_codes d ON d.code = substr(c.industry_code, 1, 2)
                WHERE c.indicator = $1 AND c.period = $2),
            ago AS (SELECT enterprise_id, value FROM enterprise_current WHERE indicator = $1 AND period = CAST($2 - INTERVAL 12 MONTH AS DATE))
            SELECT {string.Join(", ", names.Select(k => $"coalesce({k}, '_T')"))}, sum(now.value), count(*), max(abs(now.value)),
                   coalesce(sum(now.value) FILTER (WHERE ago.value IS NOT NULL), 0), coalesce(sum(ago.value), 0), count(ago.value)
            FROM now LEFT JOIN ago USING (enterprise_id)
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """, r => new AggregateCell(Enumerable.Range(0, n).Select(r.GetString).ToArray(), r.GetDouble(n), r.GetInt64(n + 1), r.GetDouble(n + 2),
                r.GetDouble(n + 3), r.GetDouble(n + 4), r.GetInt64(n + 5)),
            request.Indicator, request.Period.ToDateTime(TimeOnly.MinValue))
            .OrderBy(c => string.Join('\u001f', c.Codes), StringComparer.Ordinal).ToList();
    }
}
