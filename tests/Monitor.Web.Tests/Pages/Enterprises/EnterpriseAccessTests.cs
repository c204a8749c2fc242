using System.Text.Json;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Core.Store;
using Monitor.Enterprises.Access;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Warnings;
using Monitor.Present.Email.Digest;
using Monitor.Present.Email.Subscriptions;
using Monitor.Web.Api.Keys;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Pages.Enterprises;

/// <summary>
/// A planner scoped to Beijing (11) cannot read a Guangdong (44) firm through any route that hands out enterprise
/// data — the page, every API route (cookie and API key), the CSV export, the watch list (read, add, remove) and the
/// e-mail of watch alerts — and every firm-level call is audited. (Other e-mails carry only the stress index series, an
/// aggregate; the CLI verb prints only protected aggregates.)
/// </summary>
[TestClass]
public sealed class EnterpriseAccessTests
{
    private static RunningHost _host = null!;
    private static string _guangdongFirm = null!;
    private static string _beijingFirm = null!;

    private static readonly string[] FirmRoutes =
    [
        "/Enterprises?period=2025-03", "/Enterprises?period=2025-03&region=44", "/Enterprises?period=2025-03&enterprise={firm}",
        "/api/v1/enterprises/firms", "/api/v1/enterprises/firms?region=44", "/api/v1/enterprises/firms?enterprise={firm}",
        "/api/v1/enterprises/firms.csv?region=44", "/api/v1/enterprises/firms.csv?enterprise={firm}",
        "/api/v1/enterprises/warnings", "/api/v1/enterprises/warnings?enterprise={firm}",
        "/api/v1/enterprises/aggregates?period=2025-03&by=region", "/api/v1/enterprises/aggregates?period=2025-03&by=region,industry&region_level=city",
        "/api/v1/enterprises/watchlist",
    ];

    /// <summary>The routes that change a watch list: each is tried with the Guangdong firm and must refuse it without a trace of it.</summary>
    private static readonly string[] WatchWrites =
    [
        "POST /api/v1/enterprises/watchlist", "DELETE /api/v1/enterprises/watchlist/{firm}",
        "POST /Enterprises?handler=Watch", "POST /Enterprises?handler=Unwatch",
    ];

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _host = await RunningHost.StartAsync(seeded: false, settings: new Dictionary<string, string?>
        {
            ["Enterprises:Coverage:0:Indicator"] = "output", ["Enterprises:Coverage:0:Dataset"] = "pub", ["Enterprises:Coverage:0:Code"] = "IND_OUTPUT",
        });
        var folder = _host.Folder;
        var rows = new List<string> { "enterprise_id,enterprise_name,region_code,industry_code,size_class,indicator,period,value,unit" };
        // Four Beijing firms, two Guangdong firms (a cell that must be hidden), twelve months.
        foreach (var (n, region) in new[] { (1, "110101"), (2, "110102"), (3, "110105"), (4, "110108"), (5, "440305"), (6, "440106") })
        {
            var first17 = "91" + region + n.ToString("D8", CultureInfo.InvariantCulture) + "0";
            var id = first17 + CreditCode.CheckCharacter(first17);
            if (n == 5) _guangdongFirm = id;
            if (n == 1) _beijingFirm = id;
            for (var m = 1; m <= 15; m++)
            {
                var month = new DateOnly(2024, 1, 1).AddMonths(m - 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                var value = n == 5 && m > 12 ? 10 : 100 * n + m;
                rows.Add($"{id},机密企业{n},{region},3612,small,output,{month},{value},万元");
            }
        }
        var path = Path.Combine(folder, "firms.csv");
        File.WriteAllLines(path, rows);
        var load = _host.Services.GetRequiredService<PanelLoader>().Load(path, "enterprise:test");
        Assert.IsTrue(load.Succeeded, load.Summary());
        _host.Services.GetRequiredService<FirmWarnings>().Run();
        _host.Services.GetRequiredService<EnterpriseScopes>().Grant(RunningHost.PlannerUser, "11", RunningHost.AdminUser);
    }

    [ClassCleanup]
    public static async Task Stop() => await _host.DisposeAsync();

