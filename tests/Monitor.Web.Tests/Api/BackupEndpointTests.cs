using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Store;
using Monitor.Testing;
using Monitor.Web.Api.Keys;
using Monitor.Web.Tests.Hosting;

namespace Monitor.Web.Tests.Api;

/// <summary>The running host writes a consistent backup for an admin's API key; nobody else may ask.</summary>
[TestClass]
public sealed class BackupEndpointTests
{
    [TestMethod]
    public async Task An_admin_key_gets_a_backup_of_the_running_store_that_restores_to_the_same_rows()
    {
        await using var host = await RunningHost.StartAsync();
        var key = host.Services.GetRequiredService<ApiKeyStore>().Create(RunningHost.AdminUser, "backup").Key;
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var backup = Path.Combine(host.Folder, "backup");

        using var response = await client.PostAsJsonAsync("/api/v1/admin/backup", new { folder = backup });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var restoredPath = Path.Combine(host.Folder, "restored.duckdb");
        StoreBackup.Restore(backup, restoredPath, TimeProvider.System);
        using var restored = new MonitorStore(new StoreOptions { Path = restoredPath, MemoryLimit = "256MB" });
        using var live = host.Services.GetRequiredService<MonitorStore>().Open();
        using var copy = restored.Open();
        CollectionAssert.AreEquivalent(StoreBackup.RowCounts(live, null).ToList(), StoreBackup.RowCounts(copy, null).ToList());
    }

    [TestMethod]
    public async Task A_planner_may_not_ask_for_a_backup()
    {
        var host = await SharedHost.GetAsync();
        var key = host.Services.GetRequiredService<ApiKeyStore>().Create(RunningHost.PlannerUser, "not allowed").Key;
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var folder = Path.Combine(TempFolder.Create(), "backup");

        using var response = await client.PostAsJsonAsync("/api/v1/admin/backup", new { folder });

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.IsFalse(Directory.Exists(folder));
    }
}
