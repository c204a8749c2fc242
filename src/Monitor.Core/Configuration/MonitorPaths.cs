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

    /// <summary>The application's own folder (its binaries, appsettings.json and the data-samples/ the build copies beside them).</summary>
    public static string AppFolder => AppContext.BaseDirectory;

    /// <summary>
    /// Resolves a file to read: a relative path naming something the application ships (present under <see cref="AppFolder"/>,
    /// such as data-samples/china_sample) resolves there, wherever MONITOR_HOME points; any other relative path against <see cref="Home"/>.
    /// </summary>
    public static string ResolveInput(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path)) return path;
        var shipped = Path.GetFullPath(Path.Combine(AppFolder, path));
        return File.Exists(shipped) || Directory.Exists(shipped) ? shipped : Resolve(path);
    }

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
