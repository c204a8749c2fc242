using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Web.Tests.Hosting;

[TestClass]
public sealed class AdminActionTests
{
    [TestMethod]
    public async Task Run_now_enqueues_the_job_through_Hangfire_for_an_admin()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.AdminUser);
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = monitoring.EnqueuedCount("default");

        using var response = await Post(client, "/Data", "/Data?handler=Run", new() { ["key"] = NoopJob.JobKey });
        var page = await client.GetStringAsync("/Data");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/Data", response.Headers.Location?.OriginalString, "back to the page, not to the sign-in");
        Assert.AreEqual(before + 1, monitoring.EnqueuedCount("default"), "one job more in the queue");
        StringAssert.Contains(page, "id=\"enqueued\"");
    }

    [TestMethod]
    public async Task Run_now_is_refused_to_a_planner_and_unknown_keys_are_rejected()
    {
        var host = await SharedHost.GetAsync();
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        using var admin = await host.SignedInClient(RunningHost.AdminUser);

        using var refused = await Post(planner, "/Data", "/Data?handler=Run", new() { ["key"] = NoopJob.JobKey });
        using var unknown = await Post(admin, "/Data", "/Data?handler=Run", new() { ["key"] = "no-such-job" });

        StringAssert.StartsWith(refused.Headers.Location!.AbsolutePath, "/Account/Denied");
        Assert.AreEqual(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [TestMethod]
    public async Task An_admin_adds_a_user_who_can_then_sign_in()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);

        using var created = await Post(admin, "/Users", "/Users?handler=Create", new()
        {
            ["userName"] = "newcomer", ["displayName"] = "新同事", ["password"] = "a-long-password-1", ["role"] = "analyst",
        });
        using var newcomer = await host.SignedInClient("newcomer", "a-long-password-1");

        Assert.AreEqual(HttpStatusCode.Redirect, created.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await newcomer.GetAsync("/Alerts")).StatusCode);
        StringAssert.Contains(await newcomer.GetStringAsync("/"), "newcomer (analyst)");
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string formPage, string target, Dictionary<string, string> fields) =>
        RunningHost.PostForm(client, formPage, target, fields);
}
