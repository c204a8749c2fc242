using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Audit;
using Monitor.Core.Store;
using Monitor.Testing.Workbooks;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Pages.Data;

/// <summary>The upload page: analysts preview a file, confirm, and a Hangfire job loads it; hostile uploads are refused clearly.</summary>
[TestClass]
public sealed class UploadPageTests
{
    [TestMethod]
    public async Task An_analyst_previews_confirms_and_the_enqueued_job_loads_the_series()
    {
        // Its own unseeded host: the seed writes ingest runs with fixed ids that a real load's sequence would collide with.
        await using var host = await RunningHost.StartAsync(seeded: false);
        using var client = await host.SignedInClient(RunningHost.AnalystUser, RunningHost.UserPassword);
        var workbook = new XlsxBuilder().Sheet("data", ["date", "upload_rate"], [new DateTime(2025, 1, 1), 1.5], [new DateTime(2025, 2, 1), 1.75])
            .Save(Path.Combine(host.Folder, "rates-page.xlsx"));

        var preview = await Upload(client, File.ReadAllBytes(workbook), "rates.xlsx", "web_upload");
        StringAssert.Contains(preview, "id=\"preview-format\">excel<");
        StringAssert.Contains(preview, "web_upload:upload_rate");
        var id = Hidden(preview, "id");

        using var confirmed = await RunningHost.PostForm(client, "/Data/Upload", "/Data/Upload?handler=Confirm",
            new() { ["id"] = id, ["fileName"] = "rates.xlsx", ["Dataset"] = "web_upload" });
        Assert.AreEqual(HttpStatusCode.Redirect, confirmed.StatusCode);
        RunEnqueuedUploadJobs(host);

        var store = host.Services.GetRequiredService<MonitorStore>();
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM observations WHERE series_id = 'web_upload:upload_rate' AND period = DATE '2025-02-01'";
        Assert.AreEqual(1.75, command.ExecuteScalar());
        var audit = host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Action: "upload.load"));
        Assert.IsTrue(audit.Rows.Any(r => r.Actor == RunningHost.AnalystUser && r.Outcome == AuditOutcome.Success));
    }

    [TestMethod]
    public async Task A_workbook_uploaded_with_its_mapping_previews_and_loads_through_it()
    {
        await using var host = await RunningHost.StartAsync(seeded: false);
        using var client = await host.SignedInClient(RunningHost.AnalystUser, RunningHost.UserPassword);
        var workbook = File.ReadAllBytes(new XlsxBuilder()
            .Sheet("2025.08", ["指标", "本月"], ["工业增加值", 10.0])
            .Sheet("2025.09", ["指标", "本月"], ["工业增加值", 11.0])
            .Save(Path.Combine(host.Folder, "months-page.xlsx")));
        var mapping = """{ "indicators": { "工业增加值": "IVA" } }"""u8.ToArray();

        var without = WebUtility.HtmlDecode(await Upload(client, workbook, "months.xlsx", "web_map"));
        var with = WebUtility.HtmlDecode(await Upload(client, workbook, "months.xlsx", "web_map", (mapping, "months-map.json")));
        var wrongKind = WebUtility.HtmlDecode(await Upload(client, workbook, "months.xlsx", "web_map", ("a,b\n"u8.ToArray(), "map.csv")));

        Assert.IsFalse(without.Contains("id=\"upload-confirm\"", StringComparison.Ordinal), "without its mapping the bulletin does not load");
        StringAssert.Contains(with, ": months-map.json</span>");
        StringAssert.Contains(with, "web_map:IVA");
        StringAssert.Contains(wrongKind, "id=\"refused\"");
        StringAssert.Contains(wrongKind, "'map.csv'");
        using var confirmed = await RunningHost.PostForm(client, "/Data/Upload", "/Data/Upload?handler=Confirm", new()
        {
            ["id"] = Hidden(with, "id"), ["fileName"] = "months.xlsx", ["mappingId"] = Hidden(with, "mappingId"), ["mappingName"] = "months-map.json", ["Dataset"] = "web_map",
        });
        Assert.AreEqual(HttpStatusCode.Redirect, confirmed.StatusCode);
        RunEnqueuedUploadJobs(host);

        using var connection = host.Services.GetRequiredService<MonitorStore>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM observations WHERE series_id = 'web_map:IVA' AND period = DATE '2025-09-01'";
        Assert.AreEqual(11.0, command.ExecuteScalar());
        var audit = host.Services.GetRequiredService<IAuditLog>().Read(new AuditFilter(Action: "upload.load"));
        Assert.IsTrue(audit.Rows.Any(r => r.Parameters?.Contains("mapping=months-map.json", StringComparison.Ordinal) == true), "the audit names the mapping");
    }

    [TestMethod]
    public async Task Hostile_uploads_are_refused_with_a_clear_message()
    {
        var host = await SharedHost.GetAsync();
        using var client = await host.SignedInClient(RunningHost.AnalystUser, RunningHost.UserPassword);

        var path = await Upload(client, "a,b\n1,2\n"u8.ToArray(), "../../etc/cron.csv", "web_upload");
        var renamed = await Upload(client, "date,x\n2025-01-01,1\n"u8.ToArray(), "data.xlsx", "web_upload");

        StringAssert.Contains(path, "id=\"refused\"");
        StringAssert.Contains(WebUtility.HtmlDecode(renamed), "wrong extension for the content");
    }

    [TestMethod]
    public async Task A_planner_may_not_upload_and_a_post_without_the_token_is_refused()
    {
        var host = await SharedHost.GetAsync();
        using var planner = await host.SignedInClient(RunningHost.PlannerUser, RunningHost.UserPassword);
        using var analyst = await host.SignedInClient(RunningHost.AnalystUser, RunningHost.UserPassword);

        using var denied = await planner.GetAsync("/Data/Upload");
        using var content = Multipart("a,b\n"u8.ToArray(), "x.csv", "web_upload", token: null);
        using var noToken = await analyst.PostAsync("/Data/Upload?handler=Preview", content);

        StringAssert.StartsWith(denied.Headers.Location?.AbsolutePath ?? "", "/Account/Denied");
        Assert.AreEqual(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    private static async Task<string> Upload(HttpClient client, byte[] bytes, string name, string dataset, (byte[] Bytes, string Name)? mapping = null)
    {
        var token = await RunningHost.TokenFrom(client, "/Data/Upload");
        using var content = Multipart(bytes, name, dataset, token);
        if (mapping is { } m) content.Add(new ByteArrayContent(m.Bytes), "mapping", m.Name);
        using var response = await client.PostAsync("/Data/Upload?handler=Preview", content);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string name, string dataset, string? token)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", name);
        content.Add(new StringContent(dataset), "Dataset");
        if (token is not null) content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    private static string Hidden(string html, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\" value=\"([^\"]+)\"");
        Assert.IsTrue(match.Success, $"no hidden {name} in the preview");
        return match.Groups[1].Value;
    }

    // The test host runs no Hangfire server: run the enqueued upload jobs as a server would, with their recorded arguments.
    internal static void RunEnqueuedUploadJobs(RunningHost host)
    {
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        foreach (var (_, job) in monitoring.EnqueuedJobs("default", 0, 1000))
        {
            if (job is not EnqueuedJobDto { Job: { } call } || call.Type != typeof(Monitor.Ingest.Uploads.UploadIngestJob)) continue;
            var instance = ActivatorUtilities.CreateInstance(host.Services, call.Type);
            call.Method.Invoke(instance, call.Args.ToArray());
        }
    }
}
