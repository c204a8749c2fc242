using Monitor.Core.Cli;
using Monitor.Present.Export;
using Monitor.Present.Export.Cli;
using Monitor.Present.Export.Query;
using Monitor.Testing;

namespace Monitor.Present.Tests.Export;

[TestClass]
public sealed class CliVerbTests : SmallFixtureTest
{
    [TestMethod]
    public async Task ExportWritesTheFileAndPrintsOneLine()
    {
        var path = Path.Combine(Folder, "regional.json");
        var output = new StringWriter();

        var code = await Export(output, "--format", "json", "--out", path, "--domain", "regional");

        Assert.AreEqual(0, code);
        Assert.IsTrue(File.Exists(path));
        Assert.AreEqual($"exported 3 rows (1 series) as json to {path}", output.ToString().Trim());
    }

    [TestMethod]
    public async Task ExportRefusesAnUnknownFormatOrBadDate()
    {
        var badFormat = await Assert.ThrowsExactlyAsync<CommandLineException>(() => Export(new StringWriter(), "--format", "xls", "--out", "x"));
        var badDate = await Assert.ThrowsExactlyAsync<CommandLineException>(() => Export(new StringWriter(), "--format", "csv", "--out", "x", "--as-of", "yesterday"));

        StringAssert.Contains(badFormat.Message, "'xls'");
        StringAssert.Contains(badDate.Message, "as-of: 'yesterday'");
    }

    [TestMethod]
    public async Task QueryPrintsCsvWithHeader()
    {
        var output = new StringWriter();

        var code = await Query(output, "SELECT series_id, name_zh, train_end FROM forecasts JOIN series USING (series_id) WHERE run_id = 2 AND step = 1 ORDER BY series_id");

        Assert.AreEqual(0, code);
        Assert.AreEqual("series_id,name_zh,train_end\r\nnbs:cpi,居民消费价格指数,2025-01-01\r\nprov:gdp:44,广东省地区生产总值,2024-10-01\r\n", output.ToString());
    }

    [TestMethod]
    [DataRow("DELETE FROM series", "only a single SELECT")]
    [DataRow("SELECT 1; DROP TABLE series", "only a single SELECT")]
    [DataRow("SELECT 1; SELECT 2", "only one statement")]
    [DataRow("CREATE TABLE x AS SELECT 1", "only a single SELECT")]
    [DataRow("SELEKT 1", "does not parse")]
    public async Task QueryRefusesAnythingButOneSelect(string sql, string reason)
    {
        var refused = await Assert.ThrowsExactlyAsync<CommandLineException>(() => Query(new StringWriter(), sql));

        StringAssert.Contains(refused.Message, reason);
        Assert.AreEqual("3", (await QueryText("SELECT count(*) AS n FROM series")).Split("\r\n")[1], "nothing was changed");
    }

    [TestMethod]
    public async Task WithQueriesAreAllowed() =>
        Assert.AreEqual("n\r\n2\r\n", await QueryText("WITH r AS (SELECT DISTINCT run_id FROM forecast_accuracy) SELECT count(*) AS n FROM r"));

    private Task<int> Export(TextWriter output, params string[] args) =>
        new ExportCommand(new ForecastExporter(Store, TimeProvider.System)).RunAsync(CommandLineArgs.Parse<ExportCommand>(args), output, CancellationToken.None);

    private Task<int> Query(TextWriter output, string sql) =>
        new QueryCommand(new ReadOnlyQuery(Store)).RunAsync(CommandLineArgs.Parse<QueryCommand>([sql]), output, CancellationToken.None);

    private async Task<string> QueryText(string sql)
    {
        var output = new StringWriter();
        await Query(output, sql);
        return output.ToString();
    }
}
