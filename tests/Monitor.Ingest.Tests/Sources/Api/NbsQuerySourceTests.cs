using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Tests.Sources.Api;

/// <summary>The NBS data portal's QueryData JSON through a local server, and saved answers through plain file ingest.</summary>
[TestClass]
public sealed class NbsQuerySourceTests
{
    /// <summary>A provincial monthly answer (fsyd) in the portal's shape: datanodes with wds, names and units in wdnodes.</summary>
    internal const string Provincial = """
        {"returncode":200,"returndata":{"datanodes":[
          {"code":"zb.A01010101_reg.110000_sj.202409","data":{"data":100.41234,"dotcount":1,"hasdata":true,"strdata":"100.4"},"wds":[{"valuecode":"A01010101","wdcode":"zb"},{"valuecode":"110000","wdcode":"reg"},{"valuecode":"202409","wdcode":"sj"}]},
          {"code":"zb.A01010101_reg.110000_sj.202408","data":{"data":100.2,"dotcount":1,"hasdata":true,"strdata":"100.2"},"wds":[{"valuecode":"A01010101","wdcode":"zb"},{"valuecode":"110000","wdcode":"reg"},{"valuecode":"202408","wdcode":"sj"}]},
          {"code":"zb.A01010101_reg.310000_sj.202409","data":{"data":0,"dotcount":1,"hasdata":false,"strdata":""},"wds":[{"valuecode":"A01010101","wdcode":"zb"},{"valuecode":"310000","wdcode":"reg"},{"valuecode":"202409","wdcode":"sj"}]},
          {"code":"zb.A01010101_reg.310000_sj.202408","data":{"data":99.8,"dotcount":1,"hasdata":true,"strdata":"99.8"},"wds":[{"valuecode":"A01010101","wdcode":"zb"},{"valuecode":"310000","wdcode":"reg"},{"valuecode":"202408","wdcode":"sj"}]}],
        "freshsort":0,"hasdatacount":3,
        "wdnodes":[
          {"nodes":[{"cname":"居民消费价格指数(上年同月=100)","code":"A01010101","dotcount":1,"exp":"","ifshowcode":false,"memo":"","name":"居民消费价格指数(上年同月=100)","nodesort":"1","sortcode":1,"tag":"","unit":""}],"wdcode":"zb","wdname":"指标"},
          {"nodes":[{"cname":"北京市","code":"110000","name":"北京市","unit":""},{"cname":"上海市","code":"310000","name":"上海市","unit":""}],"wdcode":"reg","wdname":"地区"},
          {"nodes":[{"cname":"2024年9月","code":"202409","name":"2024年9月","unit":""},{"cname":"2024年8月","code":"202408","name":"2024年8月","unit":""}],"wdcode":"sj","wdname":"时间"}]}}
        """;

    [TestMethod]
    public async Task AProvincialAnswerLoadsOneSeriesPerProvinceWithTheNamesOfItsWdnodes()
    {
        using var server = new ApiServer(_ => new Reply(200, Provincial, "application/json;charset=UTF-8"));
        var query = "easyquery.htm?m=QueryData&dbcode=fsyd&rowcode=reg&colcode=sj&wds=%5B%7B%22wdcode%22%3A%22zb%22%2C%22valuecode%22%3A%22A01010101%22%7D%5D&dfwds=%5B%5D";
        using var api = new ApiHarness(new SourceOptions { Name = "nbs-cpi", Kind = "http-api", Format = "nbs-query", Dataset = "nbs", Location = server.Base + query });

        var result = await api.Run("nbs-cpi");

        Assert.AreEqual(("succeeded", 3L, 1L), (result.Status, result.RowsNew, result.RowsSkipped), string.Join("; ", result.Problems));
        Assert.AreEqual("居民消费价格指数(上年同月=100)|regional|M", api.Ingest.Scalar("SELECT name || '|' || domain || '|' || frequency FROM series WHERE series_id = 'nbs:A01010101:CN-BJ'"));
        Assert.AreEqual(100.4, api.Ingest.Scalar("SELECT value FROM observations WHERE series_id = 'nbs:A01010101:CN-BJ' AND period = DATE '2024-09-01'"));
        Assert.AreEqual(1L, api.Ingest.Count("SELECT count(*) FROM observations WHERE series_id = 'nbs:A01010101:CN-SH'"));
        Assert.AreEqual("/easyquery.htm?" + query.Split('?')[1], server.Requests.Single().PathAndQuery);
    }

    [TestMethod]
    public async Task AFailedQueryIsRefusedWithThePortalsWords()
    {
        using var server = new ApiServer(_ => new Reply(200, """{"returncode":501,"returndata":"查询条件有误"}"""));
        using var api = new ApiHarness(new SourceOptions { Name = "nbs", Kind = "http-api", Format = "nbs-query", Location = server.Base + "easyquery.htm?m=QueryData&dbcode=hgyd" });

        var result = await api.Run("nbs");

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "querydata.json: the portal answered 501: 查询条件有误");
        Assert.AreEqual(0L, api.Ingest.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public async Task AnHtmlPageSentAsJsonIsStillRefused()
    {
        using var server = new ApiServer(_ => new Reply(200, "\n<html><head><title>访问验证</title></head></html>", "application/json"));
        using var api = new ApiHarness(new SourceOptions { Name = "nbs", Kind = "http-api", Format = "nbs-query", Location = server.Base + "easyquery.htm?m=QueryData" });

        var result = await api.Run("nbs");

        StringAssert.Contains(result.Problems[0].ToString(), "answered an HTML page instead of data");
        Assert.AreEqual("(none)", api.CacheFingerprint("nbs"));
    }

    [TestMethod]
    public void SavedAnswersAreRecognisedByMonitorIngestWithoutAFormat()
    {
        using var h = new IngestHarness();
        var quarterly = Provincial.Replace("202409", "2024C", StringComparison.Ordinal).Replace("202408", "2024B", StringComparison.Ordinal);
        var nbs = h.Ingest(h.Write("cpi.json", quarterly), dataset: "nbs");
        var fred = h.Ingest(h.Write("INDPRO.json", """
            {"realtime_start":"2026-12-05","realtime_end":"2026-12-05","observation_start":"1776-07-04","observation_end":"9999-12-31","count":2,"offset":0,"limit":100000,
             "observations":[{"realtime_start":"2026-12-05","realtime_end":"2026-12-05","date":"2024-01-01","value":"102.5"},{"realtime_start":"2026-12-05","realtime_end":"2026-12-05","date":"2024-02-01","value":"oops"}]}
            """), source: "fred", dataset: "fred");

        Assert.AreEqual(("succeeded", 3L), (nbs.Status, nbs.RowsNew), string.Join("; ", nbs.Problems));
        Assert.AreEqual(new DateOnly(2024, 7, 1), h.Scalar("SELECT max(period) FROM observations WHERE series_id LIKE 'nbs:%'"));
        Assert.AreEqual("Q", h.Scalar("SELECT frequency FROM series WHERE series_id = 'nbs:A01010101:CN-BJ'"));
        Assert.AreEqual("failed", fred.Status);
        StringAssert.Contains(fred.Problems[0].ToString(), "INDPRO.json: observation 2: 'oops' is not a number");
    }
}
