using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Web.Security;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Security;

/// <summary>Issue #16: the Data page showed every reader the server's file paths; planners now see source names only.</summary>
[TestClass]
public sealed class DataPageExposureTests
{
    private const string Folder = "/srv/monitor-feeds/secret";

    [TestMethod]
    public async Task A_planner_sees_source_names_but_no_absolute_path_while_an_admin_still_sees_them()
    {
        await using var host = await RunningHost.StartAsync(seeded: false);
        var at = new DateTime(2026, 12, 1, 8, 0, 0);
        var store = host.Services.GetRequiredService<MonitorStore>();
        StoreSql.Execute(store, "INSERT INTO ingest_runs (run_id, source, location, started_at, finished_at, rows_read, rows_rejected, status, error_report) VALUES (7, 'feeds', $1, $2, $2, 0, 1, 'failed', $3)",
            $"{Folder}/observations.csv", at, $"observations.csv:0: file: Could not find file '{Folder}/observations.csv'.");
        StoreSql.Execute(store, "INSERT INTO job_runs VALUES (7, 'ingest:feeds', $1, $1, 'failed', $2)", at, $"cannot read {Folder}/observations.csv");

        using var planner = await host.SignedInClient(RunningHost.PlannerUser);
        using var admin = await host.SignedInClient(RunningHost.AdminUser);
        var plannerPage = await planner.GetStringAsync("/Data");
        var adminPage = await admin.GetStringAsync("/Data");

        StringAssert.Contains(plannerPage, "feeds");
        StringAssert.Contains(plannerPage, "observations.csv", "the file name alone is still shown");
        Assert.DoesNotContain("/srv/", plannerPage);
        StringAssert.Contains(adminPage, $"{Folder}/observations.csv");
    }

    [TestMethod]
    [DataRow("cannot read /srv/a/b/c.csv now", "cannot read c.csv now")]
    [DataRow("Could not find file '/srv/monitor/uploads/y.xlsx'.", "Could not find file 'y.xlsx'.")]
    [DataRow(@"failed: C:\data\feeds\m2.csv", "failed: m2.csv")]
    [DataRow("https://example.invalid/m2.csv stays", "https://example.invalid/m2.csv stays")]
    [DataRow("12 series, 3/4 done", "12 series, 3/4 done")]
    public void Absolute_paths_shrink_to_their_file_name_and_other_text_stays(string text, string expected) =>
        Assert.AreEqual(expected, PathRedaction.Redact(text));
}
