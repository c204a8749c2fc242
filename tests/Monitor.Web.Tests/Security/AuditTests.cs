using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Web.Api.Keys;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

[TestClass]
public sealed class AuditTests
{
    [TestMethod]
    public async Task Sign_ins_and_failed_sign_ins_leave_rows()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        await RunningHost.SignIn(client, RunningHost.PlannerUser, "not-the-password");
        using var signedIn = await host.SignedInClient(RunningHost.PlannerUser);

        var rows = Audit(host).Read(new AuditFilter(Actor: RunningHost.PlannerUser, Action: AuditActions.SignIn)).Rows;
        Assert.IsTrue(rows.Any(r => r.Outcome == AuditOutcome.Denied && r.Target == "POST /Account/SignIn"), "a failed sign-in is audited");
        Assert.IsTrue(rows.Any(r => r.Outcome == AuditOutcome.Success && r.Address == "127.0.0.1"), "a sign-in is audited with the address");
    }

    [TestMethod]
    public async Task Exports_through_the_API_are_audited_with_the_key_owner_rows_and_filter_even_when_they_fail()
    {
        var host = await SharedHost.GetAsync();
        var key = host.Services.GetRequiredService<ApiKeyStore>().Create(RunningHost.AnalystUser, "audit test");
        using var client = host.Client();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key.Key);

        using var good = await client.GetAsync("/api/v1/exports?format=csv&domain=macro");
        using var bad = await client.GetAsync("/api/v1/exports?format=doc");

        var rows = Audit(host).Read(new AuditFilter(Actor: RunningHost.AnalystUser, Action: AuditActions.Export)).Rows
            .Where(r => r.Via == $"api-key:{key.Id}").ToList();
        Assert.AreEqual(HttpStatusCode.OK, good.StatusCode);
        var success = rows.Single(r => r.Outcome == AuditOutcome.Success);
        Assert.AreEqual("GET /api/v1/exports", success.Target);
        Assert.AreEqual("format=csv&domain=macro", success.Parameters);
        Assert.IsTrue(success.Rows > 0, "the rows handed out are recorded");
        Assert.AreEqual("format=doc", rows.Single(r => r.Outcome == AuditOutcome.Failure).Parameters, "a refused export is audited too");
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [TestMethod]
    public async Task Key_creation_and_role_changes_on_the_pages_are_audited()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        host.Services.GetRequiredService<Monitor.Web.Security.UserStore>().Create("audited", RunningHost.UserPassword, "planner", null);

        using var key = await Post(admin, "/ApiKeys", "/ApiKeys?handler=Create", new() { ["Label"] = "audit-label" });
        using var role = await Post(admin, "/Users", "/Users?handler=Role", new() { ["userName"] = "audited", ["role"] = "analyst" });

        var log = Audit(host);
        Assert.AreEqual("label=audit-label", log.Read(new AuditFilter(Actor: RunningHost.AdminUser, Action: AuditActions.KeyCreate)).Rows[0].Parameters);
        var change = log.Read(new AuditFilter(Action: AuditActions.RoleChange)).Rows.First(r => r.Parameters!.StartsWith("user=audited", StringComparison.Ordinal));
        Assert.AreEqual("planner -> analyst", change.Detail);
        Assert.AreEqual(AuditOutcome.Success, change.Outcome);
    }

    [TestMethod]
    public async Task Only_admins_read_the_log_through_the_API_and_the_page()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        using var analyst = await host.SignedInClient(RunningHost.AnalystUser);
        using var anonymous = host.Client();

        using var listed = await admin.GetAsync("/api/v1/audit?action=sign-in&limit=2");
        using var refused = await analyst.GetAsync("/api/v1/audit");
        using var stranger = await anonymous.GetAsync("/api/v1/audit");
        using var badFilter = await admin.GetAsync("/api/v1/audit?outcome=maybe");
        using var page = await admin.GetAsync("/Audit?action=sign-in");
        using var pageRefused = await analyst.GetAsync("/Audit");

        Assert.AreEqual(HttpStatusCode.OK, listed.StatusCode);
        using var json = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        var items = json.RootElement.GetProperty("items");
        Assert.AreEqual(2, items.GetArrayLength());
        Assert.IsTrue(items.EnumerateArray().All(i => i.GetProperty("action").GetString() == "sign-in"));
        Assert.IsTrue(json.RootElement.GetProperty("total").GetInt64() >= 2);
        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        StringAssert.Contains(await page.Content.ReadAsStringAsync(), "id=\"audit\"");
        StringAssert.StartsWith(pageRefused.Headers.Location!.AbsolutePath, "/Account/Denied");
        Assert.IsTrue(Audit(host).Read(new AuditFilter(Actor: RunningHost.AdminUser, Action: AuditActions.AuditRead)).Total >= 2, "reading the log is audited");
    }

    internal static IAuditLog Audit(RunningHost host) => host.Services.GetRequiredService<IAuditLog>();

    internal static Task<HttpResponseMessage> Post(HttpClient client, string formPage, string target, Dictionary<string, string> fields) =>
        RunningHost.PostForm(client, formPage, target, fields);
}
