namespace Monitor.Core.Configuration;

/// <summary>
/// Resolves relative data paths (data/monitor.duckdb, data-samples/...) against one home folder, so that the web host,
/// the command line and the notebooks find the same files: $MONITOR_HOME, else the repository root above the
/// working directory (the folder holding Monitor.sln), else the working directory.
/// </summary>
public static class MonitorPaths
{
    private static readonly Lazy<string> HomeFolder = new(FindHome);

    public static string Home => HomeFolder.Value;

    public static string Resolve(string path) =>
        string.IsNullOrWhiteSpace(path) || path == ":memory:" || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Home, path));

    private static string FindHome()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MONITOR_HOME");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
