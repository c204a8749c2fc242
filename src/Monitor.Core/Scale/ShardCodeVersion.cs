using System.Reflection;

namespace Monitor.Core.Scale;

/// <summary>
/// The version of the computing code a shard needs: the module version ids of the Monitor assemblies loaded in this
/// process. Builds are deterministic, so the same source gives the same ids on every machine; a worker built from other
/// source refuses the shard instead of merging results computed by other code.
/// </summary>
public static class ShardCodeVersion
{
    private static readonly Lazy<string> Value = new(Compute);

    public static string Current => Environment.GetEnvironmentVariable("MONITOR_CODE_VERSION") is { Length: > 0 } forced ? forced : Value.Value;

    private static string Compute()
    {
        var ids = ComputingAssemblies.Select(Load).OfType<Assembly>().Select(a => a.ManifestModule.ModuleVersionId.ToString("N")[..8]);
        return string.Join("-", ids);
    }

    /// <summary>Only the stage libraries decide results; hosts (web, CLI, tests) differ between owner and workers.</summary>
    private static readonly string[] ComputingAssemblies = ["Monitor.Core", "Monitor.Forecast", "Monitor.Warn", "Monitor.Enterprises", "Monitor.Nowcast"];

    private static Assembly? Load(string name)
    {
        // An assembly a script host (the notebooks' kernel) loaded into its own load context cannot be loaded again by
        // name from the default one (FileLoadException): use the loaded one, whichever context holds it.
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name) is { } loaded) return loaded;
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            return null;
        }
    }
}
