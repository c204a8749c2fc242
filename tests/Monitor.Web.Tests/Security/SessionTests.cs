using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

/// <summary>Sessions end when access ends: each case keeps a signed-in cookie, changes access, and replays the cookie.</summary>
[TestClass]
public sealed class SessionTests
{
    [TestMethod]
    public async Task A_disabled_admins_kept_cookie_can_no_longer_create_an_admin_or_open_the_job_dashboard()
    {
        var host = await SharedHost.GetAsync();
        Users(host).Create("admin2", RunningHost.UserPassword, Roles.Admin, null);
        using var admin2 = await host.SignedInClient("admin2");
        var token = await RunningHost.TokenFrom(admin2, "/Users");
        Assert.AreEqual(HttpStatusCode.OK, (await admin2.GetAsync("/hangfire")).StatusCode, "before: the session works");

        Users(host).SetDisabled("admin2", true);

        using var create = await admin2.PostAsync("/Users?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "sneaky", ["password"] = "a-long-password-1", ["role"] = "admin", ["__RequestVerificationToken"] = token,
        }));
        using var jobs = await admin2.GetAsync("/hangfire");
        Assert.AreNotEqual(HttpStatusCode.OK, jobs.StatusCode);
        Assert.IsNull(Users(host).Find("sneaky"), "no admin was created with the old cookie");
        AssertSignedOut(await admin2.GetAsync("/Users"));
    }

    [TestMethod]
    public async Task A_demoted_analysts_kept_cookie_can_no_longer_create_keys_or_export()
    {
        var host = await SharedHost.GetAsync();
        Users(host).Create("demoted", RunningHost.UserPassword, Roles.Analyst, null);
        using var client = await host.SignedInClient("demoted");
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/Exports")).StatusCode, "before: the session works");

        Users(host).SetRole("demoted", Roles.Planner);

        using var key = await client.PostAsync("/api/v1/keys", new StringContent("{\"label\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        using var export = await client.GetAsync("/api/v1/exports?format=csv");
        Assert.AreEqual(HttpStatusCode.Unauthorized, key.StatusCode);
        Assert.AreEqual(HttpStatusCode.Unauthorized, export.StatusCode);
        AssertSignedOut(await client.GetAsync("/Exports"));
        Assert.AreEqual(0, host.Services.GetRequiredService<Monitor.Web.Api.Keys.ApiKeyStore>().List("demoted").Count);
    }

    [TestMethod]
    public async Task A_password_change_ends_the_users_other_sessions()
    {
        var host = await SharedHost.GetAsync();
        Users(host).Create("changer", RunningHost.UserPassword, Roles.Planner, null);
        using var client = await host.SignedInClient("changer");

        Users(host).SetPassword("changer", "another-long-password");

        AssertSignedOut(await client.GetAsync("/"));
        using var again = await host.SignedInClient("changer", "another-long-password");
        Assert.AreEqual(HttpStatusCode.OK, (await again.GetAsync("/")).StatusCode);
    }

    [TestMethod]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        var host = await SharedHost.GetAsync();
        Users(host).Create("leaver", RunningHost.UserPassword, Roles.Planner, null);
        var (client, kept) = await KeptSession(host, "leaver");
        using var _ = client;

        using var signOut = await RunningHost.PostForm(client, "/", "/Account/SignOut", []);

        Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSignedOut(await Replay(host.Address, kept, "/"));
    }

    [TestMethod]
    public async Task After_a_restart_a_cookie_holds_only_while_the_store_still_says_so()
    {
        var first = await RunningHost.StartAsync(seeded: false);
        string planner, analyst;
        try
        {
            (_, planner) = await KeptSession(first, RunningHost.PlannerUser);
            (_, analyst) = await KeptSession(first, RunningHost.AnalystUser);
        }
        finally
        {
            await first.StopKeepingFilesAsync();
        }
        // While the host is down, the operator disables the analyst in the store itself.
        using (var store = new MonitorStore(new StoreOptions { Path = Path.Combine(first.Folder, "monitor.duckdb"), MemoryLimit = "256MB" },
                   SchemaScript.FromEmbedded(typeof(UserStore).Assembly, "security", "Monitor.Web.Security.Schema.")))
        {
            new UserStore(store, TimeProvider.System).SetDisabled(RunningHost.AnalystUser, true);
        }

        await using var second = await RunningHost.StartAsync(seeded: false, folder: first.Folder);

        Assert.AreEqual(HttpStatusCode.OK, (await Replay(second.Address, planner, "/")).StatusCode, "a cookie still valid against the store survives");
        AssertSignedOut(await Replay(second.Address, analyst, "/"));
    }

    [TestMethod]
    public async Task API_keys_follow_their_owners_current_role()
    {
        var host = await SharedHost.GetAsync();
        Users(host).Create("keyholder", RunningHost.UserPassword, Roles.Analyst, null);
        var key = host.Services.GetRequiredService<Monitor.Web.Api.Keys.ApiKeyStore>().Create("keyholder", "k");
        using var client = host.Client();
        client.DefaultRequestHeaders.Add(Monitor.Web.Api.Keys.ApiKeyAuthenticationHandler.Header, key.Key);

        Users(host).SetRole("keyholder", Roles.Planner);

        Assert.AreEqual(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/exports?format=csv")).StatusCode);
    }

    private static UserStore Users(RunningHost host) => host.Services.GetRequiredService<UserStore>();

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, "the kept cookie no longer opens the page");
        StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/Account/SignIn");
    }

    /// <summary>Signs in and returns the session cookie as a Cookie header value, kept aside as an attacker who copied it would.</summary>
    internal static async Task<(HttpClient Client, string Cookie)> KeptSession(RunningHost host, string user)
    {
        var jar = new CookieContainer();
        var client = await host.SignedInClient(user, cookies: jar);
        return (client, jar.GetCookieHeader(host.Address));
    }

    /// <summary>Sends a kept cookie from a fresh client (no cookie jar), as a replay would.</summary>
    internal static async Task<HttpResponseMessage> Replay(Uri address, string cookieHeader, string path)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }
}
