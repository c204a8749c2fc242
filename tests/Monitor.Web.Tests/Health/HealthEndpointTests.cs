using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Health;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Health;

/// <summary>The health endpoints in the composed host: codes, the legacy /health body, and who sees details.</summary>
[TestClass]
public sealed class HealthEndpointTests
{
    [TestMethod]
    public async Task Live_answers_200_while_the_process_runs()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/health/live");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task A_stranger_sees_only_the_status_of_health()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("""{"status":"ok"}""", body, "no paths, no messages");
    }

    [TestMethod]
    public async Task Ready_called_from_this_machine_lists_every_check()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "store", "jobStorage", "pipeline" })
            Assert.AreEqual("ok", checks.GetProperty(name).GetProperty("status").GetString(), name);
    }

    [TestMethod]
    public async Task Ready_through_a_proxy_shows_only_the_status()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.AreEqual("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public void Only_loopback_calls_without_forwarding_headers_count_as_local()
    {
        Assert.IsTrue(HealthExposure.IsLocal(Context("127.0.0.1")));
        Assert.IsTrue(HealthExposure.IsLocal(Context("::1")));
        Assert.IsFalse(HealthExposure.IsLocal(Context("192.0.2.10")));
        Assert.IsFalse(HealthExposure.IsLocal(Context("127.0.0.1", forwardedFor: "198.51.100.7")));
    }

    [TestMethod]
    public async Task A_job_storage_that_is_down_makes_health_503_with_the_reason_for_admins_only()
    {
        await using var host = await RunningHost.StartAsync(seeded: false, services: s => s.AddSingleton<JobStorage>(new DownStorage()));
        using var stranger = host.Client();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);

        using var anonymous = await stranger.GetAsync("/health");
        using var detailed = await admin.GetAsync("/health");
        using var body = JsonDocument.Parse(await detailed.Content.ReadAsStringAsync());
        using var live = await stranger.GetAsync("/health/live");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, anonymous.StatusCode);
        Assert.AreEqual("""{"status":"unhealthy"}""", await anonymous.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, detailed.StatusCode);
        Assert.AreEqual("unhealthy", body.RootElement.GetProperty("status").GetString());
        StringAssert.Contains(body.RootElement.GetProperty("reason").GetString(), "connection refused");
        Assert.AreEqual(HttpStatusCode.OK, live.StatusCode, "the process itself still answers");
    }

    private static DefaultHttpContext Context(string remote, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null) context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return context;
    }
}
