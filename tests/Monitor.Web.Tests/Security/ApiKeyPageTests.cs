using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Api.Keys;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

[TestClass]
public sealed partial class ApiKeyPageTests
{
    [TestMethod]
    public async Task Creating_a_key_redirects_shows_the_key_once_and_a_refresh_creates_no_other()
    {
        var host = await SharedHost.GetAsync();
        host.Services.GetRequiredService<Monitor.Web.Security.UserStore>().Create("prg", RunningHost.UserPassword, "analyst", null);
        using var client = await host.SignedInClient("prg");

        using var created = await AuditTests.Post(client, "/ApiKeys", "/ApiKeys?handler=Create", new() { ["Label"] = "once" });
        var shown = await client.GetStringAsync(created.Headers.Location!.ToString());
        var refreshed = await client.GetStringAsync("/ApiKeys");

        Assert.AreEqual(HttpStatusCode.Redirect, created.StatusCode, "post/redirect/get: a refresh repeats the GET, not the POST");
        var key = NewKey().Match(shown);
        Assert.IsTrue(key.Success, "the key is shown on the page after the redirect");
        Assert.IsFalse(refreshed.Contains(key.Groups[1].Value, StringComparison.Ordinal), "the key is shown once only");
        Assert.AreEqual(1, host.Services.GetRequiredService<ApiKeyStore>().List("prg").Count);
    }

    [TestMethod]
    public async Task Over_long_labels_are_refused_on_the_page_and_the_API()
    {
        var host = await SharedHost.GetAsync();
        host.Services.GetRequiredService<Monitor.Web.Security.UserStore>().Create("longlabel", RunningHost.UserPassword, "analyst", null);
        var key = host.Services.GetRequiredService<ApiKeyStore>().Create("longlabel", "first");
        using var client = await host.SignedInClient("longlabel");
        using var api = host.Client();
        api.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key.Key);

        using var page = await AuditTests.Post(client, "/ApiKeys", "/ApiKeys?handler=Create", new() { ["Label"] = new string('x', 100_000) });
        using var json = await api.PostAsync("/api/v1/keys", new StringContent($"{{\"label\":\"{new string('x', 1_000_000)}\"}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.AreEqual("application/problem+json", json.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual(1, host.Services.GetRequiredService<ApiKeyStore>().List("longlabel").Count, "no key with a huge label was created");
        // The central input limits (InputLimitsMiddleware) refuse the form before the page runs.
        Assert.AreEqual(HttpStatusCode.BadRequest, page.StatusCode);
    }

    [GeneratedRegex("<pre id=\"new-api-key\">([^<]+)</pre>")]
    private static partial Regex NewKey();
}