    [TestMethod]
    public async Task ScopedPlannerNeverSeesAGuangdongFirmOnAnyRoute()
    {
        var clients = await PlannerClients("test");
        foreach (var (client, route) in Calls(clients, FirmRoutes))
        {
            using var response = await client.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, route);
            // (a page may echo the code the user typed in its links; the firm's data never appears)
            if (!route.Contains(_guangdongFirm, StringComparison.Ordinal)) Assert.DoesNotContain(_guangdongFirm, body, route);
            Assert.DoesNotContain("机密企业5", body, route);
            Assert.DoesNotContain("机密企业6", body, route);
        }
        Array.ForEach(clients, c => c.Dispose());
    }

    [TestMethod]
    public async Task ScopedPlannerCannotWatchAGuangdongFirmOnAnyRoute()
    {
        var clients = await PlannerClients("watch");
        foreach (var (client, call) in Calls(clients, WatchWrites))
        {
            var (method, route) = (call.Split(' ')[0], call.Split(' ')[1]);
            using var response = await Send(client, method, route, _guangdongFirm);
            var body = await response.Content.ReadAsStringAsync();
            Assert.IsTrue(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.OK, $"{call}: {response.StatusCode}");
            Assert.DoesNotContain("机密企业5", body, call);
        }
        Array.ForEach(clients, c => c.Dispose());
        CollectionAssert.DoesNotContain(_host.Services.GetRequiredService<FirmReader>().WatchedIds(RunningHost.PlannerUser).ToArray(), _guangdongFirm);
        var refusals = _host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Actor: RunningHost.PlannerUser, Action: WatchList.AuditAction, Outcome: AuditOutcome.Denied)).Rows;
        Assert.AreEqual(3, refusals.Count(r => r.Parameters == "add=" + _guangdongFirm), "API by cookie and by key, and the page: each refusal audited");
    }

    [TestMethod]
    public async Task ScopedPlannerWatchesABeijingFirmAndSeesItsWarnings()
    {
        using var cookie = await _host.SignedInClient(RunningHost.PlannerUser);
        using (var added = await Send(cookie, "POST", "/api/v1/enterprises/watchlist", _beijingFirm))
            Assert.IsTrue(added.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, added.StatusCode.ToString());
        var list = await cookie.GetStringAsync("/api/v1/enterprises/watchlist");
        StringAssert.Contains(list, "机密企业1");
        StringAssert.Contains(await cookie.GetStringAsync("/Enterprises?period=2025-03"), "enterprise-watchlist");
        using (var removed = await Send(cookie, "DELETE", $"/api/v1/enterprises/watchlist/{_beijingFirm}", _beijingFirm))
            Assert.AreEqual(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain("机密企业1", await cookie.GetStringAsync("/api/v1/enterprises/watchlist"));
    }

    [TestMethod]
    public void AWatchAlertIsMailedOnlyToItsUserAndNotAfterTheScopeIsRemoved()
    {
        var services = _host.Services;
        var scopes = services.GetRequiredService<EnterpriseScopes>();
        var watchList = services.GetRequiredService<WatchList>();
        var subscriptions = services.GetRequiredService<SubscriptionStore>();
        foreach (var user in new[] { "mail-keeps", "mail-loses" })
        {
            scopes.Grant(user, "11", RunningHost.AdminUser);
            Assert.AreEqual(WatchOutcome.Added, watchList.Add(new AuditActor(user, "cookie"), "test", _beijingFirm));
        }
        var keeps = subscriptions.Create(new SubscriptionDraft { Address = "keeps@example.cn" }, "mail-keeps");
        var loses = subscriptions.Create(new SubscriptionDraft { Address = "loses@example.cn" }, "mail-loses");
        var other = subscriptions.Create(new SubscriptionDraft { Address = "other@example.cn" }, RunningHost.AnalystUser);

        // Beijing firm 1 reports a collapse in 2025-03 (a revision): the next warnings run finds a new fall.
        var revision = Path.Combine(_host.Folder, "revision.csv");
        File.WriteAllLines(revision, ["enterprise_id,enterprise_name,region_code,industry_code,size_class,indicator,period,value,unit",
            $"{_beijingFirm},机密企业1,110101,3612,small,output,2025-03,1,万元"]);
        Assert.IsTrue(services.GetRequiredService<PanelLoader>().Load(revision, "enterprise:test").Succeeded);
        Assert.IsGreaterThanOrEqualTo(2L, services.GetRequiredService<FirmWarnings>().Run().WatchAlerts);
        scopes.Revoke("mail-loses", "11");

        // The digests fall due a day later (a fake clock: no waiting).
        var later = new FakeTimeProvider(services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(1));
        var report = ActivatorUtilities.CreateInstance<DigestPlanner>(services, later).ClaimDue(CancellationToken.None);
        Assert.IsEmpty(report.Errors);

        var mailed = Mailed(keeps.SubscriptionId);
        StringAssert.Contains(mailed, "机密企业1");
        StringAssert.Contains(mailed, _beijingFirm);
        Assert.DoesNotContain("机密企业1", Mailed(loses.SubscriptionId), "scope removed: no firm in the e-mail");
        Assert.DoesNotContain("机密企业1", Mailed(other.SubscriptionId), "another user's digest");
        var audit = services.GetRequiredService<IAuditLog>();
        Assert.AreEqual(AuditOutcome.Success, audit.Read(new AuditFilter(Actor: "mail-keeps", Action: AuditActions.EnterpriseRead)).Rows.Single().Outcome);
        Assert.AreEqual(AuditOutcome.Denied, audit.Read(new AuditFilter(Actor: "mail-loses", Action: AuditActions.EnterpriseRead)).Rows.Single().Outcome);
    }

    /// <summary>The scoped planner signed in by cookie and by an API key (the caller disposes both).</summary>
    private static async Task<HttpClient[]> PlannerClients(string keyLabel)
    {
        var cookie = await _host.SignedInClient(RunningHost.PlannerUser);
        var key = _host.Client();
        key.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, _host.Services.GetRequiredService<ApiKeyStore>().Create(RunningHost.PlannerUser, keyLabel).Key);
        return [cookie, key];
    }

    /// <summary>Every route with the Guangdong firm filled in, by each client; the key (the second client) only on API routes.</summary>
    private static IEnumerable<(HttpClient Client, string Route)> Calls(HttpClient[] clients, IEnumerable<string> routes) =>
        from client in clients
        from route in routes.Select(r => r.Replace("{firm}", _guangdongFirm, StringComparison.Ordinal))
        where client == clients[0] || route.Contains("/api/", StringComparison.Ordinal)
        select (client, route);

    /// <summary>The text of the digests claimed for a subscription (empty when none was).</summary>
    private static string Mailed(long subscriptionId)
    {
        var mimes = Sql.Rows(_host.Services.GetRequiredService<MonitorStore>(), "SELECT mime FROM email_outbox WHERE subscription_id = $1",
            r =>
            {
                var copy = new MemoryStream();
                using (var blob = r.GetStream(0)) blob.CopyTo(copy);
                return copy;
            }, subscriptionId);
        return string.Join("\n", mimes.Select(stream =>
        {
            stream.Position = 0;
            using var message = MimeKit.MimeMessage.Load(stream);
            return message.Subject + "\n" + message.TextBody + "\n" + message.HtmlBody;
        }));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string route, string firm)
    {
        if (route.StartsWith("/Enterprises", StringComparison.Ordinal))
            return await RunningHost.PostForm(client, "/Enterprises?period=2025-03", route, new Dictionary<string, string> { ["enterpriseId"] = firm });
        using var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (method == "POST") request.Content = JsonContent.Create(new { enterprise_id = firm });
        return await client.SendAsync(request);
    }

    [TestMethod]
    public async Task ScopedPlannerSeesABeijingFirm()
    {
        using var cookie = await _host.SignedInClient(RunningHost.PlannerUser);
        StringAssert.Contains(await cookie.GetStringAsync($"/api/v1/enterprises/firms?enterprise={_beijingFirm}"), _beijingFirm);
        StringAssert.Contains(await cookie.GetStringAsync("/Enterprises?period=2025-03"), _beijingFirm);
    }

    [TestMethod]
    public async Task GuangdongCellIsHiddenWithADashNotZero()
    {
        using var analyst = await _host.SignedInClient(RunningHost.AnalystUser);
        var body = await analyst.GetStringAsync("/api/v1/enterprises/aggregates?period=2025-03&by=region");
        StringAssert.Contains(body, "\"display\":\"—\"");
        StringAssert.Contains(body, "保密");
        var page = await analyst.GetStringAsync("/Enterprises?period=2025-03&by=region");
        StringAssert.Contains(page, "保密");
        Assert.DoesNotContain("enterprise-firms", page, "no firm table without a scope");
    }

    [TestMethod]
    public async Task ThePageShowsCoverageOfThePublishedTotalButNoneForHiddenCells()
    {
        // A published national total for 2025-02 of twice the bottom-up total (1,056 Beijing + 624 Guangdong 万元).
        using (var connection = _host.Services.GetRequiredService<MonitorStore>().Open())
        {
            Sql.Execute(connection, null, "INSERT INTO series (series_id, dataset, code, name, domain, frequency) VALUES ('pub:IND_OUTPUT', 'pub', 'IND_OUTPUT', 'Output', 'macro', 'M')");
            Sql.Execute(connection, null, "INSERT INTO observations VALUES ('pub:IND_OUTPUT', DATE '2025-02-01', 3360, TIMESTAMP '2025-03-20 00:00:00', NULL, 1)");
        }
        using var analyst = await _host.SignedInClient(RunningHost.AnalystUser);
        var page = await analyst.GetStringAsync("/Enterprises?period=2025-02&by=region");
        StringAssert.Contains(page, "<td class=\"coverage\">50.0</td>");
        Assert.AreEqual(2, Regex.Matches(page, "<td class=\"coverage\">—</td>").Count, "Beijing and Guangdong are hidden: no coverage");
        using var api = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/enterprises/aggregates?indicator=output&period=2025-02&by=region"));
        var shares = api.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("codes").GetProperty("region").GetString()!, c => c.GetProperty("coverage_pct"));
        Assert.AreEqual(50.0, shares["_T"].GetDouble(), 1e-9, "the API carries the same coverage");
        Assert.AreEqual(JsonValueKind.Null, shares["11"].ValueKind, "hidden Beijing: none");
    }

    [TestMethod]
    public async Task UnscopedAnalystIsRefusedFirmRowsAndTheRefusalIsAudited()
    {
        using var analyst = await _host.SignedInClient(RunningHost.AnalystUser);
        using var response = await analyst.GetAsync($"/api/v1/enterprises/firms?enterprise={_beijingFirm}");
        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        var rows = _host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Actor: RunningHost.AnalystUser, Action: AuditActions.EnterpriseRead)).Rows;
        Assert.IsTrue(rows.Any(r => r.Outcome == AuditOutcome.Denied && r.Target == "GET /api/v1/enterprises/firms"));
    }

    [TestMethod]
    public async Task EveryFirmLevelCallLeavesAnAuditRow()
    {
        using var cookie = await _host.SignedInClient(RunningHost.PlannerUser);
        var audit = _host.Services.GetRequiredService<IAuditLog>();
        long Count() => audit.Read(new AuditFilter(Actor: RunningHost.PlannerUser, Action: AuditActions.EnterpriseRead, PageSize: 500)).Total;
        foreach (var route in new[] { "/api/v1/enterprises/firms?region=11", "/api/v1/enterprises/firms.csv", "/api/v1/enterprises/warnings", "/api/v1/enterprises/firms?period=bad", "/api/v1/enterprises/watchlist" })
        {
            var before = Count();
            using var _ = await cookie.GetAsync(route);
            Assert.AreEqual(before + 1, Count(), route);
        }
    }

    [TestMethod]
    public async Task OnlyAdminsManageScopes()
    {
        using var planner = await _host.SignedInClient(RunningHost.PlannerUser);
        using var denied = await planner.GetAsync("/Enterprises/Scopes");
        Assert.AreNotEqual(HttpStatusCode.OK, denied.StatusCode);
        using var admin = await _host.SignedInClient(RunningHost.AdminUser);
        StringAssert.Contains(await admin.GetStringAsync("/Enterprises/Scopes"), RunningHost.PlannerUser);
    }
}
