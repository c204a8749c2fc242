using System.Net;

namespace Monitor.Web.Tests.Api;

/// <summary>With the dashboard's cookie scheme as the default, as in the full host.</summary>
[TestClass]
public sealed class CookieSchemeTests
{
    private static ApiHost _host = null!;

    [ClassInitialize]
    public static async Task Start(TestContext _) => _host = await ApiHost.StartAsync(withCookies: true);

    [ClassCleanup]
    public static async Task Stop() => await _host.DisposeAsync();

    [TestMethod]
    public async Task RoutesOnTheDefaultCookieSchemeAcceptAKeyToo()
    {
        using var withKey = await _host.Client.SendAsync(_host.Get("/api/v1/cookie-default", _host.PlannerKey));
        using var revoked = await _host.Client.SendAsync(_host.Get("/api/v1/cookie-default", "mk_unknown"));

        Assert.AreEqual(HttpStatusCode.OK, withKey.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, revoked.StatusCode, "a bad key is refused, not redirected to sign-in");
    }

    [TestMethod]
    public async Task ApiRoutesAnswer401NotASignInRedirectToClientsWithoutCookies()
    {
        using var response = await _host.Client.SendAsync(_host.Get("/api/v1/series", key: null));
        using var docs = await _host.Client.SendAsync(_host.Get("/api/docs", key: null));

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("/Account/Login", docs.RequestMessage!.RequestUri!.AbsolutePath, "a browser asking for the docs is sent to sign in");
    }
}
