using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Core.Store;
using Monitor.Enterprises.Access;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Ingest;
using Monitor.Enterprises.Warnings;
using Monitor.Web.Api.Keys;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Pages.Enterprises;

/// <summary>
/// A planner scoped to Beijing (11) cannot read a Guangdong (44) firm through any route that hands out enterprise
/// data — the page, every API route (cookie and API key), the CSV export — and every firm-level call is audited.
/// (E-mails carry only the stress index series, an aggregate; the CLI verb prints only protected aggregates.)
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
    ];

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _host = await RunningHost.StartAsync(seeded: false);
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
        using var cookie = await _host.SignedInClient(RunningHost.PlannerUser);
        using var key = _host.Client();
        key.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, _host.Services.GetRequiredService<ApiKeyStore>().Create(RunningHost.PlannerUser, "test").Key);

        foreach (var client in new[] { cookie, key })
            foreach (var route in FirmRoutes.Select(r => r.Replace("{firm}", _guangdongFirm, StringComparison.Ordinal)))
            {
                if (client == key && !route.StartsWith("/api/", StringComparison.Ordinal)) continue;
                using var response = await client.GetAsync(route);
                var body = await response.Content.ReadAsStringAsync();
                Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, route);
                // (a page may echo the code the user typed in its links; the firm's data never appears)
                if (!route.Contains(_guangdongFirm, StringComparison.Ordinal)) Assert.DoesNotContain(_guangdongFirm, body, route);
                Assert.DoesNotContain("机密企业5", body, route);
                Assert.DoesNotContain("机密企业6", body, route);
            }
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
        foreach (var route in new[] { "/api/v1/enterprises/firms?region=11", "/api/v1/enterprises/firms.csv", "/api/v1/enterprises/warnings", "/api/v1/enterprises/firms?period=bad" })
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
