using System.Net;
using System.Text;
using System.Text.Json;

namespace Monitor.Web.Tests.Api;

[TestClass]
public sealed class ApiRouteTests
{
    private static ApiHost _host = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _) => _host = await ApiHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await _host.DisposeAsync();

    [TestMethod]
    [DataRow("/api/v1/series", 5)]
    [DataRow("/api/v1/series?domain=regional", 2)]
    [DataRow("/api/v1/series?region=44", 1)]
    [DataRow("/api/v1/series?q=价格", 2)]
    [DataRow("/api/v1/series/nbs:cpi/observations", 2)]
    [DataRow("/api/v1/forecasts", 3)]
    [DataRow("/api/v1/forecasts?domain=macro", 2)]
    [DataRow("/api/v1/anomalies?kind=interval", 1)]
    [DataRow("/api/v1/signal-lights", 2)]
    [DataRow("/api/v1/signal-lights?latest=true", 1)]
    [DataRow("/api/v1/composites?index=warning_index", 2)]
    [DataRow("/api/v1/composites/warning_index/contributions", 2)]
    [DataRow("/api/v1/composites/warning_index/contributions?period=2024-01-01", 1)]
    [DataRow("/api/v1/turning-points?kind=trough", 1)]
    [DataRow("/api/v1/alerts?state=open", 1)]
    [DataRow("/api/v1/alerts?state=resolved", 0)]
    public async Task EachRouteAnswersItsRows(string path, int expected)
    {
        using var json = await GetJson(path);

        Assert.AreEqual(expected, json.RootElement.GetProperty("items").GetArrayLength(), path);
        Assert.AreEqual(expected, json.RootElement.GetProperty("total").GetInt64());
    }

    [TestMethod]
    public async Task OneSeriesAndItsObservationsAsOfAnEarlierVintage()
    {
        using var series = await GetJson("/api/v1/series/nbs:cpi");
        using var then = await GetJson("/api/v1/series/nbs:cpi/observations?as_of=2024-02-20");
        using var missing = await _host.GetAsync("/api/v1/series/nbs:nothing");

        Assert.AreEqual("居民消费价格指数", series.RootElement.GetProperty("name_zh").GetString());
        var items = then.RootElement.GetProperty("items");
        Assert.AreEqual(1, items.GetArrayLength(), "February was not published yet");
        Assert.AreEqual(0.3, items[0].GetProperty("value").GetDouble(), "the first release, before its revision");
        Assert.AreEqual("2024-01-01", items[0].GetProperty("period").GetString());
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [TestMethod]
    public async Task ForecastsCarryIntervalsModelAndAccuracy()
    {
        using var json = await GetJson("/api/v1/forecasts?series=nbs:cpi");
        var second = json.RootElement.GetProperty("items")[1];

        Assert.AreEqual(2, second.GetProperty("step").GetInt32());
        Assert.AreEqual(-0.1, second.GetProperty("point").GetDouble());
        Assert.AreEqual(-0.8, second.GetProperty("lo95").GetDouble());
        Assert.AreEqual(0.3, second.GetProperty("hi80").GetDouble());
        Assert.AreEqual("ets", second.GetProperty("model").GetString());
        Assert.AreEqual(12.5, second.GetProperty("smape").GetDouble());
        Assert.AreEqual("2024-04-01", second.GetProperty("period").GetString());
    }

    [TestMethod]
    public async Task SignalLightsUseTheNewestCheckPointConfiguration()
    {
        using var json = await GetJson("/api/v1/signal-lights?latest=true");
        var light = json.RootElement.GetProperty("items")[0];

        Assert.AreEqual("red", light.GetProperty("colour").GetString());
        Assert.AreEqual(2, light.GetProperty("config_version").GetInt32());
    }

    [TestMethod]
    public async Task ExportDownloadsAFileWithBomAndName()
    {
        using var response = await _host.GetAsync("/api/v1/exports?format=csv&domain=macro");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        StringAssert.EndsWith(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), ".csv");
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        StringAssert.StartsWith(text, "series_id,");
        StringAssert.Contains(text, "居民消费价格指数");
        Assert.AreEqual(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, "header + two CPI steps");
    }

    [TestMethod]
    public async Task XlsxAndParquetExportsDownload()
    {
        using var xlsx = await _host.GetAsync("/api/v1/exports?format=xlsx");
        using var parquet = await _host.GetAsync("/api/v1/exports?format=parquet");
        var xlsxBytes = await xlsx.Content.ReadAsByteArrayAsync();
        var parquetBytes = await parquet.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.AreEqual("PK", Encoding.ASCII.GetString(xlsxBytes, 0, 2), "an .xlsx is a zip");
        Assert.AreEqual(HttpStatusCode.OK, parquet.StatusCode);
        Assert.AreEqual("PAR1", Encoding.ASCII.GetString(parquetBytes, 0, 4));
    }

    [TestMethod]
    public async Task OpenApiDocumentAndDocsPageAreServedToSignedInClients()
    {
        using var document = await _host.GetAsync("/api/openapi/v1.json");
        using var docs = await _host.GetAsync("/api/docs");
        using var anonymous = await _host.Client.GetAsync("/api/openapi/v1.json");
        var text = await document.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, document.StatusCode);
        StringAssert.Contains(text, "/api/v1/forecasts");
        StringAssert.Contains(text, "/api/v1/series/{id}/observations");
        Assert.AreEqual(HttpStatusCode.OK, docs.StatusCode);
        StringAssert.Contains(docs.Headers.GetValues("Content-Security-Policy").Single(), "script-src 'self' 'unsafe-inline'", "the docs page may run its inline start-up script");
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<JsonDocument> GetJson(string path)
    {
        using var response = await _host.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{path}: {body}");
        return JsonDocument.Parse(body);
    }
}
