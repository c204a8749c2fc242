using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Api.Keys;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

[TestClass]
public sealed class CrossSiteTests
{
    [TestMethod]
    public async Task A_signed_in_browsers_API_write_from_another_site_is_refused_and_from_this_site_accepted()
    {
        var host = await SharedHost.GetAsync();
        host.Services.GetRequiredService<UserStore>().Create("crosser", RunningHost.UserPassword, Roles.Analyst, null);
        using var client = await host.SignedInClient("crosser");

        using var forged = await client.SendAsync(KeyRequest("https://evil.example"));
        using var crossSite = await client.SendAsync(KeyRequest(null, secFetchSite: "cross-site"));
        using var own = await client.SendAsync(KeyRequest($"{client.BaseAddress!.Scheme}://{client.BaseAddress.Authority}"));

        Assert.AreEqual(HttpStatusCode.Forbidden, forged.StatusCode);
        StringAssert.Contains(await forged.Content.ReadAsStringAsync(), "cross-site request refused");
        Assert.AreEqual(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.AreEqual(HttpStatusCode.Created, own.StatusCode);
        Assert.AreEqual(1, host.Services.GetRequiredService<ApiKeyStore>().List("crosser").Count, "only the same-site request made a key");
    }

    private static HttpRequestMessage KeyRequest(string? origin, string? secFetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = new StringContent("{\"label\":\"x\"}", System.Text.Encoding.UTF8, "application/json") };
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (secFetchSite is not null) request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", secFetchSite);
        return request;
    }
}
