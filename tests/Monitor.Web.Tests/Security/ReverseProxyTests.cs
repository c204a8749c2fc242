using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

/// <summary>
/// Issue #16, HTTPS deployment: behind a proxy that terminates TLS, the host must see https (Secure cookies, HSTS) and the
/// real client address, but only when the proxy is trusted; a client talking to the host directly cannot claim either.
/// </summary>
[TestClass]
public sealed partial class ReverseProxyTests
{
    private const string PublicHost = "monitor.example";
    private const string ClientAddress = "203.0.113.9";

    [TestMethod]
    public async Task Through_a_trusted_proxy_cookies_are_secure_HSTS_is_sent_and_the_client_address_is_audited()
    {
        await using var host = await RunningHost.StartAsync(seeded: false);
        await using var proxy = await HeaderInjectingProxy.StartAsync(host.Address, PublicHost, "https", ClientAddress);

        var signIn = await SignInThrough(proxy.Address, RunningHost.AnalystUser, RunningHost.UserPassword);

        Assert.AreEqual(HttpStatusCode.Redirect, signIn.Response.StatusCode);
        StringAssert.Contains(signIn.FormPage.Headers.GetValues("Strict-Transport-Security").Single(), "max-age=");
        Assert.IsTrue(IsSecure(signIn.Response, "monitor.auth"), "the sign-in cookie is Secure");
        Assert.IsTrue(IsSecure(signIn.FormPage, ".AspNetCore.Antiforgery"), "the anti-forgery cookie is Secure");
        Assert.AreEqual(ClientAddress, LastSignInAddress(host), "X-Forwarded-For from the trusted proxy names the client");
    }

    [TestMethod]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        // Only 192.0.2.0/24 is a proxy here, so the loopback proxy below is just another client.
        await using var host = await RunningHost.StartAsync(seeded: false, settings: new Dictionary<string, string?> { ["ReverseProxy:KnownNetworks:0"] = "192.0.2.0/24" });
        await using var proxy = await HeaderInjectingProxy.StartAsync(host.Address, PublicHost, "https", ClientAddress);

        var signIn = await SignInThrough(proxy.Address, RunningHost.AnalystUser, RunningHost.UserPassword);

        Assert.AreEqual(HttpStatusCode.Redirect, signIn.Response.StatusCode);
        Assert.IsFalse(signIn.FormPage.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain http");
        Assert.IsFalse(IsSecure(signIn.Response, "monitor.auth"), "the cookie is not claimed Secure on a plain-http request");
        Assert.AreEqual("127.0.0.1", LastSignInAddress(host), "a spoofed X-Forwarded-For is not believed");
    }

    /// <summary>Signs in by hand (the cookies are Secure, so a cookie container would not send them back over http).</summary>
    private static async Task<(HttpResponseMessage FormPage, HttpResponseMessage Response)> SignInThrough(Uri proxy, string user, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = proxy };
        var page = await client.GetAsync("/Account/SignIn");
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies);
        return (page, await client.SendAsync(post));
    }

    private static bool IsSecure(HttpResponseMessage response, string cookiePrefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Single(v => v.StartsWith(cookiePrefix, StringComparison.Ordinal)).Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase))
            : throw new AssertFailedException($"no cookie {cookiePrefix} set");

    private static string? LastSignInAddress(RunningHost host) =>
        StoreSql.Scalar(host.Services.GetRequiredService<MonitorStore>(),
            "SELECT address FROM audit_log WHERE action = 'sign-in' AND actor = $1 ORDER BY audit_id DESC LIMIT 1", RunningHost.AnalystUser) as string;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
