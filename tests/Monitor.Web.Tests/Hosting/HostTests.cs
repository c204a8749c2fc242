using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Pages.Alerts;

namespace Monitor.Web.Tests.Hosting;

[TestClass]
public sealed class HostTests
{
    private static readonly string[] Pages =
        ["/", "/Indicator?id=cn%3Apmi", "/Regions", "/Regions/Province?code=CN-GD", "/Industries", "/Alerts", "/Data", "/Users", "/hangfire",
         "/Exports", "/ApiKeys", "/Subscriptions", "/Subscriptions/Outbox", "/Audit"];

    [TestMethod]
    public async Task Health_answers_200_with_the_database_file_to_an_admin()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.AdminUser);

        using var response = await client.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.EndsWith(body.RootElement.GetProperty("database").GetString(), "monitor.duckdb");
        Assert.AreEqual("memory", body.RootElement.GetProperty("jobStorage").GetString());
    }

    [TestMethod]
    public async Task A_stranger_is_sent_to_sign_in_from_every_page()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, page);
            StringAssert.StartsWith(response.Headers.Location!.AbsolutePath, "/Account/SignIn", page);
        }
    }

    [TestMethod]
    public async Task A_stranger_calling_an_api_path_gets_401_not_a_redirect()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/api/anything");

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [TestMethod]
    public async Task Static_assets_and_the_sign_in_page_are_open()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }

    [TestMethod]
    public async Task Signing_in_opens_every_page_for_an_admin()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.AdminUser);

        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, page);
        }
    }

    [TestMethod]
    public async Task The_overview_shows_ten_indicators_with_values_lights_and_chinese_charts()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.PlannerUser);

        var html = await client.GetStringAsync("/");

        Assert.IsGreaterThanOrEqualTo(10, CountOf(html, "<article class=\"card\">"));
        Assert.IsGreaterThanOrEqualTo(10, CountOf(html, "<img src=\"/charts/series/"), "ten or more indicator charts, as cached images");
        Assert.AreEqual(1, CountOf(html, "<svg"), "the warning index chart, inline");
        StringAssert.Contains(html, "规模以上工业增加值同比");
        StringAssert.Contains(html, "class=\"cell light-red\"");
        StringAssert.Contains(html, "预警指数");
    }

    [TestMethod]
    public async Task A_wrong_password_does_not_sign_in()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        using var response = await RunningHost.SignIn(client, RunningHost.AdminUser, "wrong-password");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "the form is shown again");
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "signin-error");
        Assert.AreEqual(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [TestMethod]
    public async Task A_form_post_without_the_anti_forgery_token_is_rejected()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.AnalystUser);

        using var response = await client.PostAsync("/Alerts", new FormUrlEncodedContent(new Dictionary<string, string> { ["alertId"] = "2", ["action"] = "resolve" }));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [TestMethod]
    public async Task A_planner_cannot_act_on_alerts_nor_open_admin_pages()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.PlannerUser);
        var token = await RunningHost.TokenFrom(client, "/Alerts");

        using var act = await client.PostAsync("/Alerts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["alertId"] = "2", ["action"] = "resolve", ["__RequestVerificationToken"] = token,
        }));
        using var users = await client.GetAsync("/Users");
        using var jobs = await client.GetAsync("/hangfire");

        Assert.AreEqual(HttpStatusCode.Redirect, act.StatusCode);
        StringAssert.StartsWith(act.Headers.Location!.AbsolutePath, "/Account/Denied");
        var alerts = host.Services.GetRequiredService<AlertsQuery>();
        Assert.AreEqual("open", alerts.List(null, null, null).Single(a => a.AlertId == 2).State, "the planner's resolve did not land");
        Assert.AreEqual(HttpStatusCode.Redirect, users.StatusCode);
        StringAssert.StartsWith(users.Headers.Location!.AbsolutePath, "/Account/Denied");
        Assert.AreEqual(HttpStatusCode.Redirect, jobs.StatusCode);
        StringAssert.StartsWith(jobs.Headers.Location!.AbsolutePath, "/Account/Denied");
    }

    [TestMethod]
    public async Task Every_response_carries_the_security_headers()
    {
        var host = await SharedHost.GetAsync();
        using var client = host.Client();

        foreach (var path in new[] { "/health", "/Account/SignIn", "/" })
        {
            using var response = await client.GetAsync(path);
            StringAssert.Contains(response.Headers.GetValues("Content-Security-Policy").Single(), "frame-ancestors 'none'", path);
            Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single(), path);
            Assert.AreEqual("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single(), path);
        }
    }

    [TestMethod]
    public async Task Series_names_are_rendered_encoded()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.PlannerUser);

        var html = await client.GetStringAsync("/Indicator?id=cn%3Apmi");

        Assert.DoesNotContain("<script", html);
        StringAssert.Contains(html, "制造业采购经理指数");
    }

    [TestMethod]
    public async Task The_indicator_page_shows_a_chosen_vintage()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.PlannerUser);

        var current = await client.GetStringAsync("/Indicator?id=cn%3Acpi_yoy");
        var original = await client.GetStringAsync("/Indicator?id=cn%3Acpi_yoy&asOf=2026-01-20T08%3A00%3A00");

        StringAssert.Contains(current, "<option value=\"2026-02-20T08:00:00\">", "the revision is offered in the picker");
        Assert.DoesNotContain("(截至 ", current);
        StringAssert.Contains(original, "(截至 2026-01-20)", "the chart title says which vintage it shows");
        StringAssert.Contains(original, "<option value=\"2026-01-20T08:00:00\" selected=\"selected\">");
    }

    [TestMethod]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        await using var host = await RunningHost.StartAsync(seeded: false, signInAttemptsPerMinute: 2);
        using var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await RunningHost.SignIn(client, RunningHost.AdminUser, "wrong-password")).StatusCode);

        CollectionAssert.AreEqual(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
