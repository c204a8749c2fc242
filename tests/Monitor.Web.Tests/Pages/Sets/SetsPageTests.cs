using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Core.Store;
using Monitor.Warn.Sets;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Pages.Sets;

/// <summary>The admin page that edits indicator sets: versions, the audit log, line-level errors, admins only.</summary>
[TestClass]
public sealed class SetsPageTests
{
    [TestMethod]
    public async Task An_admin_saves_a_set_as_a_new_version_each_time_and_every_save_is_audited()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        var queue = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queued = queue.EnqueuedCount("default");

        using var first = await Save(admin, "zz_test", isNew: true, "cn:pmi_mfg, 生产, 2\nno:such, Prices, 1, counter");
        using var second = await Save(admin, "zz_test", isNew: false, "cn:pmi_mfg, 生产, 1.5");
        var page = await admin.GetStringAsync("/Sets?code=zz_test");

        Assert.AreEqual(HttpStatusCode.Redirect, first.StatusCode);
        var sets = host.Services.GetRequiredService<IndicatorSetStore>();
        CollectionAssert.AreEqual(new[] { 2, 1 }, sets.Versions("zz_test").Select(v => v.Version).ToArray(), "a save adds a version, none is overwritten");
        CollectionAssert.AreEqual(new[] { 1, 2 }, sets.Versions("zz_test").Select(v => v.Members).ToArray());
        var current = sets.Current().Single(s => s.Code == "zz_test");
        Assert.AreEqual(1.5, current.Members.Single().Weight);
        Assert.AreEqual(queued + 2, queue.EnqueuedCount("default"), "each save queues a warn run");
        var audit = host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Action: AuditActions.IndicatorSetSave, Outcome: AuditOutcome.Success));
        CollectionAssert.IsSubsetOf(new[] { "version 1", "version 2" }, audit.Rows.Where(r => r.Parameters == "code=zz_test").Select(r => r.Detail).ToArray());
        Assert.IsTrue(audit.Rows.All(r => r.Actor == RunningHost.AdminUser));
        StringAssert.Contains(page, "id=\"set-versions\"");
    }

    [TestMethod]
    public async Task An_older_version_loads_into_the_editor_and_saving_it_restores_it_as_the_next_version()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        using var first = await Save(admin, "zz_restore", isNew: true, "cn:pmi_mfg, 生产, 2\ncn:cpi_yoy, 价格, 1, counter");
        using var second = await Save(admin, "zz_restore", isNew: false, "cn:pmi_mfg, 生产, 1.5");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Sets?code=zz_restore"));
        var loaded = WebUtility.HtmlDecode(await admin.GetStringAsync("/Sets?code=zz_restore&version=1"));
        using var restore = await Save(admin, "zz_restore", isNew: false, "cn:pmi_mfg, 生产, 2\ncn:cpi_yoy, 价格, 1, counter");

        StringAssert.Contains(page, "version=1", "the older version offers a restore link");
        StringAssert.Contains(loaded, "id=\"set-loaded\"");
        StringAssert.Contains(loaded, "cn:cpi_yoy", "the editor holds version 1's members");
        Assert.IsTrue(loaded.Contains("当前第 2 版", StringComparison.Ordinal) || loaded.Contains("version 2 in force", StringComparison.Ordinal), "the header names the version in force");
        var sets = host.Services.GetRequiredService<IndicatorSetStore>();
        var current = sets.Current().Single(s => s.Code == "zz_restore");
        Assert.AreEqual((3, 2), (current.Version, current.Members.Count), "restored as version 3, none overwritten");
        Assert.AreEqual(1, sets.Version("zz_restore", 1)!.Version);
        Assert.IsNull(sets.Version("zz_restore", 9));
    }

    [TestMethod]
    public async Task A_bad_line_is_named_with_its_field_and_nothing_is_saved()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);

        using var response = await Save(admin, "zz_bad", isNew: true, "cn:pmi_mfg, 生产, 1\n\ncn:cpi_yoy, 价格, heavy\ncn:m2_yoy, 天气");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "the editor comes back with the problems");
        StringAssert.Contains(html, "line 3: weight: 'heavy' is not a number");
        StringAssert.Contains(html, "line 4: theme: '天气' is not one of");
        StringAssert.Contains(html, "cn:cpi_yoy, 价格, heavy", "what the admin typed is kept");
        Assert.IsEmpty(host.Services.GetRequiredService<IndicatorSetStore>().Versions("zz_bad"));
        var refused = host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Action: AuditActions.IndicatorSetSave, Outcome: AuditOutcome.Failure));
        Assert.IsTrue(refused.Rows.Any(r => r.Parameters == "code=zz_bad" && r.Detail!.Contains("line 3: weight", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Planners_and_analysts_are_refused()
    {
        var host = await SharedHost.GetAsync();
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        using var analyst = await host.SignedInClient(RunningHost.AnalystUser);

        using var page = await planner.GetAsync("/Sets");
        using var post = await RunningHost.PostForm(analyst, "/Alerts", "/Sets?handler=Save",
            new() { ["code"] = "zz_analyst", ["isNew"] = "true", ["name"] = "x", ["economy"] = "ZZ", ["members"] = "cn:pmi_mfg, 生产, 1" });

        StringAssert.StartsWith(page.Headers.Location!.AbsolutePath, "/Account/Denied");
        StringAssert.StartsWith(post.Headers.Location!.AbsolutePath, "/Account/Denied");
        Assert.IsEmpty(host.Services.GetRequiredService<IndicatorSetStore>().Versions("zz_analyst"));
    }

    private static Task<HttpResponseMessage> Save(HttpClient admin, string code, bool isNew, string members) =>
        RunningHost.PostForm(admin, "/Sets?code=" + (isNew ? "new" : code), "/Sets?handler=Save", new()
        {
            ["code"] = code, ["isNew"] = isNew ? "true" : "false", ["economy"] = "ZZ", ["name"] = "Test set", ["nameZh"] = "测试指标组", ["members"] = members,
        });
}
