using Monitor.Core.Configuration;

namespace Monitor.Core.Tests.Configuration;

/// <summary>Files the application ships resolve from its own folder; everything else from the Monitor home.</summary>
[TestClass]
public sealed class MonitorPathsTests
{
    [TestMethod]
    public void A_file_the_application_ships_resolves_from_its_own_folder()
    {
        var shipped = Path.Combine("shipped-" + Guid.NewGuid().ToString("N"), "sample.csv");
        var inAppFolder = Path.Combine(MonitorPaths.AppFolder, shipped);
        Directory.CreateDirectory(Path.GetDirectoryName(inAppFolder)!);
        File.WriteAllText(inAppFolder, "x");
        try
        {
            Assert.AreEqual(Path.GetFullPath(inAppFolder), MonitorPaths.ResolveInput(shipped));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(inAppFolder)!, recursive: true);
        }
    }

    [TestMethod]
    public void Other_relative_paths_resolve_from_the_home_folder_and_absolute_ones_stay()
    {
        var data = Path.Combine("data", "not-shipped-" + Guid.NewGuid().ToString("N") + ".csv");

        Assert.AreEqual(Path.GetFullPath(Path.Combine(MonitorPaths.Home, data)), MonitorPaths.ResolveInput(data));
        Assert.AreEqual("/srv/monitor/x.csv", MonitorPaths.ResolveInput("/srv/monitor/x.csv"));
    }
}
