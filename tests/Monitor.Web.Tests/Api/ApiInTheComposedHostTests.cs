using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Api.Keys;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Api;

/// <summary>The API inside the host as Program.cs composes it (dashboard cookies and API keys side by side).</summary>
[TestClass]
public sealed class ApiInTheComposedHostTests
{
    [TestMethod]
    public async Task AKeyOrASignedInCookieReachesTheApiAndAStrangerGets401NotARedirect()
    {
        var host = await SharedHost.GetAsync();
        var key = host.Services.GetRequiredService<ApiKeyStore>().Create(RunningHost.AnalystUser, "composed-host test");
        using var stranger = host.Client();
        using var withKey = host.Client();
        withKey.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key.Key);
        using var planner = await host.SignedInClient(RunningHost.PlannerUser);

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/series")).StatusCode);
        var byKey = await withKey.GetAsync("/api/v1/series");
        Assert.AreEqual(HttpStatusCode.OK, byKey.StatusCode);
        Assert.IsGreaterThan(0, JsonDocument.Parse(await byKey.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength());
        Assert.AreEqual(HttpStatusCode.OK, (await planner.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await withKey.GetAsync("/api/v1/subscriptions")).StatusCode, "the e-mail module's routes take keys too");
    }
}
