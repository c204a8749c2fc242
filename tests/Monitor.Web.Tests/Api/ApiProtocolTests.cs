using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitor.Web.Tests.Api;

[TestClass]
public sealed class ApiProtocolTests
{
    private static ApiHost _host = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _) => _host = await ApiHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await _host.DisposeAsync();

    [TestMethod]
    public async Task PagesLinkToTheNextPageUntilTheEnd()
    {
        using var first = await _host.GetAsync("/api/v1/series?limit=2");
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var next = firstJson.RootElement.GetProperty("next").GetString()!;
        using var last = await _host.GetAsync("/api/v1/series?limit=2&offset=4");
        using var lastJson = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        using var second = await _host.GetAsync(next);
        using var secondJson = JsonDocument.Parse(await second.Content.ReadAsStringAsync());

        Assert.AreEqual(5, firstJson.RootElement.GetProperty("total").GetInt32());
        Assert.AreEqual("/api/v1/series?limit=2&offset=2", next);
        Assert.AreEqual($"<{next}>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.AreEqual("nbs:ppi", secondJson.RootElement.GetProperty("items")[0].GetProperty("series_id").GetString());
        Assert.AreEqual(1, lastJson.RootElement.GetProperty("items").GetArrayLength());
        Assert.AreEqual(JsonValueKind.Null, lastJson.RootElement.GetProperty("next").ValueKind);
        Assert.IsFalse(last.Headers.Contains("Link"));
    }

    [TestMethod]
    public async Task A_malformed_JSON_body_gets_a_problem_that_says_where()
    {
        var request = _host.Get("/api/v1/keys", _host.AnalystKey);
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("{\"label\": \"x\",", System.Text.Encoding.UTF8, "application/json");

        using var response = await _host.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        StringAssert.Contains(detail, "JSON");
        StringAssert.Contains(detail, "BytePositionInLine", "the reader says where the body broke off");
        Assert.IsEmpty(_host.Keys.List("ana").Where(k => k.Label == "x"), "nothing was created");
    }

    [TestMethod]
    public async Task SameContentAnswers304ToItsETag()
    {
        using var first = await _host.GetAsync("/api/v1/alerts");
        var etag = first.Headers.ETag!.Tag;
        var again = _host.Get("/api/v1/alerts", _host.AnalystKey);
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var cached = await _host.Client.SendAsync(again);
        var stale = _host.Get("/api/v1/alerts", _host.AnalystKey);
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"0000\"");
        using var changed = await _host.Client.SendAsync(stale);

        Assert.AreEqual(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.AreEqual(0, (await cached.Content.ReadAsByteArrayAsync()).Length);
        Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode);
    }

    [TestMethod]
    [DataRow("/api/v1/series?limit=0", "limit")]
    [DataRow("/api/v1/series?limit=5000", "limit")]
    [DataRow("/api/v1/series?offset=-1", "offset")]
    [DataRow("/api/v1/series?domain=space", "domain")]
    [DataRow("/api/v1/series?limt=5", "limt")]
    [DataRow("/api/v1/series/nbs:cpi/observations?as_of=last-year", "as_of")]
    [DataRow("/api/v1/forecasts?run=abc", "run")]
    [DataRow("/api/v1/forecasts?run=1&as_of=2024-01-01", "filter", "exclude each other")]
    [DataRow("/api/v1/anomalies?from=2024-13-01", "from")]
    [DataRow("/api/v1/alerts?severity=apocalyptic", "severity")]
    [DataRow("/api/v1/signal-lights?latest=maybe", "latest")]
    [DataRow("/api/v1/exports?format=xls", "format")]
    public async Task BadParametersAnswer400NamingTheParameter(string path, string parameter, string? detail = null)
    {
        using var response = await _host.GetAsync(path);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.IsTrue(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"{path}: {problem.RootElement}");
        StringAssert.Contains(problem.RootElement.GetProperty("detail").GetString(), detail ?? parameter);
    }

    [TestMethod]
    public async Task MissingOrUnknownKeysAnswer401()
    {
        using var none = await _host.Client.GetAsync("/api/v1/series");
        using var wrong = await _host.Client.SendAsync(_host.Get("/api/v1/series", "mk_not-a-real-key"));

        Assert.AreEqual(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrong.StatusCode);
        StringAssert.Contains(none.Headers.WwwAuthenticate.ToString(), "X-Api-Key");
        StringAssert.Contains(await wrong.Content.ReadAsStringAsync(), "revoked");
    }

    [TestMethod]
    public async Task PlannersReadButMayNotExportOrManageKeys()
    {
        using var read = await _host.Client.SendAsync(_host.Get("/api/v1/series", _host.PlannerKey));
        using var export = await _host.Client.SendAsync(_host.Get("/api/v1/exports?format=csv", _host.PlannerKey));
        using var keys = await _host.Client.SendAsync(_host.Get("/api/v1/keys", _host.PlannerKey));

        Assert.AreEqual(HttpStatusCode.OK, read.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, keys.StatusCode);
    }

    [TestMethod]
    public async Task ACreatedKeyWorksUntilItIsRevoked()
    {
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = JsonContent.Create(new { label = "本子" }) };
        create.Headers.Add("X-Api-Key", _host.AnalystKey);
        using var created = await _host.Client.SendAsync(create);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var key = body.RootElement.GetProperty("key").GetString()!;
        var id = body.RootElement.GetProperty("id").GetInt64();

        using var before = await _host.Client.SendAsync(_host.Get("/api/v1/series", key));
        using var listed = await _host.GetAsync("/api/v1/keys");
        var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/keys/{id}");
        revoke.Headers.Add("X-Api-Key", _host.AnalystKey);
        using var revoked = await _host.Client.SendAsync(revoke);
        using var after = await _host.Client.SendAsync(_host.Get("/api/v1/series", key));

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, before.StatusCode);
        var listing = await listed.Content.ReadAsStringAsync();
        StringAssert.Contains(listing, "本子");
        Assert.IsFalse(listing.Contains(key, StringComparison.Ordinal), "a key is shown only once, never listed");
        Assert.AreEqual(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [TestMethod]
    public async Task KeysOfADisabledUserStopWorking()
    {
        var key = _host.Keys.Create("adm", "admin script").Key;
        using (var connection = _host.Store.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE users SET disabled = TRUE WHERE user_name = 'adm'";
            command.ExecuteNonQuery();
        }

        using var response = await _host.Client.SendAsync(_host.Get("/api/v1/series", key));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
