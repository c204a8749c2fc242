namespace Monitor.Testing;

/// <summary>Finds the repository root and the shared real datasets (../shared/datasets beside the clone).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataSamples => Path.Combine(Root, "data-samples");

    /// <summary>The shared datasets folder: $MONITOR_DATASETS, else ../shared/datasets beside the repository.</summary>
    public static string? Datasets
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("MONITOR_DATASETS");
            if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));
            return Directory.Exists(beside) ? beside : null;
        }
    }

    /// <summary>A file under the shared datasets; marks the test inconclusive (a skip, with the reason) when it is absent.</summary>
    public static string Dataset(string relativePath)
    {
        var root = Datasets;
        if (root is null) CiRequirement.Missing("../shared/datasets is not present on this machine (set MONITOR_DATASETS)");
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path)) CiRequirement.Missing($"{relativePath} is not in the shared datasets");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Monitor.sln not found above " + AppContext.BaseDirectory);
    }
}
