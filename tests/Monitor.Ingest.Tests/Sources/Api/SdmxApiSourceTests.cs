using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Tests.Sources.Api;

/// <summary>SDMX REST data queries (data/{flow}/{key}) against a local server: startPeriod, updatedAfter, and "no results" as nothing new.</summary>
[TestClass]
public sealed class SdmxApiSourceTests
{
    private const string Message = """
        DATAFLOW,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE
        ECB:EXR(1.0),M,USD,EUR,SP00,A,2024-01,1.0905
        ECB:EXR(1.0),M,USD,EUR,SP00,A,2024-02,1.0795
        ECB:EXR(1.0),M,USD,EUR,SP00,A,2024-03,NaN
        """;

    [TestMethod]
    public async Task ADataQueryLoadsAndAnUpdatedAfterQueryWithNoResultsChangesNothing()
    {
        var updates = 0;
        using var server = new ApiServer(r => r.QueryString["updatedAfter"] is null
            ? new Reply(200, Message, "application/vnd.sdmx.data+csv;version=1.0.0")
            : Interlocked.Increment(ref updates) == 1
                ? new Reply(404, "NoResultsFound", "text/plain")
                : new Reply(200, Message.Replace("1.0795", "1.0800", StringComparison.Ordinal), "application/vnd.sdmx.data+csv;version=1.0.0"));
        using var api = new ApiHarness(new SourceOptions
        {
            Name = "ecb-exr", Kind = "http-api", Format = "sdmx", Dataset = "ecb", StartPeriod = "2024-01", UpdatedAfter = true,
            Location = $"{server.Base}service/data/EXR/M.USD.EUR.SP00.A",
        });

        var first = await api.Run("ecb-exr");
        var before = api.Ingest.DataFingerprint();
        var nothingNew = await api.Run("ecb-exr");
        var revised = await api.Run("ecb-exr");

        Assert.AreEqual(("succeeded", 2L, 1L), (first.Status, first.RowsNew, first.RowsSkipped), string.Join("; ", first.Problems));
        Assert.AreEqual("skipped", nothingNew.Status);
        Assert.AreEqual(("succeeded", 1L), (revised.Status, revised.RowsRevised), string.Join("; ", revised.Problems));
        var asked = server.Requests.ToArray();
        Assert.AreEqual("/service/data/EXR/M.USD.EUR.SP00.A", asked[0].AbsolutePath);
        Assert.AreEqual("startPeriod=2024-01", asked[0].Query.TrimStart('?'));
        StringAssert.Matches(Uri.UnescapeDataString(asked[1].Query), new System.Text.RegularExpressions.Regex(@"^\?startPeriod=2024-01&updatedAfter=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.AreNotEqual(before, api.Ingest.DataFingerprint());
    }

    [TestMethod]
    public async Task AnSdmxErrorMessageIsShownAndTheStoreIsUnchanged()
    {
        using var server = new ApiServer(_ => new Reply(400, "<message:Error><message:ErrorMessage code=\"140\"><common:Text>Syntax error</common:Text></message:ErrorMessage></message:Error>", "application/xml"));
        using var api = new ApiHarness(new SourceOptions { Name = "bad", Kind = "http-api", Format = "sdmx", Location = $"{server.Base}service/data/EXR/M..EUR" });

        var result = await api.Run("bad");

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "answered 400 Bad Request: <message:Error>");
        Assert.AreEqual(0L, api.Ingest.Count("SELECT count(*) FROM observations"));
    }

    [TestMethod]
    public async Task AnUnknownApiIsNamedWithTheKnownOnes()
    {
        using var api = new ApiHarness(new SourceOptions { Name = "x", Kind = "http-api", Format = "csv", Location = "http://127.0.0.1:1/" });

        var result = await api.Run("x");

        StringAssert.Contains(result.Problems[0].ToString(), "an http-api source names its API in Format: fred-api, sdmx, nbs-query (not 'csv')");
    }
}
