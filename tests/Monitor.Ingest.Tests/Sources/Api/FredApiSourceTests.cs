using System.Globalization;
using System.Net;
using System.Text.Json;
using Monitor.Ingest.Sources;

namespace Monitor.Ingest.Tests.Sources.Api;

/// <summary>FRED and ALFRED through a local server that answers as api.stlouisfed.org documents: series, paged observations, errors.</summary>
[TestClass]
public sealed class FredApiSourceTests
{
    private const string KeyVariable = "MONITOR_TEST_FRED_KEY";
    private const string Key = "abcdef0123456789abcdef0123456789";

    [TestInitialize]
    public void SetKey() => Environment.SetEnvironmentVariable(KeyVariable, Key);

    [TestMethod]
    public async Task PagedObservationsLoadWithTheSeriesDescriptionAndTheKeyStaysOutOfTheStore()
    {
        string[][] rows = [["2024-01-01", "1.5"], ["2024-02-01", "."], ["2024-03-01", "1.7"], ["2024-04-01", "1.8"], ["2024-05-01", "1.9"]];
        using var server = new ApiServer(r => Fred(r, rows));
        using var api = new ApiHarness(Source(server, pageSize: 2));

        var result = await api.Run("fred");

        Assert.AreEqual(("succeeded", 4L, 1L), (result.Status, result.RowsNew, result.RowsSkipped), string.Join("; ", result.Problems));
        Assert.AreEqual("Industrial Production|Index 2017=100|M", api.Ingest.Scalar("SELECT name || '|' || unit || '|' || frequency FROM series WHERE series_id = 'fred:INDPRO'"));
        Assert.AreEqual(1.9, api.Ingest.Scalar("SELECT value FROM observations WHERE period = DATE '2024-05-01'"));
        var pages = server.Requests.Where(u => u.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal)).Select(u => Query(u, "offset")).ToArray();
        CollectionAssert.AreEqual(new[] { "0", "2", "4" }, pages);
        Assert.IsTrue(server.Requests.All(u => Query(u, "api_key") == Key), "every request carries the key");
        Assert.AreEqual(0L, api.Ingest.Count($"SELECT count(*) FROM ingest_http_cache WHERE url LIKE '%{Key}%'"));
        Assert.AreEqual(0L, api.Ingest.Count($"SELECT count(*) FROM ingest_runs WHERE coalesce(location, '') || coalesce(error_report, '') LIKE '%{Key}%'"));
    }

    [TestMethod]
    public async Task TooManyRequestsWaitsAsRetryAfterSaysThenLoads()
    {
        string[][] rows = [["2024-01-01", "1"], ["2024-02-01", "2"]];
        var refused = 0;
        using var server = new ApiServer(r => r.Url!.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal) && Interlocked.Increment(ref refused) <= 2
            ? new Reply(429, """{"error_code":429,"error_message":"Too Many Requests."}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "7" })
            : Fred(r, rows));
        using var api = new ApiHarness(Source(server));

        var result = await api.Run("fred");

        Assert.AreEqual(("succeeded", 2L), (result.Status, result.RowsNew), string.Join("; ", result.Problems));
        CollectionAssert.AreEqual(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, api.Delays.Waits.ToArray());
    }

    [TestMethod]
    public async Task ServerErrorsBackOffThenFailWithTheStoreAndCacheUnchanged()
    {
        string[][] rows = [["2024-01-01", "1"]];
        var broken = false;
        using var server = new ApiServer(r => broken ? new Reply(503, "busy", "text/plain") : Fred(r, rows));
        using var api = new ApiHarness(Source(server));
        Assert.AreEqual("succeeded", (await api.Run("fred")).Status);
        var before = (api.Ingest.DataFingerprint(), api.CacheFingerprint("fred"));

        broken = true;
        var result = await api.Run("fred");

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "answered 503 Service Unavailable; gave up after 5 attempts");
        CollectionAssert.AreEqual(new[] { 2.0, 4.0, 8.0, 16.0 }, api.Delays.Waits.Select(w => w.TotalSeconds).ToArray());
        Assert.AreEqual(before, (api.Ingest.DataFingerprint(), api.CacheFingerprint("fred")));
    }

    [TestMethod]
    public async Task ARetryAfterBeyondTheLimitFailsAtOnce()
    {
        using var server = new ApiServer(_ => new Reply(429, "", Headers: new Dictionary<string, string> { ["Retry-After"] = "3600" }));
        using var api = new ApiHarness(Source(server));

        var result = await api.Run("fred");

        StringAssert.Contains(result.Problems[0].ToString(), "asked to wait 3600 s, more than Ingest:Http:MaxRetryWaitSeconds (300 s)");
        Assert.AreEqual(0, api.Delays.Waits.Count);
    }

    [TestMethod]
    public async Task ABodyCutShortIsRetriedThenRefused()
    {
        using var server = new ApiServer(r => r.Url!.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal)
            ? new Reply(200, """{"realtime_start":"2026-12-05","realtime_end":"2026-12-05","observation_start":""", DeclaredLength: 5000)
            : Fred(r, []));
        using var api = new ApiHarness(Source(server));

        var result = await api.Run("fred");

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "truncated body");
        Assert.AreEqual(0L, api.Ingest.Count("SELECT count(*) FROM observations"));
        Assert.AreEqual("(none)", api.CacheFingerprint("fred"));
    }

    [TestMethod]
    public async Task JsonThatEndsEarlyInACompleteResponseIsRefusedByName()
    {
        using var server = new ApiServer(r => r.Url!.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal)
            ? new Reply(200, """{"realtime_start":"2026-12-05","realtime_end":"2026-12-05","count":1,"offset":0,"observations":[{"date":"2024-01-01",""", Chunked: true)
            : Fred(r, []));
        using var api = new ApiHarness(Source(server));

        var result = await api.Run("fred");

        StringAssert.Contains(result.Problems[0].ToString(), "observations-001.json: not well-formed JSON (truncated?)");
    }

    [TestMethod]
    public async Task AnHtmlPageInsteadOfJsonIsRefusedWithItsTitle()
    {
        using var server = new ApiServer(_ => new Reply(200, "<!DOCTYPE html><html><head><title>Scheduled maintenance</title></head><body>back soon</body></html>", "text/html"));
        using var api = new ApiHarness(Source(server));

        var result = await api.Run("fred");

        StringAssert.Contains(result.Problems[0].ToString(), "answered an HTML page instead of data (title: Scheduled maintenance)");
    }

    [TestMethod]
    public async Task AnApiErrorIsShownWithItsMessageAndTheKeyHidden()
    {
        using var server = new ApiServer(_ => new Reply(400, """{"error_code":400,"error_message":"Bad Request.  The series does not exist."}"""));
        using var api = new ApiHarness(Source(server));

        var message = (await api.Run("fred")).Problems[0].ToString();

        StringAssert.Contains(message, "answered 400 Bad Request: {\"error_code\":400,\"error_message\":\"Bad Request. The series does not exist.\"}");
        StringAssert.Contains(message, "api_key=***");
        Assert.IsFalse(message.Contains(Key, StringComparison.Ordinal), message);
    }

    [TestMethod]
    public async Task AMissingKeyNamesTheVariableToSet()
    {
        using var server = new ApiServer(r => Fred(r, []));
        var source = Source(server);
        source.ApiKeyVariable = "MONITOR_TEST_FRED_KEY_UNSET";
        using var api = new ApiHarness(source);

        var result = await api.Run("fred");

        StringAssert.Contains(result.Problems[0].ToString(), "source 'fred' needs an API key: set the environment variable MONITOR_TEST_FRED_KEY_UNSET");
        Assert.AreEqual(0, server.Requests.Count);
    }

    [TestMethod]
    public async Task ASeriesThatChangesWhilePagedIsRefused()
    {
        string[][] rows = [["2024-01-01", "1"], ["2024-02-01", "2"], ["2024-03-01", "3"]];
        var pages = 0;
        using var server = new ApiServer(r => r.Url!.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal) && Interlocked.Increment(ref pages) == 2
            ? Fred(r, [.. rows, ["2024-04-01", "4"]])
            : Fred(r, rows));
        using var api = new ApiHarness(Source(server, pageSize: 2));

        var result = await api.Run("fred");

        StringAssert.Contains(result.Problems[0].ToString(), "the series changed while it was paged (3 observations, then 4)");
    }

    [TestMethod]
    public async Task AlfredRowsBecomeTheVintagesTheyWere()
    {
        // GDP for 2024Q1 first published 1.4, revised to 1.6 a month later; 2024Q2 published once.
        string[][] rows = [["2024-01-01", "1.4", "2024-04-25", "2024-05-29"], ["2024-01-01", "1.6", "2024-05-30", "9999-12-31"], ["2024-04-01", "2.8", "2024-07-25", "9999-12-31"]];
        using var server = new ApiServer(r => Fred(r, rows, realtime: true, frequency: "Q"));
        var source = Source(server);
        (source.RealtimeStart, source.RealtimeEnd) = ("1776-07-04", "9999-12-31");
        using var api = new ApiHarness(source);

        var result = await api.Run("fred");

        Assert.AreEqual(("succeeded", 2L, 1L), (result.Status, result.RowsNew, result.RowsRevised), string.Join("; ", result.Problems));
        Assert.AreEqual("2024-01-01 1.4 2024-04-25 2024-05-30|2024-01-01 1.6 2024-05-30 -|2024-04-01 2.8 2024-07-25 -", History(api));
        Assert.AreEqual("1776-07-04", Query(server.Requests.First(u => u.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal)), "realtime_start"));
        Assert.AreEqual("skipped", (await api.Run("fred")).Status);
    }

    [TestMethod]
    public async Task AnAlfredRowThatEndsWithoutSuccessorWithdrawsItsPeriodButTheEndOfTheAskedWindowDoesNot()
    {
        // 2024Q1 was published on 2024-04-25 and withdrawn after 2024-05-29; 2024Q2's row ends where the window asked for ends.
        string[][] rows = [["2024-01-01", "1.4", "2024-04-25", "2024-05-29"], ["2024-04-01", "2.8", "2024-07-25", "2024-12-31"]];
        using var server = new ApiServer(r => Fred(r, rows, realtime: true, frequency: "Q", realtimeEnd: "2024-12-31"));
        var source = Source(server);
        (source.RealtimeStart, source.RealtimeEnd) = ("1776-07-04", "2024-12-31");
        using var api = new ApiHarness(source);

        var result = await api.Run("fred");

        Assert.AreEqual("succeeded", result.Status, string.Join("; ", result.Problems));
        Assert.AreEqual("2024-01-01 1.4 2024-04-25 2024-05-30|2024-04-01 2.8 2024-07-25 -", History(api));
        Assert.AreEqual(1L, api.Ingest.Count("SELECT count(*) FROM observations WHERE known_to IS NULL"), "only 2024Q2 is current");
    }

    [TestMethod]
    public async Task AlfredHistoryJoinsTheValuesAlreadyStored()
    {
        string[][] current = [["2024-01-01", "1.6"]];
        string[][] vintages = [["2024-01-01", "1.4", "2024-04-25", "2024-05-29"], ["2024-01-01", "1.6", "2024-05-30", "9999-12-31"]];
        var realtime = false;
        using var server = new ApiServer(r => realtime ? Fred(r, vintages, realtime: true, frequency: "Q") : Fred(r, current, frequency: "Q"));
        using var api = new ApiHarness(Source(server));
        Assert.AreEqual("succeeded", (await api.Run("fred")).Status);
        var storedFrom = (DateTime)api.Ingest.Scalar("SELECT known_from FROM observations")!;

        realtime = true;
        (api.Options.Sources[0].RealtimeStart, api.Options.Sources[0].RealtimeEnd) = ("1776-07-04", "9999-12-31");
        var result = await api.Run("fred");

        Assert.AreEqual(("succeeded", 0L, 2L), (result.Status, result.RowsNew, result.RowsRevised), string.Join("; ", result.Problems));
        var chain = History(api).Split('|');
        Assert.AreEqual(3, chain.Length, History(api));
        StringAssert.StartsWith(chain[0], "2024-01-01 1.4 2024-04-25 ");
        StringAssert.Contains(History(api), $"2024-01-01 1.6 {storedFrom:yyyy-MM-dd}", "the value stored before is kept");
        Assert.AreEqual(0L, api.Ingest.Count("""
            SELECT count(*) FROM (SELECT known_to, lead(known_from) OVER (PARTITION BY series_id, period ORDER BY known_from) AS next FROM observations)
            WHERE known_to IS DISTINCT FROM next
            """), "each row is known until the next one starts");
        Assert.AreEqual(1L, api.Ingest.Count("SELECT count(*) FROM observations WHERE known_to IS NULL"));
    }

    private static string History(ApiHarness api)
    {
        using var connection = api.Ingest.Store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT strftime(period, '%Y-%m-%d') || ' ' || value || ' ' || strftime(known_from, '%Y-%m-%d') || ' ' || coalesce(strftime(known_to, '%Y-%m-%d'), '-') FROM observations ORDER BY period, known_from";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return string.Join('|', rows);
    }

    private static SourceOptions Source(ApiServer server, int pageSize = 100_000) => new()
    {
        Name = "fred", Kind = "http-api", Format = "fred-api", Dataset = "fred", ApiKeyVariable = KeyVariable, PageSize = pageSize,
        Location = $"{server.Base}fred/series/observations?series_id=INDPRO",
    };

    private static string? Query(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    /// <summary>FRED's answers as its documentation shows them: fred/series, and fred/series/observations paged by limit and offset.</summary>
    private static Reply Fred(HttpListenerRequest request, string[][] rows, bool realtime = false, string frequency = "M", string realtimeEnd = "9999-12-31")
    {
        var (start, end) = realtime ? ("1776-07-04", realtimeEnd) : ("2026-12-05", "2026-12-05");
        if (!request.Url!.AbsolutePath.EndsWith("/observations", StringComparison.Ordinal))
        {
            return new Reply(200, JsonSerializer.Serialize(new
            {
                realtime_start = start, realtime_end = end,
                seriess = new[] { new { id = "INDPRO", realtime_start = start, realtime_end = end, title = frequency == "M" ? "Industrial Production" : "Real GDP", frequency_short = frequency, units = "Index 2017=100" } },
            }));
        }
        var limit = int.Parse(request.QueryString["limit"] ?? "100000", CultureInfo.InvariantCulture);
        var offset = int.Parse(request.QueryString["offset"] ?? "0", CultureInfo.InvariantCulture);
        var page = rows.Skip(offset).Take(limit).Select(r => new { realtime_start = r.Length > 2 ? r[2] : start, realtime_end = r.Length > 3 ? r[3] : end, date = r[0], value = r[1] });
        return new Reply(200, JsonSerializer.Serialize(new
        {
            realtime_start = start, realtime_end = end, observation_start = "1776-07-04", observation_end = "9999-12-31", units = "lin",
            output_type = 1, file_type = "json", order_by = "observation_date", sort_order = "asc", count = rows.Length, offset, limit, observations = page,
        }));
    }
}
