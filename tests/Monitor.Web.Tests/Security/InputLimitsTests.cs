using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

/// <summary>Issue #16: text inputs had no length limit (a 1 MB API-key label was stored). One table, one check, every input.</summary>
[TestClass]
public sealed class InputLimitsTests
{
    [TestMethod]
    [DataRow("Draft.Address", InputLimits.Email)]
    [DataRow("label", Monitor.Web.Api.Keys.ApiKeyStore.MaxLabelLength)]
    [DataRow("members", InputLimits.Members)]
    [DataRow("somethingElse", InputLimits.Default)]
    public void Each_field_has_its_limit_and_unknown_fields_the_default(string field, int limit) =>
        Assert.AreEqual(limit, InputLimits.For(field));

    [TestMethod]
    public async Task An_over_long_JSON_string_is_a_400_problem_naming_the_field_and_nothing_is_stored()
    {
        var host = await SharedHost.GetAsync();
        using var analyst = await host.SignedInClient(RunningHost.AnalystUser);
        var address = new string('a', 300) + "@example.com";

        using var response = await analyst.PostAsJsonAsync("/api/v1/subscriptions", new { address, cadence = "daily" });
        var body = await response.Content.ReadAsStringAsync();
        var list = await analyst.GetStringAsync("/api/v1/subscriptions");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(body, $"address: at most {InputLimits.Email} characters");
        Assert.DoesNotContain(address, list);
    }

    [TestMethod]
    public async Task An_over_large_JSON_body_is_refused_whole()
    {
        var host = await SharedHost.GetAsync();
        using var analyst = await host.SignedInClient(RunningHost.AnalystUser);

        using var response = await analyst.PostAsJsonAsync("/api/v1/keys", new { label = "ok", padding = new string('x', 2 * InputLimits.JsonBody) });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "body: at most");
    }

    [TestMethod]
    public async Task An_over_long_form_field_is_a_400_problem_and_the_page_does_nothing()
    {
        var host = await SharedHost.GetAsync();
        using var admin = await host.SignedInClient(RunningHost.AdminUser);

        using var response = await RunningHost.PostForm(admin, "/Users", "/Users?handler=Create", new()
        {
            ["userName"] = "longname", ["displayName"] = new string('名', 5000), ["password"] = "staple horse battery", ["role"] = Roles.Planner,
        });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), $"displayName: at most {InputLimits.Name} characters");
        Assert.IsNull(host.Services.GetRequiredService<UserStore>().Find("longname"));
    }
}
